/**
 * Links from unknown peers (hostile-peers issue, point 10): capped and rate-limited, and never
 * able to displace a link whose session authenticated the friend, through any tracker.
 */
import { describe, expect, it } from 'vitest';
import { admitOpened, StrangerGate, type LinkFacts } from '../../../src/transport/link-admission';

const link = (over: Partial<LinkFacts>): LinkFacts => ({
  tracker: 'wss://a.example/murmur',
  peerId: 'mfriend',
  initiator: false,
  open: true,
  authenticated: false,
  ...over,
});

describe('a channel that opens to a peer we already have a link to', () => {
  it('never displaces a link whose session proved the friend', () => {
    const proven = link({ initiator: true, authenticated: true });
    const impostor = link({ initiator: false });
    // Without the proof, the impostor would win: its dialler id ('mfriend') is lower than ours.
    expect(admitOpened(impostor, [proven], 'mzzz')).toEqual({ keep: false });
    expect(admitOpened(impostor, [{ ...proven, authenticated: false }], 'mzzz')).toEqual({
      keep: true,
      drop: [{ ...proven, authenticated: false }],
    });
  });

  it('refuses an unproven link to a proven friend’s peer id through another tracker', () => {
    const proven = link({ tracker: 'wss://b.example/murmur', authenticated: true });
    const elsewhere = link({ tracker: 'wss://hostile.example/murmur' });
    expect(admitOpened(elsewhere, [proven], 'mzzz')).toEqual({ keep: false });
  });

  it('replaces one still connecting, and of two open ones keeps the lower dialler’s', () => {
    const connecting = link({ open: false, initiator: true });
    const opened = link({});
    expect(admitOpened(opened, [connecting], 'mzzz')).toEqual({ keep: true, drop: [connecting] });
    const mine = link({ initiator: true });
    expect(admitOpened(link({}), [mine], 'maaa')).toEqual({ keep: false });
  });
});

describe('channels from strangers', () => {
  it('are at most four at once and six a minute', () => {
    let now = 0;
    const gate = new StrangerGate(undefined, () => now);
    expect(['a', 'b', 'c', 'd', 'e'].map((p) => gate.enter(p))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    gate.left();
    gate.left();
    expect(gate.enter('f')).toBe(false); // room, but the burst is spent
    now += 10_000;
    expect(gate.enter('g')).toBe(true); // one more after ten seconds
    expect(gate.enter('h')).toBe(false);
  });

  it('from one peer id: two, then one per five minutes', () => {
    let now = 0;
    const gate = new StrangerGate(undefined, () => now);
    expect([gate.enter('m'), gate.enter('m'), gate.enter('m')]).toEqual([true, true, false]);
    gate.left();
    gate.left();
    now += 60_000;
    expect(gate.enter('m')).toBe(false);
    expect(gate.enter('n')).toBe(true); // someone else is not held up by them
    now += 4 * 60_000;
    expect(gate.enter('m')).toBe(true);
  });
});
