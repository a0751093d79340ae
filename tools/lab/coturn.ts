/**
 * Runs Debian's coturn (`turnserver`) for the tests, the NAT lab and bench:nat, as an
 * operator would beside the tracker: TURN REST credentials from a shared secret, on one
 * address (optionally inside a network namespace), optionally with TLS. Ready when a STUN
 * Binding is answered; stopped and waited for on `stop()`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bindingAddress } from '../doctor/stun-client';

export interface CoturnOptions {
  ip: string;
  port: number;
  secret: string;
  /** Run inside this network namespace (`ip netns exec`). */
  netns?: string;
  /** PEM files: also listen for TURN over TLS on tlsPort. */
  tls?: { cert: string; key: string; port: number };
  realm?: string;
}

export interface Coturn {
  stop(): Promise<void>;
}

const READY_WITHIN_MS = 15_000;
export const PRIVATE_RANGES = [
  '10.0.0.0-10.255.255.255',
  '172.16.0.0-172.31.255.255',
  '192.168.0.0-192.168.255.255',
  '100.64.0.0-100.127.255.255',
  '169.254.0.0-169.254.255.255',
];

export async function startCoturn(options: CoturnOptions): Promise<Coturn> {
  const scratch = await mkdtemp(join(tmpdir(), 'murmur-coturn-'));
  const args = [
    '-n',
    `--listening-ip=${options.ip}`,
    `--relay-ip=${options.ip}`,
    `--listening-port=${options.port}`,
    '--use-auth-secret',
    `--static-auth-secret=${options.secret}`,
    `--realm=${options.realm ?? 'murmur.test'}`,
    '--fingerprint',
    '--no-cli',
    '--no-dtls',
    '--min-port=49152',
    '--max-port=49999',
    `--pidfile=${join(scratch, 'turnserver.pid')}`,
    `--userdb=${join(scratch, 'turndb')}`,
    '--no-stdout-log',
    `--log-file=${join(scratch, 'turn.log')}`,
    // As deploy/turnserver.conf: never relay into private networks (the operator's own, or
    // a friend's host candidate: coturn would try, fail, and end the allocation), nor to the
    // server itself; UDP relays only; a bounded share per credential.
    ...PRIVATE_RANGES.map((range) => `--denied-peer-ip=${range}`),
    '--no-tcp-relay',
    '--user-quota=8',
    // The unit tests' peers sit on loopback, beside the server: there it cannot be denied.
    ...(options.ip.startsWith('127.')
      ? ['--allow-loopback-peers']
      : [`--denied-peer-ip=${options.ip}`]),
    '--cli-password=unused',
    ...(options.tls
      ? [
          `--cert=${options.tls.cert}`,
          `--pkey=${options.tls.key}`,
          `--tls-listening-port=${options.tls.port}`,
        ]
      : ['--no-tls']),
  ];
  const command = options.netns
    ? spawn('ip', ['netns', 'exec', options.netns, 'turnserver', ...args], { stdio: 'ignore' })
    : spawn('turnserver', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => command.once('exit', () => resolve()));
  const stop = async () => {
    if (command.exitCode === null && command.signalCode === null) command.kill('SIGTERM');
    await exited;
    await rm(scratch, { recursive: true, force: true });
  };
  // coturn takes a second or two to open its sockets: ask until it answers (bounded).
  const deadline = Date.now() + READY_WITHIN_MS;
  const server = { host: options.ip, port: options.port, transport: 'udp' as const };
  for (let i = 0; i < 60 && Date.now() < deadline; i++) {
    if (command.exitCode !== null) break;
    const ready = options.netns
      ? await listeningIn(options.netns, options.port)
      : (await bindingAddress(server, { timeoutMs: 500 })).ok;
    if (ready) return { stop };
  }
  await stop();
  throw new Error(`coturn did not start on ${options.ip}:${options.port}`);
}

/** A namespace's sockets cannot be dialled from here: ask `ss` inside it instead. */
async function listeningIn(netns: string, port: number): Promise<boolean> {
  const out = spawnSync('ip', ['netns', 'exec', netns, 'ss', '-Hlun', `sport = :${port}`], {
    encoding: 'utf8',
  });
  if (out.stdout.trim()) return true;
  await new Promise((resolve) => setTimeout(resolve, 250));
  return false;
}
