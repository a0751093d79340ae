import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulate } from '../../../tools/sim/cli';

/** A whole simulation is CPU work: on a machine busy with other tests it takes a while. */
const SIM_TIMEOUT_MS = 240_000;
const out = mkdtempSync(join(tmpdir(), 'murmur-sim-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the simulator runs the real core for many people', () => {
  it(
    'delivers what the ideal can, never a body twice, with far fewer bytes than flooding',
    async () => {
      const { runs } = await simulate(
        ['--nodes', '40', '--days', '2', '--hops', '1,2', '--seed', '7', '--out', out],
        () => undefined,
      );
      expect(runs.map((r) => r.hopLimit)).toEqual([1, 2]);
      for (const r of runs) {
        expect(r.pairs_ideal).toBeGreaterThan(50);
        expect(r.delivery_ratio_vs_ideal).toBeGreaterThanOrEqual(0.99);
        expect(r.duplicate_body_transfers).toBe(0);
        expect(r.session_errors).toBe(0);
        expect(r.naive_bytes_per_delivered_byte!).toBeGreaterThan(2 * r.bytes_per_delivered_byte);
      }
      // More hops reach more people (or as many) in the ideal.
      expect(runs[1]!.pairs_ideal).toBeGreaterThanOrEqual(runs[0]!.pairs_ideal);
      const written = JSON.parse(readFileSync(join(out, 'sim.json'), 'utf8')) as {
        runs: unknown[];
      };
      expect(written.runs).toHaveLength(2);
      expect(readFileSync(join(out, 'hops.svg'), 'utf8')).toContain('<svg');
    },
    SIM_TIMEOUT_MS,
  );
});

describe('Murmur homes in the simulator (issue 32, point 5)', () => {
  it(
    'with a home each, what waits is there when the recipient comes online',
    async () => {
      const { runs } = await simulate(
        ['--nodes', '40', '--days', '2', '--homes', '0,100', '--seed', '7', '--no-naive'],
        () => undefined,
      );
      const [none, all] = runs;
      expect([none?.homes_percent, all?.homes_percent]).toEqual([0, 100]);
      // Without homes, a few messages never meet their recipient before the run ends (here 1 in
      // 270); with a home each, every recipient online again gets everything, at once.
      expect(none!.delivery_ratio_vs_online_later).toBeLessThan(1);
      expect(all!.delivery_ratio_vs_online_later).toBe(1);
      expect(all!.delay_beyond_next_online_home_p95_s).toBeLessThanOrEqual(60);
      expect(all!.duplicate_body_transfers).toBe(0);
      expect(all!.session_errors).toBe(0);
    },
    SIM_TIMEOUT_MS,
  );
});
