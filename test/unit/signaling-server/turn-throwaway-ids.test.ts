/**
 * The tracker's TURN as an open relay (hostile peers, second round, point 2): peer ids are
 * free, and coturn's quotas count per credential, so credentials are counted per client
 * address too (an IPv6 /64 as one) — a client minting ids cannot take every allocation.
 */
import { afterEach, expect, it } from 'vitest';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { isIceAnswer } from '../../../src/core/tracker/frames';
import { peerIdOf } from '../../../src/core/tracker/peer-id';
import { localConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { openSocket, proofFor } from './client';

let tracker: RunningTracker | null = null;
afterEach(async () => {
  await tracker?.stop();
  tracker = null;
});

/** A new throwaway id from `address` asks for ICE servers `asks` times; how many were granted. */
async function throwaway(port: number, address: string, asks: number): Promise<number> {
  const key = generateSigningKey();
  const answers: unknown[] = [];
  const { socket, refused } = await openSocket(
    port,
    peerIdOf(key.publicKey),
    await proofFor(port, key),
    (data) => {
      const frame = JSON.parse(String(data)) as { type: string };
      if (frame.type === 'MURMUR-ICE') answers.push(frame);
    },
    { 'X-Forwarded-For': address },
  );
  if (refused !== null) throw new Error(`refused ${refused}`);
  for (let ask = 1; ask <= asks; ask++)
    socket.send(JSON.stringify({ type: 'MURMUR-ICE', payload: { ask } }));
  for (let i = 0; i < 200 && answers.length < asks; i++)
    await new Promise((resolve) => socket.once('message', resolve));
  socket.close();
  return answers.filter((a) => {
    const checked = isIceAnswer(a);
    return checked.ok && 'iceServers' in checked.value.payload;
  }).length;
}

it('throwaway ids from one address share its TURN credentials; another address has its own', async () => {
  const config = localConfig(
    { connectsPerMinute: 600 },
    {
      urls: ['turn:127.0.0.1:3478'],
      turnSecret: 'secret',
      perAddressPerHour: 6,
    },
  );
  tracker = await startTracker({ ...config, trustedProxies: ['127.0.0.1'] });
  let granted = 0;
  // Three fresh ids of one /64, four asks each: each id's own allowance would grant 12.
  for (const host of ['1', '2', '3'])
    granted += await throwaway(tracker.port, `2001:db8:3:4::${host}`, 4);
  expect(granted).toBe(6);
  expect(await throwaway(tracker.port, '2001:db8:3:5::1', 1)).toBe(1);
});
