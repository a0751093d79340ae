/**
 * The tracker: a PeerJS-compatible signalling server (the `peer` package) mounted on our own
 * HTTP server, so we control listening, health and a clean shutdown. It learns peer ids,
 * addresses and connection times; its log holds peer ids and times only.
 */
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExpressPeerServer, type IClient } from 'peer';
import { WebSocketServer } from 'ws';
import type { TrackerConfig } from './config';

export type TrackerEvent =
  | { event: 'listening'; host: string; port: number; path: string }
  | { event: 'peer-connected'; peerId: string; at: number }
  | { event: 'peer-disconnected'; peerId: string; at: number }
  | { event: 'stopped'; at: number };

export interface RunningTracker {
  port: number;
  /** Peer ids with an open registration right now. */
  onlinePeers(): ReadonlySet<string>;
  stop(): Promise<void>;
}

export async function startTracker(
  config: TrackerConfig,
  log: (event: TrackerEvent) => void = () => undefined,
): Promise<RunningTracker> {
  const app = express();
  const server: Server = createServer(app);
  const online = new Set<string>();
  let socketServer: WebSocketServer | null = null;

  app.get('/health', (_req, res) => {
    res.json({ ok: true, peers: online.size });
  });

  const peerServer = ExpressPeerServer(server, {
    path: '/',
    allow_discovery: false, // never hand out the list of who is online
    createWebSocketServer: (options) => {
      // Keep a handle so stop() can close every socket.
      const wss = new WebSocketServer(options);
      socketServer = wss;
      return wss;
    },
  });
  peerServer.on('connection', (client: IClient) => {
    online.add(client.getId());
    log({ event: 'peer-connected', peerId: client.getId(), at: Date.now() });
  });
  peerServer.on('disconnect', (client: IClient) => {
    online.delete(client.getId());
    log({ event: 'peer-disconnected', peerId: client.getId(), at: Date.now() });
  });
  app.use(config.path, peerServer);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log({ event: 'listening', host: config.host, port, path: config.path });

  return {
    port,
    onlinePeers: () => online,
    stop: async () => {
      const wss = socketServer as WebSocketServer | null;
      // Wait for each socket's close so every disconnect is logged before "stopped".
      const sockets = [...(wss?.clients ?? [])];
      const closed = sockets.map((s) => new Promise((resolve) => s.once('close', resolve)));
      for (const socket of sockets) socket.terminate();
      await Promise.all(closed);
      wss?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      log({ event: 'stopped', at: Date.now() });
    },
  };
}
