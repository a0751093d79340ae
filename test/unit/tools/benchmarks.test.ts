/**
 * The Node benchmarks at a small size (the house, second pass, point 5): each exits 0 and ends
 * with its JSON line. The browser benchmarks run in test/e2e/bench-browser.test.ts and bench-pages.test.ts, bench:nat in
 * the NAT lab, `npm run fuzz` in fuzz.test.ts.
 */
import { it } from 'vitest';
import { expectBench } from '../../bench-run';

it.each([
  ['bench:core', ['--runs', '2'], 'seal_2kb_150_ms'],
  [
    'bench:sync',
    ['--nodes', '30', '--days', '1', '--homes', '0,50'],
    'delay_beyond_next_online_p50_s',
  ],
  ['bench:tracker', ['--peers', '120', '--samples', '20'], 'peers_held'],
  ['bench:home', ['--messages', '20', '--friends', '5', '--runs', '2'], 'catchup_20_ms'],
])(
  '%s runs and prints its JSON line',
  async (script, args, key) => {
    await expectBench(script, args, key, 120_000);
  },
  150_000,
);
