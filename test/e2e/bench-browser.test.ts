/**
 * `npm run bench:browser` at a small size (the house, second pass, point 5): real headless
 * Chromium profiles; it must exit 0 and end with its JSON line. One file per benchmark, so the
 * browser tier runs them beside other files.
 */
import { expect, it } from 'vitest';
import { runBench } from '../bench-run';

it('bench:browser runs and prints its JSON line', async () => {
  const run = await runBench(
    'bench:browser',
    ['--built', '--messages', '5', '--bulk', '8'],
    240_000,
  );
  expect(run.code, run.output).toBe(0);
  expect(run.result, run.output).toHaveProperty('direct_p50_ms');
}, 300_000);
