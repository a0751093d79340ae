/**
 * `npm run fuzz` at a small size in every `npm test` (the full run is a million inputs, by
 * hand): no decoder, guard or frame handler crashes or allocates without bound, and the run
 * would notice if one did.
 */
import { expect, it, vi } from 'vitest';
import { fuzz, fuzzOne } from '../../../tools/fuzz/cli';
import { Random } from '../../../tools/sim/random';
import type { FuzzTarget } from '../../../tools/fuzz/target';

it('a short run of every target: inputs tried, no crash, no unbounded allocation', async () => {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    expect(await fuzz(['--seed', '3', '--count', '6000'])).toBe(0);
  } finally {
    log.mockRestore();
  }
  const result = JSON.parse(lines.at(-1) ?? '{}') as Record<string, number>;
  expect(result).toMatchObject({ fuzz_crashes: 0, fuzz_unbounded_allocations: 0, seed: 3 });
  expect(result.fuzz_inputs).toBeGreaterThanOrEqual(5900);
  expect(result.fuzz_targets).toBeGreaterThan(80);
});

it('counts an untyped throw as a crash and a large allocation as unbounded', async () => {
  const kept: Uint8Array[] = [];
  const broken: FuzzTarget<number> = {
    name: 'broken',
    weight: 1,
    input: (r) => r.int(10),
    handle: (n) => {
      if (n === 3) throw new TypeError('oops');
      if (n === 7 && kept.length === 0) kept.push(new Uint8Array(64 * 1024 * 1024).fill(1));
    },
    typed: (error) => error instanceof RangeError,
    show: String,
  };
  const problems: string[] = [];
  const tally = await fuzzOne(broken, 200, new Random(5), problems, { count: 0 });
  expect(tally.inputs).toBe(200);
  expect(tally.crashes).toBeGreaterThan(0);
  expect(tally.allocations).toBe(1);
  expect(problems.some((p) => p.startsWith('crash in broken: TypeError: oops'))).toBe(true);
  kept.length = 0;
});
