/**
 * `npm run bench:nat` at a small size (the house, second pass, point 5): the first pair of its
 * plan, two ordinary home routers, must connect and end with the JSON line.
 */
import { expect, it } from 'vitest';
import { runBench } from '../bench-run';

it('bench:nat runs one pair and prints its JSON line', async () => {
  const run = await runBench('bench:nat', ['--built', '--pairs', '1'], 170_000);
  expect(run.code, run.output).toBe(0);
  expect(run.result, run.output).toMatchObject({ pairs_tried: 1, pairs_connected: 1 });
}, 180_000);
