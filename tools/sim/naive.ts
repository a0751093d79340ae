/**
 * The naive baseline ("every node forwards every message to all friends"): whenever two friends
 * are online together, each sends the other every message it holds, and a newly received
 * message goes at once to every friend online. Same people, schedule, messages, envelope sizes
 * and reach (hop limit + 1 hand-offs) as the real run; no inventory, no receipts. A model for
 * counting bytes: bodies are not encrypted or parsed here.
 */
import type { SimConfig } from './config';
import type { World } from './world';
import { at } from '../at';

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
  const people = world.friends.length;
  const messages = world.plan.length;
  const friends = world.friends.map((set) => [...set]);
  const expiresAt = world.plan.map((m) => m.at + config.ttlDays * 86400);
  // Flat arrays indexed by node × messages + message (ten million cells at 1,000 people: a
  // Map per node and string keys took a few seconds of the 1,000-person benchmark).
  // held: hand-offs still allowed from this node, −1 when it does not hold the message.
  const held = new Int8Array(people * messages).fill(-1);
  const heldList = friends.map((): number[] => []); // what each node holds, first-received first
  const isRecipient = new Uint8Array(people * messages);
  world.plan.forEach((m) => m.recipients.forEach((r) => (isRecipient[r * messages + m.index] = 1)));
  const delivered = new Uint8Array(people * messages);
  const online = new Uint8Array(people);
  let deliveredPairs = 0;
  let bytes = 0;
  let deliveredBytes = 0;
  let queue: number[] = []; // pairs: node, message
  let head = 0;

  const receive = (to: number, message: number, handoffsLeft: number, now: number) => {
    if (now > at(expiresAt, message)) return;
    const cell = to * messages + message;
    if (isRecipient[cell] && !delivered[cell]) {
      delivered[cell] = 1;
      deliveredPairs++;
      deliveredBytes += at(sizes, message);
    }
    const before = at(held, cell);
    if (before < handoffsLeft) {
      if (before < 0) at(heldList, to).push(message);
      held[cell] = handoffsLeft;
      queue.push(to, message);
    }
  };
  const send = (from: number, to: number, message: number, now: number) => {
    const left = at(held, from * messages + message);
    if (left <= 0) return;
    bytes += at(sizes, message);
    receive(to, message, left - 1, now);
  };
  /** Sends everything `from` holds (or just `only`) to `to`, then lets news spread. */
  const push = (from: number, to: number, now: number, only?: number) => {
    queue = [];
    head = 0;
    if (only === undefined) for (const message of at(heldList, from)) send(from, to, message, now);
    else send(from, to, only, now);
    while (head < queue.length) {
      const node = at(queue, head++);
      const message = at(queue, head++);
      for (const f of at(friends, node)) if (online[f]) send(node, f, message, now);
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
          online[i] = 1;
          for (const f of at(friends, i))
            if (online[f]) {
              push(i, f, start);
              push(f, i, start);
            }
        },
      });
      events.push({ t: end, order: 0, run: () => (online[i] = 0) });
    }),
  );
  for (const m of world.plan)
    events.push({
      t: m.at,
      order: 2,
      run: () => {
        const cell = m.sender * messages + m.index;
        if (at(held, cell) < 0) at(heldList, m.sender).push(m.index);
        held[cell] = hopLimit + 1;
        for (const f of at(friends, m.sender)) if (online[f]) push(m.sender, f, m.at, m.index);
      },
    });
  events.sort((a, b) => a.t - b.t || a.order - b.order);
  for (const e of events) e.run();
  return {
    naive_bytes_sent: bytes,
    naive_pairs_delivered: deliveredPairs,
    naive_bytes_per_delivered_byte: deliveredBytes ? bytes / deliveredBytes : 0,
  };
}
