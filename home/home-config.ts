/** The home's command line: every option, checked, with its help text. */
import { isAbsolute, resolve } from 'node:path';
import { parseTrackerUrl } from '../src/core/tracker-url';
import { DEFAULT_TRACKER } from '../src/messaging/settings';
import { MAX_ENVELOPE_BYTES } from '../src/core/envelope/format';
import type { RelayPolicy } from '../src/core/state/records';

const DEFAULT_QUOTA_MB = 1024;
const DEFAULT_HOLD_DAYS = 30;
const MB = 1024 * 1024;

export const HOME_HELP = `murmur-node — your Murmur home: an always-on node that carries your
messages while every browser is closed. It has its own key and cannot read what it carries.

Usage: npm run home -- --data DIR [options]
       murmur-node --data DIR [options]

Options:
  --data DIR       where the home keeps its database (DIR/home.db) and lock; created if
                   missing, readable by this user only. Until it is paired, DIR/pairing-link
                   holds the link to paste into Murmur's Options › Murmur home (single use,
                   renewed every hour). Required.
  --tracker URL    a tracker to register with (ws:// or wss://); repeat for several. The
                   first is the one named on the home's card. Default: ${DEFAULT_TRACKER}
  --name NAME      the name the home's own identity gets when it is first created
                   (default: "Murmur home"); friends see it on the home's card.
  --quota MB       how much it holds for your friends and you, in megabytes (1 to 4096;
                   default ${DEFAULT_QUOTA_MB}). Each friend's fair share is the quota divided among
                   your friends: when it is full, room comes from whoever is over theirs.
  --hold-days D    how long it keeps an undelivered copy (1 to 90; default ${DEFAULT_HOLD_DAYS}).
  --help, -h       this text.

It logs one JSON line per event on stdout: what happened and counts, never content, keys,
peer ids or addresses. SIGTERM or SIGINT stops it cleanly (exit 0); a second copy on the
same --data refuses to start (exit 1); a bad option exits 2.`;

export interface HomeConfig {
  dataDir: string;
  trackers: string[];
  name: string;
  /** The home's own relay policy: a home carries envelopes of any size (pictures too). */
  relayPolicy: RelayPolicy;
}

export class HomeConfigError extends Error {
  override readonly name = 'HomeConfigError';
}

const NAME_MAX = 64;

export function parseHomeConfig(args: readonly string[], cwd = process.cwd()): HomeConfig {
  let dataDir: string | null = null;
  const trackers: string[] = [];
  let name = 'Murmur home';
  let quotaMb = DEFAULT_QUOTA_MB;
  let holdDays = DEFAULT_HOLD_DAYS;
  for (let i = 0; i < args.length; i++) {
    const option = args[i];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new HomeConfigError(`${option ?? ''} needs a value`);
    i++;
    if (option === '--data') dataDir = isAbsolute(value) ? value : resolve(cwd, value);
    else if (option === '--tracker') trackers.push(checkedTracker(value));
    else if (option === '--name') name = checkedName(value);
    else if (option === '--quota') quotaMb = checkedWhole(option, value, 1, 4096);
    else if (option === '--hold-days') holdDays = checkedWhole(option, value, 1, 90);
    else throw new HomeConfigError(`unknown option ${option ?? ''} (see --help)`);
  }
  if (!dataDir) throw new HomeConfigError('--data DIR is required (see --help)');
  return {
    dataDir,
    trackers: trackers.length ? trackers : [DEFAULT_TRACKER],
    name,
    relayPolicy: {
      maxMessageBytes: MAX_ENVELOPE_BYTES,
      maxHoldSeconds: holdDays * 86_400,
      quotaBytes: quotaMb * MB,
    },
  };
}

function checkedWhole(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new HomeConfigError(`${option} must be a whole number from ${min} to ${max}`);
  return n;
}

function checkedTracker(url: string): string {
  const parsed = parseTrackerUrl(url);
  if (!parsed.ok) throw new HomeConfigError(`--tracker ${url}: ${parsed.reason}`);
  return url;
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > NAME_MAX)
    throw new HomeConfigError(`--name must be 1 to ${NAME_MAX} characters`);
  return trimmed;
}
