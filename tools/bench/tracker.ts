/**
 * `npm run bench:tracker [-- --peers 10000]`: the real tracker CLI in its own process, driven
 * from this process over loopback by many PeerJS-protocol clients (raw `ws`, each with its
 * own tracker key and a fresh proof). Clients heartbeat every 5 s like PeerJS does. Under
 * that load it measures presence questions (30 ids each, a friend list) and signal relay
 * (OFFER from one client to another), then prints a table and one JSON line.
 * The per-address and per-network limits are lifted for the run: every client comes from
 * 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { generateSigningKey } from '../../src/core/crypto/ed25519';
import { peerIdOf } from '../../src/core/tracker/peer-id';
import { parseTrackerUrl } from '../../src/core/tracker-url';
import { fetchProofToken } from '../../src/transport/tracker-auth';
import { ROOT } from '../build';
import { percentile, report, round } from './stats';
import { at } from '../at';
import { answerHelp } from '../cli-help';

answerHelp(`npm run bench:tracker [-- --peers 10000 --samples 500]

The tracker CLI in its own process under that many registered clients (each with its own key
and proof, heartbeating): presence questions and signal relay latencies, memory. A table,
then one JSON line.`);

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const PEERS = flag('peers', 10_000);
const SAMPLES = flag('samples', 500);
const CONCURRENCY = 100;

interface Client {
  id: string;
  socket: WebSocket;
  waiting: Map<string, (at: number) => void>;
}

const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;

async function startTracker() {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'signaling-server/cli.ts'),
      '--port',
      '0',
      // Every client comes from 127.0.0.1: the per-address and per-network limits (and the
      // places kept for other networks once nearly full) are lifted for the run.
      '--connects-per-minute',
      '10000000',
      '--challenges-per-minute',
      '10000000',
      '--max-peers-per-address',
      '10000000',
      '--max-peers-per-network',
      '10000000',
      '--max-peers',
      String(2 * PEERS + 100),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const event = JSON.parse(line) as { event: string; port?: number };
      if (event.event === 'listening' && event.port !== undefined) resolve(event.port);
    });
    child.once('exit', (code) => reject(new Error(`tracker exited ${code}`)));
  });
  return { child, port };
}

async function connect(port: number): Promise<Client> {
  const key = generateSigningKey();
  const id = peerIdOf(key.publicKey);
  const address = parseTrackerUrl(`ws://127.0.0.1:${port}/murmur`);
  if (!address.ok) throw new Error(address.reason);
  const token = await fetchProofToken(address.value, key);
  const socket = new WebSocket(
    `ws://127.0.0.1:${port}/murmur/peerjs?key=peerjs&id=${id}&token=${token}&version=1.5.5`,
    { perMessageDeflate: false },
  );
  const client: Client = { id, socket, waiting: new Map() };
  await new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const now = performance.now();
      const message = JSON.parse(String(data)) as {
        type: string;
        payload?: { ask?: number; tag?: string };
      };
      if (message.type === 'OPEN') return resolve();
      const key =
        message.type === 'MURMUR-PRESENCE'
          ? `p${message.payload?.ask}`
          : `s${message.payload?.tag}`;
      client.waiting.get(key)?.(now);
      client.waiting.delete(key);
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return client;
}

const answer = (client: Client, key: string) =>
  new Promise<number>((resolve) => client.waiting.set(key, resolve));

const { child, port } = await startTracker();
await new Promise((r) => setTimeout(r, 500));
const pid = child.pid;
if (pid === undefined) throw new Error('the tracker did not start');
const rssBefore = rssOf(pid);

// Connect everyone, CONCURRENCY at a time.
const clients: Client[] = [];
const connectStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < PEERS) {
      next++;
      clients.push(await connect(port));
    }
  }),
);
const connectSeconds = (performance.now() - connectStart) / 1000;

// Heartbeats like PeerJS (every 5 s), spread evenly.
const heartbeat = JSON.stringify({ type: 'HEARTBEAT' });
const beats = clients.map((c, i) =>
  setTimeout(
    () => {
      c.socket.send(heartbeat);
      beats[i] = setInterval(() => c.socket.send(heartbeat), 5000);
    },
    (i / clients.length) * 5000,
  ),
);
await new Promise((r) => setTimeout(r, 6000));
const pick = () => at(clients, Math.floor(Math.random() * clients.length));

// Presence: a client asks about 30 ids (its "friends"); 20 questions in flight at a time.
const presence: number[] = [];
for (let i = 0; i < SAMPLES; i += 20)
  await Promise.all(
    Array.from({ length: 20 }, async (_, j) => {
      const asker = pick();
      const ids = Array.from({ length: 30 }, () => pick().id);
      const ask = i + j;
      const start = performance.now();
      const done = answer(asker, `p${ask}`);
      asker.socket.send(JSON.stringify({ type: 'MURMUR-PRESENCE', payload: { ask, ids } }));
      presence.push((await done) - start);
    }),
  );

// Signal relay: an OFFER from one client reaches another.
const relay: number[] = [];
for (let i = 0; i < SAMPLES; i += 20)
  await Promise.all(
    Array.from({ length: 20 }, async (_, j) => {
      const from = pick();
      let to = pick();
      while (to === from) to = pick();
      const tag = `${i + j}`;
      const start = performance.now();
      const done = answer(to, `s${tag}`);
      from.socket.send(
        JSON.stringify({ type: 'OFFER', dst: to.id, payload: { tag, sdp: 'v=0\r\n'.repeat(200) } }),
      );
      relay.push((await done) - start);
    }),
  );

const rssAfter = rssOf(pid);
const held = Number(
  ((await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { peers: number }).peers,
);
for (const t of beats) clearInterval(t);
for (const c of clients) c.socket.terminate();
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));

report(
  `Tracker: ${PEERS} peers from one process over loopback, heartbeats every 5 s`,
  [
    { metric: 'peers_held', value: held, unit: '', target: '≥ 10000' },
    {
      metric: 'rss_bytes_per_peer',
      value: Math.round((rssAfter - rssBefore) / held),
      unit: 'B',
      target: '≤ 30720',
    },
    { metric: 'presence_p50_ms', value: round(percentile(presence, 50), 2), unit: 'ms' },
    {
      metric: 'presence_p95_ms',
      value: round(percentile(presence, 95), 2),
      unit: 'ms',
      target: '≤ 10',
    },
    { metric: 'signal_relay_p50_ms', value: round(percentile(relay, 50), 2), unit: 'ms' },
    {
      metric: 'signal_relay_p95_ms',
      value: round(percentile(relay, 95), 2),
      unit: 'ms',
      target: '≤ 10',
    },
    { metric: 'connects_per_s', value: Math.round(PEERS / connectSeconds), unit: '/s' },
  ],
  {
    rss_before_bytes: rssBefore,
    rss_after_bytes: rssAfter,
    samples: SAMPLES,
    heartbeats_per_s: Math.round(PEERS / 5),
  },
);
process.exit(0);
