/**
 * A run's deliveries against the ideal (every path through online friends within the hop
 * limit), with delays: from sending, and — the honest measure — beyond the recipient's next
 * time online, separately for recipients with a Murmur home and without. That one counts every
 * pair whose recipient is online again before the run ends; one never delivered counts the wait
 * until the end (a lower bound), so a network that loses messages cannot look fast.
 */
import { writeFileSync } from 'node:fs';
import { at } from '../at';
import type { SimConfig } from './config';
import type { Homes } from './homes';
import { Reach } from './ideal';
import { delayBeyondNextOnline, nextOnline } from './next-online';
import type { World } from './world';

export const pct = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return at(sorted, Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length)));
};

export interface Deliveries {
  /** `${plan}:${recipient}` → when it arrived (s). */
  delivered: ReadonlyMap<string, number>;
  /** Envelope size of each planned message. */
  sizes: readonly number[];
  homes: Homes;
}

export function measureDeliveries(
  world: World,
  config: SimConfig,
  hopLimit: number,
  { delivered, sizes, homes }: Deliveries,
) {
  const horizon = config.days * 24 * 3600;
  const withHome = new Set(homes.list.map((h) => h.owner));
  let pairsIntended = 0;
  let pairsIdeal = 0;
  let pairsDelivered = 0;
  let outsideIdeal = 0;
  let bytesDelivered = 0;
  let onlineLater = 0;
  let deliveredOnlineLater = 0;
  const delays: number[] = [];
  const beyond = { all: [] as number[], home: [] as number[], noHome: [] as number[] };
  const missed: object[] = [];
  const idealDelays: number[] = [];
  const reach = new Reach(world.friends, world.online);
  for (const m of world.plan) {
    const arrivals = reach.earliestArrival(
      m.sender,
      m.at,
      Math.min(m.at + config.ttlDays * 86400, horizon),
      hopLimit,
      m.recipients,
    );
    for (const [k, r] of m.recipients.entries()) {
      pairsIntended++;
      const ideal = arrivals[k];
      const got = delivered.get(`${m.index}:${r}`);
      if (ideal !== undefined) {
        pairsIdeal++;
        idealDelays.push(ideal - m.at);
      }
      if (ideal !== undefined && got === undefined && process.env.SIM_DEBUG)
        missed.push({
          plan: m.index,
          kind: m.kind,
          sender: m.sender,
          recipient: r,
          sentAt: m.at,
          idealAt: ideal,
          slots: m.recipients.length,
        });
      const next = nextOnline(at(world.online, r), m.at);
      if (next !== null && next < horizon) {
        onlineLater++;
        if (got !== undefined) deliveredOnlineLater++;
        const late = delayBeyondNextOnline(at(world.online, r), m.at, got ?? horizon);
        beyond.all.push(late);
        (withHome.has(r) ? beyond.home : beyond.noHome).push(late);
      }
      if (got === undefined) continue;
      pairsDelivered++;
      bytesDelivered += at(sizes, m.index);
      delays.push(got - m.at);
      if (ideal === undefined) outsideIdeal++;
    }
  }
  // SIM_DEBUG=file.json lists the deliveries the ideal had and this run missed.
  if (process.env.SIM_DEBUG) writeFileSync(process.env.SIM_DEBUG, JSON.stringify(missed, null, 1));
  return {
    bytesDelivered,
    figures: {
      pairs_intended: pairsIntended,
      pairs_ideal: pairsIdeal,
      pairs_delivered: pairsDelivered,
      delivered_outside_ideal: outsideIdeal,
      delivery_ratio_vs_ideal: pairsIdeal ? (pairsDelivered - outsideIdeal) / pairsIdeal : 1,
      delay_p50_s: pct(delays, 50),
      delay_p95_s: pct(delays, 95),
      ideal_delay_p50_s: pct(idealDelays, 50),
      /** Of the pairs whose recipient was online again before the end, the share delivered. */
      delivery_ratio_vs_online_later: onlineLater ? deliveredOnlineLater / onlineLater : 1,
      delay_beyond_next_online_p50_s: pct(beyond.all, 50),
      delay_beyond_next_online_p95_s: pct(beyond.all, 95),
      /** Recipients with a home (0 when nobody has one). */
      delay_beyond_next_online_home_p50_s: pct(beyond.home, 50),
      delay_beyond_next_online_home_p95_s: pct(beyond.home, 95),
      delay_beyond_next_online_no_home_p50_s: pct(beyond.noHome, 50),
    },
  };
}
