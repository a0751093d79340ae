/**
 * Links from unknown peers (hostile-peers issue, point 10): capped and rate-limited, and never
 * able to displace a link whose session authenticated the friend, through any tracker.
 */
import { describe, expect, it } from 'vitest';
import { admitOpened, StrangerGate, type LinkFacts } from '../../../src/transport/link-admission';
import { peerIdFor } from '../peer-ids';
import type { PeerId } from '../../../src/core/tracker/peer-id';

const link = (over: Partial<LinkFacts>): LinkFacts => ({
  tracker: 'wss://a.example/murmur',
  peerId: `m${'5'.repeat(32)}` as PeerId,
  initiator: false,
  open: true,
  authenticated: false,
  ...over,
});

describe('a channel that opens to a peer we already have a link to', () => {
  it('never drops a link whose session proved the friend, for any newcomer', () => {
    const proven = link({ initiator: true, authenticated: true });
    const impostor = link({ initiator: false });
    // Unproven, the impostor would win: its dialler id (m555…) is lower than ours. Proven,
    // the link stays; the newcomer waits beside it for its own handshake, which it cannot pass.
    expect(admitOpened(impostor, [proven], `m${'f'.repeat(32)}`)).toEqual({ keep: true, drop: [] });
    expect(
      admitOpened(impostor, [{ ...proven, authenticated: false }], `m${'f'.repeat(32)}`),
    ).toEqual({
      keep: true,
      drop: [{ ...proven, authenticated: false }],
    });
  });

  it('through another tracker, leaves a proven friend’s link alone too', () => {
    const proven = link({ tracker: 'wss://b.example/murmur', authenticated: true });
    const elsewhere = link({ tracker: 'wss://hostile.example/murmur' });
    expect(admitOpened(elsewhere, [proven], `m${'f'.repeat(32)}`)).toEqual({
      keep: true,
      drop: [],
    });
  });

  it('when both dial at once, both sides end with the same link, whichever opens first', () => {
    // Alice's peer id is lower than Paul's. Each side sees its own dial open first, while the
    // other's is still connecting — the order that used to lose both links.
    const alice = `m${'1'.repeat(32)}`;
    const paul = `m${'9'.repeat(32)}`;
    const toPaul = (over: Partial<LinkFacts>) => link({ peerId: paul as PeerId, ...over });
    const toAlice = (over: Partial<LinkFacts>) => link({ peerId: alice as PeerId, ...over });
    // At Alice: her dial (the one both keep) opens; Paul's, still connecting, goes.
    const alicesDial = toPaul({ initiator: true });
    const paulsDialAtAlice = toPaul({ initiator: false, open: false });
    expect(admitOpened(alicesDial, [paulsDialAtAlice], alice)).toEqual({
      keep: true,
      drop: [paulsDialAtAlice],
    });
    // At Paul: his own dial opens first; Alice's is still connecting. His serves meanwhile and
    // hers is left to open…
    const paulsDial = toAlice({ initiator: true });
    const alicesDialAtPaul = toAlice({ initiator: false, open: false });
    expect(admitOpened(paulsDial, [alicesDialAtPaul], paul)).toEqual({ keep: true, drop: [] });
    // …and when it does, it replaces his: both sides hold Alice's dial.
    const opened = { ...alicesDialAtPaul, open: true };
    expect(admitOpened(opened, [paulsDial], paul)).toEqual({ keep: true, drop: [paulsDial] });
  });

  it('replaces one still connecting, and of two open ones keeps the lower dialler’s', () => {
    const connecting = link({ open: false, initiator: true });
    const opened = link({});
    expect(admitOpened(opened, [connecting], `m${'f'.repeat(32)}`)).toEqual({
      keep: true,
      drop: [connecting],
    });
    const mine = link({ initiator: true });
    expect(admitOpened(link({}), [mine], `m${'0'.repeat(32)}`)).toEqual({ keep: false });
  });
});

describe('channels from strangers', () => {
  it('are at most four at once and twelve a minute after a burst of eight', () => {
    let now = 0;
    const gate = new StrangerGate(undefined, () => now);
    const first = ['a', 'b', 'c', 'd', 'e'].map((p) => gate.enter(peerIdFor(p)));
    expect(first.map(Boolean)).toEqual([true, true, true, true, false]);
    for (const ticket of first) if (ticket) gate.left(ticket);
    const second = ['f', 'g', 'h', 'i'].map((p) => gate.enter(peerIdFor(p)));
    expect(second.map(Boolean)).toEqual([true, true, true, true]);
    for (const ticket of second) if (ticket) gate.left(ticket);
    expect(gate.enter(peerIdFor('j'))).toBeNull(); // room, but the burst of eight is spent
    now += 5_000;
    expect(gate.enter(peerIdFor('k'))).not.toBeNull(); // one more every five seconds
    expect(gate.enter(peerIdFor('l'))).toBeNull();
  });

  it('from one peer id: four, then one a minute', () => {
    let now = 0;
    const gate = new StrangerGate(undefined, () => now);
    const tries = () => {
      const ticket = gate.enter(peerIdFor('m'));
      if (ticket) gate.left(ticket);
      return ticket !== null;
    };
    expect([tries(), tries(), tries(), tries(), tries()]).toEqual([true, true, true, true, false]);
    now += 30_000;
    expect(tries()).toBe(false);
    expect(gate.enter(peerIdFor('n'))).not.toBeNull(); // someone else is not held up by them
    now += 30_000;
    expect(tries()).toBe(true);
  });

  it('that never open give their places back after their deadline; open ones keep them', () => {
    let now = 0;
    const gate = new StrangerGate(undefined, () => now);
    const silent = ['a', 'b', 'c'].map((p) => gate.enter(peerIdFor(p)));
    const talking = gate.enter(peerIdFor('d'));
    if (!talking) throw new Error('a place for d');
    gate.opened(talking);
    expect(gate.enter(peerIdFor('e'))).toBeNull(); // four places taken
    now += 10_001; // the three silent ones are past their deadline
    expect(silent.every(Boolean)).toBe(true);
    expect(['f', 'g', 'h'].map((p) => Boolean(gate.enter(peerIdFor(p))))).toEqual([
      true,
      true,
      true,
    ]);
    expect(gate.enter(peerIdFor('i'))).toBeNull(); // d is open and keeps its place
  });
});
