/**
 * The global peer cap filled from one IPv6 /48 (hostile peers, second round, point 4): one
 * address key holds a bounded number of registrations, but an IPv6 /64 is one key, and a /48
 * holds 65,536 of them. Registrations also count per network (/48, or IPv4 /24), and once the
 * tracker is three quarters full the places left go to networks holding less than a sixteenth.
 */
import { afterEach, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { peerIdOf } from '../../../src/core/tracker/peer-id';
import { networkOf, addressKey } from '../../../signaling-server/client-address';
import { localConfig, type TrackerLimits } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { openSocket, proofFor } from './client';

let tracker: RunningTracker | null = null;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await tracker?.stop();
  tracker = null;
});

/** A tracker behind a trusted proxy on loopback, so each test names its clients' addresses. */
async function behindProxy(limits: Partial<TrackerLimits>): Promise<number> {
  const config = localConfig({ challengesPerMinute: 10_000, ...limits });
  tracker = await startTracker({ ...config, trustedProxies: ['127.0.0.1'] });
  return tracker.port;
}

async function registerFrom(port: number, address: string): Promise<number | null> {
  const key = generateSigningKey();
  const opened = await openSocket(
    port,
    peerIdOf(key.publicKey),
    await proofFor(port, key),
    undefined,
    { 'X-Forwarded-For': address },
  );
  sockets.push(opened.socket);
  return opened.refused;
}

it('four /64s of one /48 cannot lock a newcomer out of a full tracker', async () => {
  const port = await behindProxy({ maxPeers: 64, maxPeersPerAddress: 16 });
  const refusals: (number | null)[] = [];
  for (let subnet = 1; subnet <= 4; subnet++)
    for (let host = 1; host <= 16; host++)
      refusals.push(await registerFrom(port, `2001:db8:77:${subnet}::${host.toString(16)}`));
  // The /48 had three quarters of the tracker, then was told the rest is for others.
  expect(refusals.filter((r) => r === null)).toHaveLength(48);
  expect(refusals.filter((r) => r === 503)).toHaveLength(16);
  expect(await registerFrom(port, '198.51.100.20')).toBeNull();
  expect(await registerFrom(port, '2001:db8:99:1::1')).toBeNull();
  // Newcomers from other networks fill the tracker to its cap, and no further.
  for (let n = 0; n < 14; n++) expect(await registerFrom(port, `198.18.${n}.1`)).toBeNull();
  expect(await registerFrom(port, '203.0.113.1')).toBe(503);
});

it('a network holds at most --max-peers-per-network registrations at once', async () => {
  const port = await behindProxy({ maxPeersPerAddress: 2, maxPeersPerNetwork: 3 });
  expect(await registerFrom(port, '2001:db8:5:1::1')).toBeNull();
  expect(await registerFrom(port, '2001:db8:5:1::2')).toBeNull();
  expect(await registerFrom(port, '2001:db8:5:2::1')).toBeNull();
  expect(await registerFrom(port, '2001:db8:5:3::1')).toBe(429);
  expect(await registerFrom(port, '2001:db8:6:3::1')).toBeNull();
});

it('names the network of an address key: an IPv6 /48, an IPv4 /24', () => {
  expect(networkOf(addressKey('2001:db8:1:2:aaaa::1'))).toBe('2001:db8:1::/48');
  expect(networkOf(addressKey('2001:db8::1'))).toBe('2001:db8:0::/48');
  expect(networkOf(addressKey('203.0.113.5'))).toBe('203.0.113.0/24');
});
