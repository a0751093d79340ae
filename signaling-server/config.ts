/**
 * Tracker configuration from flags and environment (flags win): every option is in
 * TRACKER_HELP below, which `npm run tracker -- --help` prints.
 */
import { isTurnUrl } from '../src/core/tracker/turn-credentials';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { DEFAULT_ICE, type IceConfig } from './ice-service';
/** What `npm run tracker -- --help` prints: every option, its variable and default. */
export const TRACKER_HELP = `npm run tracker -- [options]

  flag                   environment                   default and meaning
  --host                 MURMUR_TRACKER_HOST           127.0.0.1
  --port                 MURMUR_TRACKER_PORT           9000 (0 picks a free port)
  --path                 MURMUR_TRACKER_PATH           /murmur
  --public-host          MURMUR_TRACKER_PUBLIC_HOST    host:port names clients dial, comma-separated
                                                       (default: the listening address and localhost)
  --max-peers            MURMUR_TRACKER_MAX_PEERS      20000 registered peers at once
  --max-frame-bytes      MURMUR_TRACKER_MAX_FRAME      16384 bytes per websocket frame
  --connects-per-minute  MURMUR_TRACKER_CONNECTS       60 new connections per address per minute
  --challenges-per-minute MURMUR_TRACKER_CHALLENGES    60 challenges per address per minute
  --max-peers-per-address MURMUR_TRACKER_PER_ADDRESS   64 registrations at once per address (IPv6: /64)
  --max-peers-per-network MURMUR_TRACKER_PER_NETWORK   256 registrations at once per IPv6 /48 or IPv4 /24;
                                                       once the tracker is 3/4 full, a network that
                                                       holds 1/16 of it takes no more places
  --turn-per-address     MURMUR_TURN_PER_ADDRESS       16 TURN credentials per address per hour
  --trusted-proxy        MURMUR_TRACKER_TRUSTED_PROXIES reverse proxies (IP addresses, comma-separated)
                                                       whose X-Forwarded-For names the client
  --frames-per-second    MURMUR_TRACKER_FRAMES         50 frames per socket per second (burst 4×)
  --presence-per-minute  MURMUR_TRACKER_PRESENCE       30 presence questions per socket per minute
  --idle-timeout-ms      MURMUR_TRACKER_IDLE_MS        60000 without a heartbeat ends a registration
  --ice-url              MURMUR_TRACKER_ICE_URLS       stun:/turn:/turns: URLs handed to registered
                                                       peers, comma-separated (default: none)
  --turn-secret-file     MURMUR_TURN_SECRET_FILE       file holding coturn's static-auth-secret
                         MURMUR_TURN_SECRET            (or the secret itself; never a flag: ps shows flags)
  --turn-ttl             MURMUR_TURN_TTL               3600 seconds a TURN credential is valid
  --tls-cert, --tls-key  MURMUR_TRACKER_TLS_CERT/_KEY  PEM files: serve https/wss instead of http/ws
  --help                 print this and exit

Logs one JSON line per event on stdout (peer ids and times, never addresses or
credentials); stops cleanly on SIGINT or SIGTERM.`;

export interface TrackerLimits {
  maxPeers: number;
  maxFrameBytes: number;
  connectsPerMinute: number;
  challengesPerMinute: number;
  maxPeersPerAddress: number;
  maxPeersPerNetwork: number;
  framesPerSecond: number;
  presencePerMinute: number;
  idleTimeoutMs: number;
}

export interface TrackerConfig {
  host: string;
  port: number;
  path: string;
  /** Extra names the tracker answers to (proofs are signed for the name the client dialled). */
  publicHosts: string[];
  limits: TrackerLimits;
  ice: IceConfig;
  /** PEM certificate chain and key: the tracker then speaks TLS. */
  tls: { cert: string; key: string } | null;
  /** Reverse proxies whose X-Forwarded-For is believed (client-address.ts). */
  trustedProxies: string[];
}

