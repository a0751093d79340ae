import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../../src/core/bytes';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { makeProofToken } from '../../../src/core/tracker/proof';
import { peerIdOf } from '../../../src/core/tracker/peer-id';
import { ConfigError, localConfig, parseTrackerConfig } from '../../../signaling-server/config';
import {
  startTracker,
  type RunningTracker,
  type TrackerEvent,
} from '../../../signaling-server/tracker';
import { connectClient, openSocket, proofFor } from './client';

describe('tracker configuration', () => {
  it('defaults to 127.0.0.1:9000/murmur; flags beat environment', () => {
    const defaults = parseTrackerConfig([], {});
    expect(defaults).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      path: '/murmur',
      publicHosts: [],
    });
    expect(defaults.limits.maxFrameBytes).toBe(16384);
    const custom = parseTrackerConfig(['--port', '7000', '--path=x', '--max-peers', '5'], {
      MURMUR_TRACKER_PORT: '8000',
      MURMUR_TRACKER_HOST: '::1',
      MURMUR_TRACKER_PUBLIC_HOST: 'tracker.example, tracker.example:8443',
      MURMUR_TRACKER_FRAMES: '7',
    });
    expect(custom).toMatchObject({
      host: '::1',
      port: 7000,
      path: '/x',
      publicHosts: ['tracker.example', 'tracker.example:8443'],
    });
    expect(custom.limits).toMatchObject({ maxPeers: 5, framesPerSecond: 7 });
  });

  it('refuses nonsense with a clear error', () => {
    expect(() => parseTrackerConfig(['--port', 'abc'], {})).toThrow(ConfigError);
    expect(() => parseTrackerConfig(['--bogus'], {})).toThrow(/unknown argument/);
    expect(() => parseTrackerConfig(['--port'], {})).toThrow(/needs a value/);
    expect(() => parseTrackerConfig(['--max-frame-bytes', '10'], {})).toThrow(/1024/);
  });

  it('reads ICE URLs and the TURN secret from a file or the environment, never a flag', () => {
    const files: Record<string, string> = { '/etc/murmur/turn-secret': 's3cret\n' };
    const read = (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error('no such file');
      return text;
    };
    const config = parseTrackerConfig(
      ['--ice-url', 'stun:t.example:3478,turn:t.example:3478?transport=tcp,turns:t.example'],
      { MURMUR_TURN_SECRET_FILE: '/etc/murmur/turn-secret', MURMUR_TURN_TTL: '900' },
      read,
    );
    expect(config.ice).toMatchObject({ turnSecret: 's3cret', ttlSeconds: 900 });
    expect(config.ice.urls).toHaveLength(3);
    const fromEnv = parseTrackerConfig([], {
      MURMUR_TRACKER_ICE_URLS: 'turn:t.example',
      MURMUR_TURN_SECRET: 'x',
    });
    expect(fromEnv.ice.turnSecret).toBe('x');
    expect(() => parseTrackerConfig(['--turn-secret', 'x'], {})).toThrow(/unknown argument/);
    expect(() => parseTrackerConfig(['--ice-url', 'turn:t.example'], {})).toThrow(/secret/);
    expect(() => parseTrackerConfig(['--ice-url', 'http://t.example'], {})).toThrow(/stun:/);
    expect(() => parseTrackerConfig(['--turn-secret-file', '/nope'], {}, read)).toThrow(
      /cannot read/,
    );
  });
});

