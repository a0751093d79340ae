/**
 * Sessions refuse strangers and squatters before sharing anything, end on malformed or
 * oversized frames with a typed error and an untouched store, and cut off floods.
 */
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../src/core/bytes';
import { channelPair } from '../../../src/core/sync/memory-channel';
import { decodeFrame, encodeFrame, MAX_FRAME_BYTES } from '../../../src/core/sync/frames';
import { Session } from '../../../src/core/sync/session';
import type { SessionError } from '../../../src/core/sync/session-error';
import { befriend, connect, dm, makeNode, whenIdle, until, world, type TestNode } from './harness';

async function pair(): Promise<[TestNode, TestNode]> {
  const [a, b] = (await Promise.all([makeNode('A'), makeNode('B')])) as [TestNode, TestNode];
  befriend(a, b);
  return [a, b];
}

/** A raw peer that speaks frames at `target`, recording what it gets back. */
function rawPeer(target: TestNode) {
  const traffic = world.traffic;
  const [mine, theirs] = channelPair(traffic);
  const received: Uint8Array[] = [];
  let closed = false;
  mine.onFrame((f) => received.push(f));
  mine.onClose(() => (closed = true));
  const session = target.node.answer(theirs);
  return {
    send: (bytes: Uint8Array) => mine.send(bytes),
    received,
    closed: () => closed,
    session,
    traffic,
  };
}

async function snapshot(n: TestNode) {
  return JSON.stringify([
    await n.store.listMessages(),
    await n.store.listRelayCopies(),
    await n.store.listOutbox(),
    await n.store.listSeen(),
  ]);
}

describe('session handshake', () => {
  it('friends establish a session and sync', async () => {
    const [a, b] = await pair();
    const [s1, s2] = connect(a, b);
    await until(() => s1.state === 'established' && s2.state === 'established', 'established');
    expect(a.node.connectedFriends()).toEqual([b.fp]);
  });

  it('a stranger is refused before anything is shared', async () => {
    const [a, b] = await pair();
    const stranger = await makeNode('Stranger');
    stranger.keyring.addFriend(b.keyring.me.publicKey); // knows B's key, B does not know them
    await a.node.send(dm('private'), [b.fp]);
    const [cs, cb] = channelPair(world.traffic);
    const fromB: string[] = [];
    const tapped = {
      ...cs,
      binding: cs.binding,
      send: (f: Uint8Array) => cs.send(f),
      close: () => cs.close(),
      onClose: (h: () => void) => cs.onClose(h),
      onFrame: (h: (f: Uint8Array) => void) =>
        cs.onFrame((f) => (fromB.push(decodeFrame(f).type), h(f))),
    };
    b.node.answer(cb);
    let strangerError: string | undefined;
    const s = new Session({
      channel: tapped,
      keyring: stranger.keyring,
      engine: stranger.node,
      calling: stranger.keyring.friend(b.fp)!,
      activity: world.activity,
      onClosed: (_s, e) => (strangerError = e?.code),
    });
    await whenIdle();
    expect(fromB).toEqual(['bye']);
    expect(s.state).toBe('closed');
    expect(strangerError).toBe('stranger');
    expect(b.errors.map((e) => e?.code)).toEqual(['stranger']);
  });

  it("someone who took a friend's peer id cannot prove the key and learns nothing", async () => {
    const [a, b] = await pair();
    const squatter = await makeNode('Squatter');
    await b.node.send(dm('for A only'), [a.fp]);
    // A dials "B" but the squatter answers, pretending with B's public key only.
    squatter.keyring.addFriend(a.keyring.me.publicKey);
    const [ca, cs] = channelPair(world.traffic);
    const toSquatter: string[] = [];
    cs.onFrame((f) => toSquatter.push(decodeFrame(f).type));
    cs.send(encodeFrame({ type: 'welcome', challenge: randomBytes(16), proof: randomBytes(16) }));
    a.node.call(ca, a.keyring.friend(b.fp)!);
    await whenIdle();
    expect(toSquatter).toEqual(['hello', 'bye']);
    expect(a.errors.map((e) => e?.code)).toEqual(['bad-proof']);
  });
});

describe('bad frames', () => {
  const cases: [string, (b: TestNode) => Uint8Array, SessionError['code']][] = [
    ['garbage after a valid start', () => new Uint8Array([1, 1, ...randomBytes(40)]), 'malformed'],
    ['unknown version', () => new Uint8Array([9, 1]), 'unsupported-version'],
    ['unknown type', () => new Uint8Array([1, 99]), 'malformed'],
    ['truncated hello', () => new Uint8Array([1, 1, 0, 0]), 'malformed'],
    ['an offer before the handshake', () => encodeFrame({ type: 'request', ids: [] }), 'protocol'],
    ['oversized frame', () => new Uint8Array(MAX_FRAME_BYTES + 1), 'too-large'],
  ];

  it.each(cases)(
    '%s ends the session with a typed error and leaves the store untouched',
    async (_n, frame, code) => {
      const [a, b] = await pair();
      await a.node.send(dm('keep me'), [b.fp]);
      const before = await snapshot(a);
      const peer = rawPeer(a);
      peer.send(frame(a));
      await whenIdle();
      expect(a.errors.map((e) => e?.code)).toEqual([code]);
      expect(peer.closed()).toBe(true);
      expect(await snapshot(a)).toBe(before);
    },
  );

  it('an established friend sending an unrequested envelope is cut off; nothing is stored', async () => {
    const [a, b] = await pair();
    const [, sb] = connect(a, b);
    await until(() => sb.state === 'established', 'established');
    const before = await snapshot(b);
    const other = await makeNode('Other');
    other.keyring.addFriend(b.keyring.me.publicKey);
    const unsolicited = (await other.node.send(dm('unasked'), [b.fp])).bytes;
    // A's side of the channel pushes an envelope frame B never asked for.
    (
      sb as unknown as { options: { channel: { other: { send(f: Uint8Array): void } } } }
    ).options.channel.other.send(encodeFrame({ type: 'envelope', bytes: unsolicited }));
    await whenIdle();
    expect(b.errors.map((e) => e?.code)).toContain('protocol');
    expect(await snapshot(b)).toBe(before);
  });

  it('a flood of frames is cut off by the rate limit', async () => {
    const [a] = await pair();
    const peer = rawPeer(a);
    for (let i = 0; i < 5000; i++) peer.send(new Uint8Array([1, 3, ...new Array(16).fill(0)]));
    await whenIdle();
    expect(a.errors[0]?.code).toBe('rate-limited');
  });
});
