/**
 * `npm run bench:sync [-- --nodes 1000]`: the simulator at 500 people over 7 virtual days with
 * hop limit 2, against the ideal and the naive flooding baseline. Table, then one JSON line.
 */
import { simulate } from '../sim/cli';
import { report, round } from './stats';
import { at } from '../at';
import { answerHelp } from '../cli-help';

answerHelp(`npm run bench:sync [-- --nodes 500 --days 7 --hops 2 --homes 0,10,50,100 ...]

The simulator (npm run sim -- --help lists every option) at 500 people over 7 virtual days with
hop limit 2, against the ideal and the naive flood; with --homes, once for each share of people
(in percent) who run a Murmur home, with the delay beyond each recipient's next time online. A
table, then one JSON line.`);

const argv = process.argv.slice(2);
const { runs, wall_s } = await simulate(
  ['--nodes', '500', '--days', '7', '--hops', '2', '--out', 'bench-results/sync', ...argv],
  () => undefined,
);
const r = at(runs, 0);
/** One row per share of people with a home: what a home changes for its owner. */
const homeRows = runs.flatMap((run) => [
  {
    metric: `homes_${run.homes_percent}pct_beyond_next_online_p50_s`,
    value: Math.round(run.delay_beyond_next_online_p50_s),
    unit: 's',
    target: `(p95 ${Math.round(run.delay_beyond_next_online_p95_s)} s, delivered ${round(run.delivery_ratio_vs_online_later, 4)} of those online again)`,
  },
  ...(run.homes_percent > 0
    ? [
        {
          metric: `homes_${run.homes_percent}pct_recipient_with_home_p50_s`,
          value: Math.round(run.delay_beyond_next_online_home_p50_s),
          unit: 's',
          target: `≤ 60 (p95 ${Math.round(run.delay_beyond_next_online_home_p95_s)} s; without a home ${Math.round(run.delay_beyond_next_online_no_home_p50_s)} s)`,
        },
      ]
    : []),
]);
/** The largest share of homes asked: how soon a recipient with a home gets what waits. */
const mostHomes = runs.reduce((a, b) => (b.homes_percent > a.homes_percent ? b : a), r);
const naive = r.naive_bytes_per_delivered_byte ?? 0;
report(
  `Sync and relay: ${r.nodes} people, 7 days, hop limit 2 (${r.messages} messages, ${r.pairs_intended} deliveries intended)`,
  [
    {
      metric: 'delivery_ratio_vs_ideal',
      value: round(r.delivery_ratio_vs_ideal, 4),
      unit: '',
      target: '≥ 0.99',
    },
    {
      metric: 'delay_p50_s',
      value: Math.round(r.delay_p50_s),
      unit: 's',
      target: `(ideal p50 ${Math.round(r.ideal_delay_p50_s)} s)`,
    },
    { metric: 'delay_p95_s', value: Math.round(r.delay_p95_s), unit: 's' },
    {
      metric: 'bytes_per_delivered_byte',
      value: round(r.bytes_per_delivered_byte, 2),
      unit: 'B/B',
    },
    {
      metric: 'naive_bytes_per_delivered_byte',
      value: round(naive, 2),
      unit: 'B/B',
      target: '≥ 5× Murmur',
    },
    {
      metric: 'duplicate_body_ratio',
      value: round(r.duplicate_body_ratio, 5),
      unit: '',
      target: '≤ 0.01',
    },
    { metric: 'peak_relay_bytes_per_node', value: r.peak_relay_bytes_per_node, unit: 'B' },
    ...homeRows,
    { metric: 'wall_s', value: round(wall_s, 1), unit: 's' },
  ],
  {
    nodes: r.nodes,
    pairs_ideal: r.pairs_ideal,
    pairs_delivered: r.pairs_delivered,
    naive_ratio: round(naive / r.bytes_per_delivered_byte, 2),
    mean_peak_relay_bytes: Math.round(r.mean_peak_relay_bytes),
    session_errors: r.session_errors,
    homes_percent: mostHomes.homes_percent,
    /** For recipients with a home, at the largest share asked (0 when nobody has one). */
    delay_beyond_next_online_p50_s: Math.round(mostHomes.delay_beyond_next_online_home_p50_s),
  },
);
