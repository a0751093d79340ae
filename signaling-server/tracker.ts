/**
 * The tracker: a PeerJS-compatible signalling server (the `peer` package) behind our own
 * admission and frame checks, on our own HTTP server (listening, health, clean shutdown).
 * It learns peer ids, addresses and connection times; its log holds peer ids and times only.
 *
 *   GET  <path>/challenge       a fresh challenge to sign (see src/core/tracker/proof.ts)
 *   WS   <path>/peerjs?id&token&key   register: token is the proof
 *   WS   MURMUR-ICE frame        STUN/TURN servers and fresh TURN credentials (registered peers)
 *   GET  /health                {ok, peers, stun, turn}
 *   GET  <path>/invite          the page an invite link opens (invite-page.ts)
 * With a certificate it serves https/wss; behind a TLS-terminating proxy it can stay plain.
 */
import express, { type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ExpressPeerServer, type IClient } from 'peer';
import { WebSocketServer, type ServerOptions } from 'ws';
import { toBase64Url } from '../src/core/bytes';
import { Admissions } from './admission';
import { DialFairness } from './dial-fairness';
import { Challenges } from './challenges';
import type { TrackerConfig } from './config';
import { GuardedSocket } from './guarded-socket';
import { IceService } from './ice-service';
import { serveInvitePage } from './invite-page';
import { CLIENT_HEADER, isExtensionOrigin } from './origins';
import { closeEverything, relayAdmission } from './lifecycle';

export type TrackerEvent =
  | { event: 'listening'; host: string; port: number; path: string; tls: boolean; turn: boolean }
  | { event: 'peer-connected'; peerId: string; at: number }
  | { event: 'peer-disconnected'; peerId: string; at: number }
  | { event: 'refused'; status: number; reason: string; at: number }
  | { event: 'violation'; peerId: string; reason: string; at: number }
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
  app.disable('x-powered-by');
  const server: Server = config.tls ? createTlsServer(config.tls, app) : createServer(app);
  const ice = new IceService(config.ice);
  const online = new Set<string>();
  const registered = new Map<string, GuardedSocket>();
  const challenges = new Challenges();
  const dials = new DialFairness();
  const hosts = new Set(config.publicHosts);
  const wsPath = `${config.path.replace(/\/$/, '')}/peerjs`;
  const admissions = new Admissions({
    limits: config.limits,
    wsPath,
    challenges,
    hosts: () => hosts,
    registered,
    trustedProxies: new Set(config.trustedProxies),
  });
  let socketServer: WebSocketServer | null = null;

  app.get('/health', (_req, res) => {
    res.json({ ok: true, peers: online.size, ...ice.health() });
  });
  const challengePath = `${config.path.replace(/\/$/, '')}/challenge`;
  // CORS for extensions only: a web page gets no preflight, so cannot send Murmur-Client.
  const cors = (req: Request, res: Response) => {
    const origin = req.get('origin');
    res.set({ 'Cache-Control': 'no-store', Vary: 'Origin' });
    if (origin && isExtensionOrigin(origin))
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': CLIENT_HEADER,
      });
  };
  app.options(challengePath, (req, res) => {
    cors(req, res);
    res.status(204).end();
  });
  app.get(challengePath, (req, res) => {
    cors(req, res);
    if (!req.get(CLIENT_HEADER)) {
      res.status(400).json({ error: `a challenge request carries the ${CLIENT_HEADER} header` });
      return;
    }
    if (!admissions.allowChallenge(admissions.keyOf(req))) {
      res.status(429).json({ error: 'too many requests' });
      return;
    }
    res.json({ challenge: toBase64Url(challenges.issue()) });
  });
  serveInvitePage(app, config.path);

  const peerServer = ExpressPeerServer(server, {
    path: '/',
    allow_discovery: false, // never hand out the list of who is online
    alive_timeout: config.limits.idleTimeoutMs,
    concurrent_limit: config.limits.maxPeers,
    createWebSocketServer: (options: ServerOptions) => {
      const wss = new WebSocketServer({
        ...options,
        maxPayload: config.limits.maxFrameBytes,
        perMessageDeflate: false,
        verifyClient: (info, done) =>
          relayAdmission(admissions.admit(info.req), done, (status, reason) =>
            log({ event: 'refused', status, reason, at: Date.now() }),
          ),
      });
      socketServer = wss;
      // `peer` listens on our facade; it sees each socket wrapped in its guard.
      const facade = new WebSocketServer({ noServer: true });
      wss.on('connection', (raw, req) => {
        const peerId = new URL(req.url ?? '/', 'http://tracker').searchParams.get('id') ?? '';
        const key = admissions.keyOf(req);
        const guarded = new GuardedSocket(raw, peerId, {
          limits: config.limits,
          online: (id) => registered.has(id),
          ice: (id, ask) => ice.answer(id, ask, key),
          mayDial: (callee) => dials.allow(key, callee),
          violation: (id, reason) =>
            log({ event: 'violation', peerId: id, reason, at: Date.now() }),
        });
        registered.set(peerId, guarded);
        admissions.joined(peerId, key);
        guarded.on('close', () => {
          if (registered.get(peerId) === guarded) registered.delete(peerId);
          admissions.left(peerId, key);
        });
        facade.emit('connection', guarded, req);
      });
      wss.on('error', (error) => facade.emit('error', error));
      return facade;
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
  // `peer` reports socket errors here; one peer's broken socket must not stop the tracker.
  peerServer.on('error', () => undefined);
  app.use(config.path, peerServer);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (config.publicHosts.length === 0)
    for (const name of [config.host, 'localhost', '127.0.0.1'])
      hosts.add(`${name.includes(':') ? `[${name}]` : name}:${port}`.toLowerCase());
  log({
    event: 'listening',
    host: config.host,
    port,
    path: config.path,
    tls: config.tls !== null,
    turn: ice.health().turn,
  });

  return {
    port,
    onlinePeers: () => online,
    stop: async () => {
      await closeEverything(server, socketServer);
      log({ event: 'stopped', at: Date.now() });
    },
  };
}
