/**
 * `npm run bench:browser` at a small size (the house, second pass, point 5): real headless
 * Chromium profiles; it must exit 0 and end with its JSON line. One file per benchmark, so the
 * browser tier runs them beside other files.
 */
import { it } from 'vitest';
import { expectBench } from '../bench-run';

it('bench:browser runs and prints its JSON line', async () => {
  const args = ['--built', '--messages', '5', '--bulk', '8'];
  await expectBench('bench:browser', args, 'direct_p50_ms', 240_000);
}, 300_000);
