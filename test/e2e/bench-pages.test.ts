/**
 * `npm run bench:popup` and `npm run bench:backup` at a small size (the house, second pass,
 * point 5): each drives headless Chromium, exits 0 and ends with its JSON line.
 */
import { it } from 'vitest';
import { expectBench } from '../bench-run';

it.each([
  ['bench:popup', ['--posts', '200', '--friends', '20', '--runs', '1'], 'feed_ready_ms'],
  [
    'bench:backup',
    ['--built', '--posts', '100', '--messages', '300', '--friends', '20', '--runs', '1'],
    'restore_ms',
  ],
])(
  '%s runs and prints its JSON line',
  async (script, args, key) => {
    await expectBench(script, args, key, 240_000);
  },
  300_000,
);