describe('tracker server', () => {
  let tracker: RunningTracker;
  let events: TrackerEvent[];
  beforeEach(async () => {
    events = [];
    tracker = await startTracker(
      localConfig({ framesPerSecond: 20, connectsPerMinute: 600 }),
      (e) => events.push(e),
    );
  });
  afterEach(() => tracker.stop());

  it('registers a client that proves its key, serves health, and stops cleanly', async () => {
    const health = await fetch(`http://127.0.0.1:${tracker.port}/health`);
    expect(await health.json()).toEqual({ ok: true, peers: 0, stun: false, turn: false });
    const alice = await connectClient(tracker.port);
    expect([...tracker.onlinePeers()]).toEqual([alice.id]);
    await tracker.stop();
    await alice.closed;
    expect(events.map((e) => e.event)).toEqual([
      'listening',
      'peer-connected',
      'peer-disconnected',
      'stopped',
    ]);
    // The log names peer ids and times, never keys or addresses.
    const log = JSON.stringify(events);
    expect(log).not.toContain('127.0.0.1:');
    expect(log).not.toContain(Buffer.from(alice.key.publicKey).toString('hex'));
    tracker = await startTracker(localConfig()); // for afterEach
  });

  it('serves the invite page: one static page that explains Murmur, runs no script and sends no referrer', async () => {
    const res = await fetch(`http://127.0.0.1:${tracker.port}/murmur/invite`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const page = await res.text();
    expect(page).toContain('You are invited to Murmur');
    expect(page).toMatch(/Install Murmur for <a href="https:\/\/addons\.mozilla\.org/);
    // Chromium's link is a store search, and the page says what a search can show.
    expect(page).toMatch(/<a href="https:\/\/chromewebstore[^"]*\/search\/[^"]*">searching/);
    expect(page).toMatch(/look-alikes/);
    expect(page).not.toMatch(/<script|<img|<link|<iframe/i);
    // The same page whatever follows: nothing in it depends on who invited.
    const again = await fetch(`http://127.0.0.1:${tracker.port}/murmur/invite?x=1`);
    expect(await again.text()).toBe(page);
    expect(events.some((e) => JSON.stringify(e).includes('invite'))).toBe(false);
  });

  it('relays signalling between two registered peers, with the sender named by the tracker', async () => {
    const alice = await connectClient(tracker.port);
    const bob = await connectClient(tracker.port);
    alice.socket.send(JSON.stringify({ type: 'OFFER', dst: bob.id, payload: { sdp: 'v=0' } }));
    const offer = await bob.next('OFFER');
    expect(offer).toMatchObject({ type: 'OFFER', src: alice.id, payload: { sdp: 'v=0' } });
  });

  it('answers presence for the ids asked about only', async () => {
    const alice = await connectClient(tracker.port);
    const bob = await connectClient(tracker.port);
    const carol = await connectClient(tracker.port);
    const absent = peerIdOf(generateSigningKey().publicKey);
    alice.socket.send(
      JSON.stringify({ type: 'MURMUR-PRESENCE', payload: { ask: 7, ids: [bob.id, absent] } }),
    );
    const answer = await alice.next('MURMUR-PRESENCE');
    expect(answer.payload).toEqual({ ask: 7, online: [bob.id] });
    expect(JSON.stringify(answer)).not.toContain(carol.id);
    // There is no list of everyone.
    const peers = await fetch(`http://127.0.0.1:${tracker.port}/murmur/peerjs/peers`);
    expect(peers.status).not.toBe(200);
  });

  it('nobody can squat an id: no proof, a proof of another key, or a replayed proof is refused', async () => {
    const alice = await connectClient(tracker.port);
    expect((await openSocket(tracker.port, alice.id, 'not-a-proof')).refused).toBe(401);
    const mallory = generateSigningKey();
    const mallorysProof = await proofFor(tracker.port, mallory);
    expect((await openSocket(tracker.port, alice.id, mallorysProof)).refused).toBe(401);
    // Mallory's proof works once, for her own id, and never again.
    const first = await openSocket(tracker.port, peerIdOf(mallory.publicKey), mallorysProof);
    expect(first.refused).toBeNull();
    first.socket.close();
    const replay = await openSocket(tracker.port, peerIdOf(mallory.publicKey), mallorysProof);
    expect(replay.refused).toBe(401);
    // Alice is still registered and reachable.
    expect(tracker.onlinePeers().has(alice.id)).toBe(true);
    const reasons = events.flatMap((e) => (e.event === 'refused' ? [e.reason] : []));
    expect(reasons).toEqual(['proof: malformed', 'proof: wrong-id', 'challenge reused']);
  });

  it('the owner proving its key again replaces its older socket at once', async () => {
    const key = generateSigningKey();
    const before = await connectClient(tracker.port, key);
    const after = await connectClient(tracker.port, key);
    await before.closed;
    expect(after.id).toBe(before.id);
    expect(tracker.onlinePeers().has(after.id)).toBe(true);
    const bob = await connectClient(tracker.port);
    bob.socket.send(JSON.stringify({ type: 'OFFER', dst: after.id, payload: {} }));
    expect(await after.next('OFFER')).toMatchObject({ src: bob.id });
  });

  it('a proof signed for another tracker name is refused', async () => {
    const key = generateSigningKey();
    const challenge = await fetch(`http://127.0.0.1:${tracker.port}/murmur/challenge`, {
      headers: { 'Murmur-Client': '1' },
    }).then((r) => r.json() as Promise<{ challenge: string }>);
    const token = await makeProofToken(
      key,
      'other-tracker.example',
      fromBase64Url(challenge.challenge)!,
    );
    expect((await openSocket(tracker.port, peerIdOf(key.publicKey), token)).refused).toBe(401);
  });
});

describe('tracker against bad input', () => {
  let tracker: RunningTracker;
  beforeEach(async () => {
    tracker = await startTracker(
      localConfig({
        framesPerSecond: 20,
        connectsPerMinute: 30,
        maxFrameBytes: 32768,
        maxPeers: 6,
      }),
    );
  });
  afterEach(() => tracker.stop());

  const offenders: [string, (send: (data: string | Buffer) => void) => void, number][] = [
    ['malformed JSON', (send) => send('{"type": "HEARTBEAT"'), 1008],
    ['an unknown type', (send) => send(JSON.stringify({ type: 'LIST-EVERYONE' })), 1008],
    ['extra keys', (send) => send(JSON.stringify({ type: 'HEARTBEAT', evil: 1 })), 1008],
    [
      'an extra key named "constructor" on a signal frame',
      (send) =>
        send(`{"type":"CANDIDATE","dst":"m${'0'.repeat(32)}","payload":{},"constructor":{"x":1}}`),
      1008,
    ],
    ['a binary frame', (send) => send(Buffer.from([1, 2, 3])), 1008],
    [
      'a huge frame',
      (send) => send(JSON.stringify({ type: 'HEARTBEAT', x: 'a'.repeat(40_000) })),
      1009,
    ],
    [
      'a flood',
      (send) => {
        for (let i = 0; i < 500; i++) send(JSON.stringify({ type: 'HEARTBEAT' }));
      },
      1008,
    ],
    [
      'too many presence questions',
      (send) => {
        for (let ask = 0; ask < 15; ask++)
          send(JSON.stringify({ type: 'MURMUR-PRESENCE', payload: { ask, ids: [] } }));
      },
      1008,
    ],
    [
      'an oversized presence list',
      (send) =>
        send(
          JSON.stringify({
            type: 'MURMUR-PRESENCE',
            payload: { ask: 1, ids: Array.from({ length: 600 }, () => `m${'0'.repeat(32)}`) },
          }),
        ),
      1008,
    ],
  ];

  it.each(offenders)(
    '%s disconnects the offender and nobody else',
    async (_name, misbehave, code) => {
      const bystander = await connectClient(tracker.port);
      const offender = await connectClient(tracker.port);
      misbehave((data) => offender.socket.send(data));
      expect((await offender.closed).code).toBe(code);
      // The bystander is untouched: still registered, still signalled.
      const friend = await connectClient(tracker.port);
      friend.socket.send(
        JSON.stringify({ type: 'CANDIDATE', dst: bystander.id, payload: { c: 1 } }),
      );
      expect(await bystander.next('CANDIDATE')).toMatchObject({ src: friend.id });
      expect(tracker.onlinePeers().has(offender.id)).toBe(false);
    },
  );

  it('ends a registration that stops sending heartbeats', async () => {
    await tracker.stop();
    tracker = await startTracker(localConfig({ idleTimeoutMs: 1000 }));
    const silent = await connectClient(tracker.port);
    const chatty = await connectClient(tracker.port);
    const beat = setInterval(() => chatty.socket.send(JSON.stringify({ type: 'HEARTBEAT' })), 200);
    await silent.closed;
    clearInterval(beat);
    expect(tracker.onlinePeers().has(silent.id)).toBe(false);
    expect(tracker.onlinePeers().has(chatty.id)).toBe(true);
  });

  it('limits connections per address and peers in all', async () => {
    const clients = [];
    // One network (this address) takes three quarters of the places; the rest are for others
    // (network-limits.test.ts fills them from other networks, up to the cap).
    for (let i = 0; i < 4; i++) clients.push(await connectClient(tracker.port));
    await expect(connectClient(tracker.port)).rejects.toThrow(/refused: 503/);
    for (const c of clients) c.socket.close();
    // 30 per minute (challenge and socket both count): this address soon runs out.
    let status: string | null = null;
    for (let i = 0; i < 40 && !status; i++)
      await connectClient(tracker.port).then(
        (c) => c.socket.close(),
        (error: Error) => (status = error.message),
      );
    expect(status).toMatch(/429/);
  });
});