export const DEFAULT_LIMITS: TrackerLimits = {
  maxPeers: 20_000,
  maxFrameBytes: 16 * 1024,
  connectsPerMinute: 60,
  challengesPerMinute: 60,
  maxPeersPerAddress: 64,
  maxPeersPerNetwork: 256,
  framesPerSecond: 50,
  presencePerMinute: 30,
  idleTimeoutMs: 60_000,
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LIMIT_OPTIONS: Record<string, { env: string; key: keyof TrackerLimits; min: number }> = {
  'max-peers': { env: 'MURMUR_TRACKER_MAX_PEERS', key: 'maxPeers', min: 1 },
  'max-frame-bytes': { env: 'MURMUR_TRACKER_MAX_FRAME', key: 'maxFrameBytes', min: 1024 },
  'connects-per-minute': { env: 'MURMUR_TRACKER_CONNECTS', key: 'connectsPerMinute', min: 1 },
  'challenges-per-minute': { env: 'MURMUR_TRACKER_CHALLENGES', key: 'challengesPerMinute', min: 1 },
  'max-peers-per-address': { env: 'MURMUR_TRACKER_PER_ADDRESS', key: 'maxPeersPerAddress', min: 1 },
  'max-peers-per-network': { env: 'MURMUR_TRACKER_PER_NETWORK', key: 'maxPeersPerNetwork', min: 1 },
  'frames-per-second': { env: 'MURMUR_TRACKER_FRAMES', key: 'framesPerSecond', min: 1 },
  'presence-per-minute': { env: 'MURMUR_TRACKER_PRESENCE', key: 'presencePerMinute', min: 1 },
  'idle-timeout-ms': { env: 'MURMUR_TRACKER_IDLE_MS', key: 'idleTimeoutMs', min: 1000 },
};
const KNOWN = [
  'host',
  'port',
  'path',
  'public-host',
  'ice-url',
  'turn-secret-file',
  'turn-ttl',
  'turn-per-address',
  'tls-cert',
  'tls-key',
  'trusted-proxy',
  ...Object.keys(LIMIT_OPTIONS),
];

const ICE_URL = /^(stun|turn|turns):[\w.\-[\]:]+(\?transport=(udp|tcp))?$/;

export function parseTrackerConfig(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): TrackerConfig {
  const flags = new Map<string, string>();
  const rest = [...argv];
  for (let arg = rest.shift(); arg !== undefined; arg = rest.shift()) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    if (!match || name === undefined || !KNOWN.includes(name))
      throw new ConfigError(
        `unknown argument ${arg} (known: ${KNOWN.map((k) => `--${k}`).join(', ')})`,
      );
    const value = match[2] ?? rest.shift();
    if (value === undefined) throw new ConfigError(`${arg} needs a value`);
    flags.set(name, value);
  }
  const integer = (name: string, text: string, min: number, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ConfigError(`${name} must be an integer in ${min}..${max}, got ${text}`);
    return n;
  };
  const host = flags.get('host') ?? env.MURMUR_TRACKER_HOST ?? '127.0.0.1';
  const port = integer('port', flags.get('port') ?? env.MURMUR_TRACKER_PORT ?? '9000', 0, 65535);
  let path = flags.get('path') ?? env.MURMUR_TRACKER_PATH ?? '/murmur';
  if (!path.startsWith('/')) path = `/${path}`;
  if (!/^\/[\w\-/]*$/.test(path))
    throw new ConfigError(`path may hold only letters, digits, - _ /`);
  const publicHosts = (flags.get('public-host') ?? env.MURMUR_TRACKER_PUBLIC_HOST ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of publicHosts)
    if (!/^[a-z0-9.\-[\]:]+$/.test(h)) throw new ConfigError(`public host ${h} is not host[:port]`);
  const limits = { ...DEFAULT_LIMITS };
  for (const [flag, option] of Object.entries(LIMIT_OPTIONS)) {
    const text = flags.get(flag) ?? env[option.env];
    if (text !== undefined) limits[option.key] = integer(flag, text, option.min, 10_000_000);
  }
  const read = (what: string, file: string) => {
    try {
      return readFile(file);
    } catch (error) {
      throw new ConfigError(`cannot read the ${what} ${file}: ${(error as Error).message}`);
    }
  };
  const urls = (flags.get('ice-url') ?? env.MURMUR_TRACKER_ICE_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of urls)
    if (!ICE_URL.test(u)) throw new ConfigError(`${u} is not a stun:, turn: or turns: URL`);
  const secretFile = flags.get('turn-secret-file') ?? env.MURMUR_TURN_SECRET_FILE;
  const turnSecret = (
    secretFile ? read('TURN secret file', secretFile) : (env.MURMUR_TURN_SECRET ?? '')
  ).trim();
  const hasTurn = urls.some(isTurnUrl);
  if (hasTurn && !turnSecret)
    throw new ConfigError('turn: URLs need the TURN secret (--turn-secret-file)');
  if (turnSecret && !hasTurn) throw new ConfigError('a TURN secret needs turn: or turns: URLs');
  const ttl = flags.get('turn-ttl') ?? env.MURMUR_TURN_TTL;
  const perAddress = flags.get('turn-per-address') ?? env.MURMUR_TURN_PER_ADDRESS;
  const ice: IceConfig = {
    ...DEFAULT_ICE,
    urls,
    turnSecret: turnSecret || null,
    ttlSeconds: ttl === undefined ? DEFAULT_ICE.ttlSeconds : integer('turn-ttl', ttl, 60, 86_400),
    perAddressPerHour:
      perAddress === undefined
        ? DEFAULT_ICE.perAddressPerHour
        : integer('turn-per-address', perAddress, 1, 100_000),
  };
  const certFile = flags.get('tls-cert') ?? env.MURMUR_TRACKER_TLS_CERT;
  const keyFile = flags.get('tls-key') ?? env.MURMUR_TRACKER_TLS_KEY;
  if (Boolean(certFile) !== Boolean(keyFile))
    throw new ConfigError('TLS needs both --tls-cert and --tls-key');
  const tls =
    certFile && keyFile
      ? { cert: read('TLS certificate', certFile), key: read('TLS key', keyFile) }
      : null;
  const trustedProxies = (flags.get('trusted-proxy') ?? env.MURMUR_TRACKER_TRUSTED_PROXIES ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of trustedProxies)
    if (isIP(a) === 0) throw new ConfigError(`trusted proxy ${a} is not an IP address`);
  return { host, port, path, publicHosts, limits, ice, tls, trustedProxies };
}

/** A config for tests and benchmarks: loopback, a free port, default limits unless given. */
export const localConfig = (
  limits: Partial<TrackerLimits> = {},
  ice: Partial<IceConfig> = {},
): TrackerConfig => ({
  host: '127.0.0.1',
  port: 0,
  path: '/murmur',
  publicHosts: [],
  limits: { ...DEFAULT_LIMITS, ...limits },
  ice: { ...DEFAULT_ICE, ...ice },
  tls: null,
  trustedProxies: [],
});
