/**
 * `npm run sim -- [--nodes 200] [--friends 24] [--days 7] [--hops 0,1,2,3] [--dm-rate 1]
 *   [--post-rate 0.25] [--seed 42] [--quota-mb 50] [--no-naive] [--out sim-results]`
 * Runs the real core for every hop limit asked, writes <out>/sim.json and <out>/hops.svg.
 * The npm scripts give Node a larger young generation (--max-semi-space-size=128): a run makes
 * millions of short-lived frames, and with the default, collecting them took a fifth of the
 * time at 1,000 people (319 s; 273 s with 64 MB, 128 MB a little better again).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hopChart, type HopPoint } from './chart';
import { parseSimArgs } from './config';
import { runNaive } from './naive';
import { runSimulation } from './run';
import { buildWorld } from './world';
import { addHomes, removeHomes } from './homes';
import { answerHelp } from '../cli-help';

export async function simulate(argv: string[], log = console.log) {
  const config = parseSimArgs(argv);
  const started = performance.now();
  const world = await buildWorld(config);
  log(
    `world: ${config.nodes} people, ${world.plan.length} messages over ${config.days} days (${((performance.now() - started) / 1000).toFixed(1)} s to build)`,
  );
  const runs = [];
  for (const hopLimit of config.hops)
    for (const percent of config.homes) {
      const homes = await addHomes(world, percent, config.seed);
      const result = await runSimulation(world, config, hopLimit, homes);
      removeHomes(world, homes);
      const naive = config.naive ? runNaive(world, config, hopLimit, result.sizes) : null;
      const figures: Partial<typeof result> = { ...result };
      delete figures.sizes;
      runs.push({ ...(figures as Omit<typeof result, 'sizes'>), ...naive });
      log(
        `hop limit ${hopLimit}, homes ${percent} %: delivered ${(result.delivery_ratio_vs_ideal * 100).toFixed(2)} % of ideal, ${result.bytes_per_delivered_byte.toFixed(2)} B/B (naive ${naive?.naive_bytes_per_delivered_byte.toFixed(2) ?? '–'}), beyond next online p50 ${result.delay_beyond_next_online_p50_s} s, ${result.wall_s.toFixed(1)} s`,
      );
    }
  await mkdir(config.out, { recursive: true });
  await writeFile(
    join(config.out, 'sim.json'),
    JSON.stringify({ config: { ...config }, runs }, null, 2),
  );
  const points: HopPoint[] = runs
    .filter((r) => r.homes_percent === 0)
    .map((r) => ({
      hopLimit: r.hopLimit,
      ratioVsIdeal: r.delivery_ratio_vs_ideal,
      ratioVsIntended: r.pairs_intended ? r.pairs_delivered / r.pairs_intended : 0,
      bytesPerDelivered: r.bytes_per_delivered_byte,
      naiveBytesPerDelivered: r.naive_bytes_per_delivered_byte ?? null,
    }));
  await writeFile(
    join(config.out, 'hops.svg'),
    hopChart(points, `Murmur, ${config.nodes} people, ${config.days} days`),
  );
  log(`wrote ${join(config.out, 'sim.json')} and ${join(config.out, 'hops.svg')}`);
  return { config, runs, wall_s: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Here, not at the top: bench:sync imports simulate() and answers --help itself.
  answerHelp(`npm run sim -- [--nodes 200] [--friends 24] [--days 7] [--hops 0,1,2,3] [--dm-rate 1]
  [--post-rate 0.25] [--seed 42] [--quota-mb 50] [--homes 0,10,50,100] [--no-naive]
  [--out sim-results]

Runs the real core over a simulated network for every hop limit asked (and every share of people
with a Murmur home, --homes, in percent), against the ideal and a naive flood; writes <out>/sim.json and <out>/hops.svg; prints a table and one JSON line.`);
  await simulate(process.argv.slice(2));
}
