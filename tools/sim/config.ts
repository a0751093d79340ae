/** Simulation parameters, with the defaults `npm run sim` uses. */
import { DEFAULT_RELAY_POLICY, type RelayPolicy } from '../../src/core/state/records';
import { at } from '../at';

export interface SimConfig {
  nodes: number;
  averageFriends: number;
  /** Share of ring ties rewired at random (small world). */
  rewire: number;
  days: number;
  hopLimit: number;
  /** Direct messages each person sends per day (to one random friend). */
  directPerDay: number;
  /** Wall posts each person makes per day (to all friends). */
  postsPerDay: number;
  /** Text length of messages, bytes. */
  textBytes: number;
  ttlDays: number;
  policy: RelayPolicy;
  seed: number;
}

export const DEFAULT_SIM: SimConfig = {
  nodes: 200,
  averageFriends: 24,
  rewire: 0.1,
  days: 7,
  hopLimit: 2,
  directPerDay: 1,
  postsPerDay: 0.25,
  textBytes: 400,
  ttlDays: 14,
  policy: DEFAULT_RELAY_POLICY,
  seed: 42,
};

export function parseSimArgs(
  argv: string[],
  base: SimConfig = DEFAULT_SIM,
): SimConfig & { hops: number[]; homes: number[]; naive: boolean; out: string } {
  const config = {
    ...base,
    hops: [] as number[],
    /** Percent of people with a Murmur home, one run each (homes.ts). */
    homes: [0],
    naive: true,
    out: 'sim-results',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = at(argv, i).split('=');
    const value = () => inline ?? argv[++i] ?? '';
    switch (flag) {
      case '--nodes':
        config.nodes = Number(value());
        break;
      case '--friends':
        config.averageFriends = Number(value());
        break;
      case '--days':
        config.days = Number(value());
        break;
      case '--hops':
        config.hops = value().split(',').map(Number);
        break;
      case '--homes':
        config.homes = value().split(',').map(Number);
        if (config.homes.some((p) => !(p >= 0 && p <= 100)))
          throw new Error('--homes takes percentages from 0 to 100, e.g. 0,10,50,100');
        break;
      case '--dm-rate':
        config.directPerDay = Number(value());
        break;
      case '--post-rate':
        config.postsPerDay = Number(value());
        break;
      case '--seed':
        config.seed = Number(value());
        break;
      case '--quota-mb':
        config.policy = { ...config.policy, quotaBytes: Number(value()) * 1024 * 1024 };
        break;
      case '--no-naive':
        config.naive = false;
        break;
      case '--out':
        config.out = value();
        break;
      default:
        throw new Error(`unknown option ${flag} (see tools/sim/config.ts)`);
    }
  }
  if (config.hops.length === 0) config.hops = [config.hopLimit];
  return config;
}
