/**
 * Friend-request starvation (hostile peers, second round, point 5): whoever holds a user's
 * card dials them once a second with throwaway ids, and every channel it opens never opens.
 * The tracker passes at most a few offers a minute from one address to one callee, and the
 * callee's unopened stranger channels give their places back: an honest newcomer gets in.
 */
import { afterEach, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { peerIdOf, type PeerId } from '../../../src/core/tracker/peer-id';
import { StrangerGate } from '../../../src/transport/link-admission';
import { DialFairness } from '../../../signaling-server/dial-fairness';
import { localConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { connectClient, openSocket, proofFor } from './client';

let tracker: RunningTracker | null = null;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await tracker?.stop();
  tracker = null;
});

const throwaway = (): PeerId => peerIdOf(generateSigningKey().publicKey);

it('an hour of a dial a second from one address leaves an honest newcomer nearly every try', () => {
  let now = 0;
  const clock = () => now;
  const tracked = new DialFairness(undefined, clock);
  const gate = new StrangerGate(undefined, clock);
  const victim = throwaway();
  let admitted = 0;
  for (let second = 0; second < 3600; second++) {
    now = second * 1000;
    // Mallory: a new id every second, through the tracker; her channels never open (the
    // callee closes them at their deadline, giving the place back).
    if (tracked.allow('203.0.113.7', victim)) gate.enter(throwaway());
    if (second % 60 === 30 && tracked.allow('198.51.100.8', victim)) {
      const ticket = gate.enter(throwaway());
      if (ticket) {
        admitted++;
        gate.opened(ticket);
        gate.left(ticket); // the request was made; the channel closes
      }
    }
  }
  expect(admitted).toBeGreaterThanOrEqual(57); // of 60 tries
});

it('the tracker passes a few offers a minute from one address to one callee, and others still', async () => {
  const config = localConfig({ connectsPerMinute: 600, challengesPerMinute: 600 });
  tracker = await startTracker({ ...config, trustedProxies: ['127.0.0.1'] });
  const port = tracker.port;
  const victim = await connectClient(port);
  sockets.push(victim.socket);
  const offers: string[] = [];
  victim.socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; src?: string };
    if (frame.type === 'OFFER' && frame.src) offers.push(frame.src);
  });
  const dial = async (address: string) => {
    const key = generateSigningKey();
    const id = peerIdOf(key.publicKey);
    let answered = () => undefined as void;
    const presence = new Promise<void>((resolve) => (answered = resolve));
    const { socket, refused } = await openSocket(
      port,
      id,
      await proofFor(port, key),
      (data) => {
        if (String(data).includes('MURMUR-PRESENCE')) answered();
      },
      { 'X-Forwarded-For': address },
    );
    if (refused !== null) throw new Error(`refused ${refused}`);
    sockets.push(socket);
    socket.send(JSON.stringify({ type: 'OFFER', dst: victim.id, payload: { sdp: 'v=0' } }));
    // The tracker handles a socket's frames in order: once this is answered, the offer before
    // it was passed on or dropped.
    socket.send(JSON.stringify({ type: 'MURMUR-PRESENCE', payload: { ask: 1, ids: [victim.id] } }));
    await presence;
    return id;
  };
  for (let i = 0; i < 20; i++) await dial('203.0.113.7');
  const newcomer = await dial('198.51.100.8');
  // Every offer of Mallory's was handled before the newcomer's was sent, and the tracker
  // writes to the victim's socket in the order it handles them.
  for (let i = 0; i < 100 && !offers.includes(newcomer); i++)
    await new Promise((resolve) => victim.socket.once('message', resolve));
  expect(offers.at(-1)).toBe(newcomer);
  expect(offers.length - 1).toBe(6); // Mallory's twenty, as six
});
