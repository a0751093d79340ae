/**
 * The naive baseline ("every node forwards every message to all friends"): whenever two friends
 * are online together, each sends the other every message it holds, and a newly received
 * message goes at once to every friend online. Same people, schedule, messages, envelope sizes
 * and reach (hop limit + 1 hand-offs) as the real run; no inventory, no receipts. A model for
 * counting bytes: bodies are not encrypted or parsed here.
 */
import type { SimConfig } from './config';
import type { World } from './world';

export interface NaiveResult {
  naive_bytes_sent: number;
  naive_pairs_delivered: number;
  naive_bytes_per_delivered_byte: number;
}

export function runNaive(
  world: World,
  config: SimConfig,
  hopLimit: number,
  sizes: number[],
): NaiveResult {
  const ttl = config.ttlDays * 86400;
  // held[node]: message index → hand-offs still allowed from this node
  const held = world.friends.map(() => new Map<number, number>());
  const online = new Set<number>();
  const recipientsOf = world.plan.map((m) => new Set(m.recipients));
  const delivered = new Set<string>();
  let bytes = 0;
  let deliveredBytes = 0;

  const receive = (
    to: number,
    message: number,
    handoffsLeft: number,
    now: number,
    queue: [number, number][],
  ) => {
    const m = world.plan[message]!;
    if (now > m.at + ttl) return;
    if (recipientsOf[message]!.has(to) && !delivered.has(`${message}:${to}`)) {
      delivered.add(`${message}:${to}`);
      deliveredBytes += sizes[message]!;
    }
    const before = held[to]!.get(message);
    if (before === undefined || before < handoffsLeft) {
      held[to]!.set(message, handoffsLeft);
      queue.push([to, message]);
    }
  };
  /** Sends everything `from` holds (or just `only`) to `to`, then lets news spread. */
  const push = (from: number, to: number, now: number, only?: number) => {
    const queue: [number, number][] = [];
    const send = (f: number, t: number, message: number) => {
      const left = held[f]!.get(message)!;
      if (left <= 0) return;
      bytes += sizes[message]!;
      receive(t, message, left - 1, now, queue);
    };
    if (only === undefined) for (const message of held[from]!.keys()) send(from, to, message);
    else send(from, to, only);
    while (queue.length) {
      const [node, message] = queue.shift()!;
      for (const f of world.friends[node]!) if (online.has(f)) send(node, f, message);
    }
  };

  type Event = { t: number; order: number; run: () => void };
  const events: Event[] = [];
  world.online.forEach((intervals, i) =>
    intervals.forEach(({ start, end }) => {
      events.push({
        t: start,
        order: 1,
        run: () => {
          online.add(i);
          for (const f of world.friends[i]!)
            if (online.has(f)) {
              push(i, f, start);
              push(f, i, start);
            }
        },
      });
      events.push({ t: end, order: 0, run: () => online.delete(i) });
    }),
  );
  for (const m of world.plan)
    events.push({
      t: m.at,
      order: 2,
      run: () => {
        held[m.sender]!.set(m.index, hopLimit + 1);
        for (const f of world.friends[m.sender]!)
          if (online.has(f)) push(m.sender, f, m.at, m.index);
      },
    });
  events.sort((a, b) => a.t - b.t || a.order - b.order);
  for (const e of events) e.run();
  return {
    naive_bytes_sent: bytes,
    naive_pairs_delivered: delivered.size,
    naive_bytes_per_delivered_byte: deliveredBytes ? bytes / deliveredBytes : 0,
  };
}
