/** Small pieces of the tracker's plumbing: answering ws's verifyClient, and shutting down. */
import type { Server } from 'node:http';
import type { WebSocketServer } from 'ws';
import type { Admission } from './admission';

export function relayAdmission(
  admission: Promise<Admission>,
  done: (ok: boolean, status?: number, reason?: string) => void,
  refused: (status: number, reason: string) => void,
): void {
  admission.then(
    (result) => {
      if (result.ok) return done(true);
      refused(result.status, result.reason);
      done(false, result.status, result.reason);
    },
    () => {
      refused(500, 'admission failed');
      done(false, 500, 'admission failed');
    },
  );
}

/** Closes every socket and waits for each close, so every disconnect is logged before "stopped". */
export async function closeEverything(server: Server, wss: WebSocketServer | null): Promise<void> {
  const sockets = [...(wss?.clients ?? [])];
  const closed = sockets.map((s) => new Promise((resolve) => s.once('close', resolve)));
  for (const socket of sockets) socket.terminate();
  await Promise.all(closed);
  wss?.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
