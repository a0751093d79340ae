/**
 * The doctor's view of a tracker, as a Murmur client sees it: /health, a challenge, a
 * registration under a fresh throwaway key, and the MURMUR-ICE answer. Every step has a deadline.
 */
import WebSocket from 'ws';
import { generateSigningKey } from '../../src/core/crypto/ed25519';
import { isIceAnswer, type IceAnswer } from '../../src/core/tracker/frames';
import { peerIdOf } from '../../src/core/tracker/peer-id';
import type { TrackerAddress } from '../../src/core/tracker-url';
import { dialledHost, fetchProofToken } from '../../src/transport/tracker-auth';

const STEP_MS = 8_000;

export const httpBase = (address: TrackerAddress) =>
  `${address.secure ? 'https' : 'http'}://${dialledHost(address)}`;

export async function health(address: TrackerAddress): Promise<Record<string, unknown>> {
  const response = await fetch(`${httpBase(address)}/health`, {
    signal: AbortSignal.timeout(STEP_MS),
  });
  if (!response.ok) throw new Error(`/health: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

export interface Registration {
  peerId: string;
  askIce(): Promise<IceAnswer['payload']>;
  close(): void;
}

/** Registers a throwaway peer id (a fresh key, never reused), as the extension does. */
export async function register(address: TrackerAddress): Promise<Registration> {
  const key = generateSigningKey();
  const peerId = peerIdOf(key.publicKey);
  const token = await fetchProofToken(address, key, AbortSignal.timeout(STEP_MS));
  const url = `${address.secure ? 'wss' : 'ws'}://${dialledHost(address)}${address.path}peerjs?key=peerjs&id=${peerId}&token=${encodeURIComponent(token)}&version=1.5.5`;
  const socket = new WebSocket(url);
  const frames: unknown[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data: Buffer) => {
    try {
      frames.push(JSON.parse(String(data)));
    } catch {
      return;
    }
    for (const wake of waiters.splice(0)) wake();
  });
  const next = <T>(pick: (frame: unknown) => T | null, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} in ${STEP_MS} ms`)), STEP_MS);
      const look = () => {
        for (const frame of frames) {
          const found = pick(frame);
          if (found !== null) {
            clearTimeout(timer);
            frames.splice(frames.indexOf(frame), 1);
            return resolve(found);
          }
        }
        waiters.push(look);
      };
      look();
    });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`registration refused: HTTP ${res.statusCode}`)),
    );
    socket.once('error', reject);
  });
  await next(
    (f) => ((f as { type?: unknown }).type === 'OPEN' ? true : null),
    'OPEN from the tracker',
  );
  let asks = 0;
  return {
    peerId,
    askIce: async () => {
      const ask = ++asks;
      socket.send(JSON.stringify({ type: 'MURMUR-ICE', payload: { ask } }));
      return next((f) => {
        const checked = isIceAnswer(f);
        return checked.ok && checked.value.payload.ask === ask ? checked.value.payload : null;
      }, 'MURMUR-ICE answer');
    },
    close: () => socket.close(),
  };
}
