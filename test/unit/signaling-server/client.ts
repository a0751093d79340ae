/** A PeerJS-protocol client over raw `ws`, as the tracker tests and benchmark need it. */
import WebSocket from 'ws';
import { generateSigningKey, type SigningKey } from '../../../src/core/crypto/ed25519';
import { peerIdOf } from '../../../src/core/tracker/peer-id';
import { parseTrackerUrl } from '../../../src/core/tracker-url';
import { fetchProofToken } from '../../../src/transport/tracker-auth';

export interface TestClient {
  id: string;
  key: SigningKey;
  socket: WebSocket;
  /** Frames received, parsed. */
  inbox: { type: string; src?: string; payload?: unknown }[];
  closed: Promise<{ code: number; reason: string }>;
  next(type: string): Promise<{ type: string; src?: string; payload?: unknown }>;
}

export const trackerUrl = (port: number) => `ws://127.0.0.1:${port}/murmur`;

export async function proofFor(port: number, key: SigningKey): Promise<string> {
  const address = parseTrackerUrl(trackerUrl(port));
  if (!address.ok) throw new Error(address.reason);
  return fetchProofToken(address.value, key);
}

/** Opens a socket; resolves once it is open or refused (`refused` holds the HTTP status). */
export async function openSocket(
  port: number,
  id: string,
  token: string,
  onMessage?: (data: WebSocket.RawData) => void,
  headers: Record<string, string> = {},
): Promise<{ socket: WebSocket; refused: number | null }> {
  const socket = new WebSocket(
    `ws://127.0.0.1:${port}/murmur/peerjs?key=peerjs&id=${id}&token=${encodeURIComponent(token)}&version=1.5.5`,
    { headers },
  );
  // The tracker's OPEN can arrive in the same chunk as the upgrade: listen before 'open'.
  if (onMessage) socket.on('message', onMessage);
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ socket, refused: null }));
    socket.once('unexpected-response', (_req, res) =>
      resolve({ socket, refused: res.statusCode ?? 0 }),
    );
    socket.once('error', () => resolve({ socket, refused: -1 }));
  });
}

export async function connectClient(port: number, key = generateSigningKey()): Promise<TestClient> {
  const id = peerIdOf(key.publicKey);
  const inbox: TestClient['inbox'] = [];
  const waiters: { type: string; resolve: (m: TestClient['inbox'][number]) => void }[] = [];
  const { socket, refused } = await openSocket(port, id, await proofFor(port, key), (data) => {
    const message = JSON.parse(String(data)) as TestClient['inbox'][number];
    const i = waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(message);
    else inbox.push(message);
  });
  if (refused !== null) throw new Error(`refused: ${refused}`);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  const client: TestClient = {
    id,
    key,
    socket,
    inbox,
    closed,
    next: (type) => {
      const found = inbox.find((m) => m.type === type);
      if (found) {
        inbox.splice(inbox.indexOf(found), 1);
        return Promise.resolve(found);
      }
      return new Promise((resolve) => waiters.push({ type, resolve }));
    },
  };
  await client.next('OPEN');
  return client;
}
