/**
 * One simulation run: the real MurmurNode for every person, real envelopes and sessions over
 * in-memory channels, driven by a virtual clock through everyone's online sessions and
 * messages. Measures delivery against the ideal, delays, bytes and duplicates.
 */
import { writeFileSync } from 'node:fs';
import type { Message } from '../../src/core/messages/kinds';
import { MurmurNode } from '../../src/core/node/node';
import { MemoryStore } from '../../src/core/state/memory-store';
import type { RelayCopy } from '../../src/core/state/records';
import { channelPair, newTraffic } from '../../src/core/sync/memory-channel';
import type { Session } from '../../src/core/sync/session';
import type { SimConfig } from './config';
import { Reach } from './ideal';
import type { World } from './world';
import { entryOf } from '../../src/core/map-entry';
import { at } from '../at';
import { newMessageId } from '../../src/core/messages/message-id';

class PeakStore extends MemoryStore {
  peak = 0;
  override async putRelayCopy(copy: RelayCopy) {
    await super.putRelayCopy(copy);
    this.peak = Math.max(this.peak, await this.relayBytes());
  }
}

export interface RunResult {
  hopLimit: number;
  nodes: number;
  messages: number;
  pairs_intended: number;
  pairs_ideal: number;
  pairs_delivered: number;
  delivered_outside_ideal: number;
  delivery_ratio_vs_ideal: number;
  delay_p50_s: number;
  delay_p95_s: number;
  ideal_delay_p50_s: number;
  bytes_sent: number;
  bytes_delivered: number;
  bytes_per_delivered_byte: number;
  envelope_transfers: number;
  duplicate_body_transfers: number;
  duplicate_body_ratio: number;
  peak_relay_bytes_per_node: number;
  mean_peak_relay_bytes: number;
  session_errors: number;
  session_error_reasons: Record<string, number>;
  wall_s: number;
  /** Envelope size of each planned message, for the naive baseline. */
  sizes: number[];
}

const pct = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return at(sorted, Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length)));
};

export async function runSimulation(
  world: World,
  config: SimConfig,
  hopLimit: number,
): Promise<RunResult> {
  const started = performance.now();
  const horizon = config.days * 24 * 3600;
  const clock = { t: 0 };
  const traffic = newTraffic();
  const stores = world.keyrings.map(() => new PeakStore({ copyRecords: false }));
  const fingerprints = world.keyrings.map((k) => k.me.fingerprintHex);
  const idToPlan = new Map<string, number>();
  const delivered = new Map<string, number>(); // `${plan}:${recipient}` → time
  const transfers = new Set<string>();
  let envelopeTransfers = 0;
  let duplicates = 0;
  let sessionErrors = 0;
  const errorReasons = new Map<string, number>();
  const activity = { pending: 0 };

  const nodes = world.keyrings.map((keyring, i) => {
    const node = new MurmurNode({
      keyring,
      store: at(stores, i),
      now: () => clock.t * 1000,
      events: {
        message: (opened) => {
          const plan = idToPlan.get(opened.envelope.id);
          if (plan !== undefined) delivered.set(`${plan}:${i}`, clock.t);
        },
      },
      activity,
      onSessionClosed: (_peer, error) => {
        if (error && error.code !== 'done') {
          sessionErrors++;
          errorReasons.set(error.message, (errorReasons.get(error.message) ?? 0) + 1);
        }
      },
    });
    const accept = node.acceptEnvelope.bind(node);
    node.acceptEnvelope = async (peer, bytes, id) => {
      envelopeTransfers++;
      const key = `${i}:${id}`;
      if (transfers.has(key)) duplicates++;
      transfers.add(key);
      return accept(peer, bytes, id);
    };
    return node;
  });

  const online = new Set<number>();
  const sessionsOf = new Map<number, Set<Session>>();
  const track = (i: number, s: Session) => {
    entryOf(sessionsOf, i, () => new Set()).add(s);
  };
  const connect = (a: number, b: number) => {
    const [ca, cb] = channelPair(traffic);
    const answering = at(nodes, b).answer(cb);
    const friend = at(world.keyrings, a).friend(at(fingerprints, b));
    if (!friend) throw new Error(`${b} is not a friend of ${a}`);
    const calling = at(nodes, a).call(ca, friend);
    track(a, calling);
    track(b, answering);
  };
  const disconnect = (i: number) => {
    for (const s of sessionsOf.get(i) ?? []) {
      s.close();
    }
    sessionsOf.delete(i);
  };
  // Quiet when no frame is in flight and none is waiting to be handled (a shared counter:
  // awaiting every live session after every event made the run quadratic in people).
  const quiesce = async () => {
    let lastFrames = -1;
    for (let stable = 0; stable < 2;) {
      await new Promise((resolve) => setImmediate(resolve));
      const quiet =
        traffic.inFlight === 0 && activity.pending === 0 && traffic.frames === lastFrames;
      stable = quiet ? stable + 1 : 0;
      lastFrames = traffic.frames;
    }
  };

  type Event = { t: number; order: number; run: () => Promise<void> };
  const events: Event[] = [];
  world.online.forEach((intervals, i) => {
    for (const { start, end } of intervals) {
      events.push({
        t: start,
        order: 1,
        run: async () => {
          online.add(i);
          // As the extension does: on coming online, at most hourly.
          await at(nodes, i).purgeExpired(3600);
          for (const f of at(world.friends, i)) if (online.has(f)) connect(i, f);
        },
      });
      events.push({
        t: end,
        order: 0,
        run: async () => {
          online.delete(i);
          disconnect(i);
        },
      });
    }
  });
  for (const m of world.plan) {
    events.push({
      t: m.at,
      order: 2,
      run: async () => {
        const text = 'm'.repeat(config.textBytes);
        const message: Message =
          m.kind === 'direct'
            ? { kind: 'direct', id: newMessageId(), createdAt: clock.t * 1000, text }
            : {
                kind: 'post',
                id: newMessageId(),
                createdAt: clock.t * 1000,
                text,
                thumbnails: [],
                audience: { kind: 'all-friends' },
                mirroredFrom: null,
              };
        const entry = await at(nodes, m.sender).send(
          message,
          m.recipients.map((r) => at(fingerprints, r)),
          { hopLimit, ttlSeconds: config.ttlDays * 86400 },
        );
        idToPlan.set(entry.id, m.index);
        sizes[m.index] = entry.bytes.length;
      },
    });
  }
  const sizes: number[] = new Array(world.plan.length).fill(0);
  events.sort((a, b) => a.t - b.t || a.order - b.order);
  for (const event of events) {
    clock.t = event.t;
    await event.run();
    await quiesce();
  }

  // Compare with the ideal.
  let pairsIntended = 0;
  let pairsIdeal = 0;
  let pairsDelivered = 0;
  let outsideIdeal = 0;
  let bytesDelivered = 0;
  const delays: number[] = [];
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
      if (got !== undefined) {
        pairsDelivered++;
        bytesDelivered += at(sizes, m.index);
        delays.push(got - m.at);
        if (ideal === undefined) outsideIdeal++;
      }
    }
  }
  const peaks = stores.map((s) => s.peak);
  // SIM_DEBUG=file.json lists the deliveries the ideal had and this run missed.
  if (process.env.SIM_DEBUG) writeFileSync(process.env.SIM_DEBUG, JSON.stringify(missed, null, 1));
  return {
    hopLimit,
    nodes: config.nodes,
    messages: world.plan.length,
    pairs_intended: pairsIntended,
    pairs_ideal: pairsIdeal,
    pairs_delivered: pairsDelivered,
    delivered_outside_ideal: outsideIdeal,
    delivery_ratio_vs_ideal: pairsIdeal ? (pairsDelivered - outsideIdeal) / pairsIdeal : 1,
    delay_p50_s: pct(delays, 50),
    delay_p95_s: pct(delays, 95),
    ideal_delay_p50_s: pct(idealDelays, 50),
    bytes_sent: traffic.bytes,
    bytes_delivered: bytesDelivered,
    bytes_per_delivered_byte: bytesDelivered ? traffic.bytes / bytesDelivered : 0,
    envelope_transfers: envelopeTransfers,
    duplicate_body_transfers: duplicates,
    duplicate_body_ratio: envelopeTransfers ? duplicates / envelopeTransfers : 0,
    peak_relay_bytes_per_node: Math.max(0, ...peaks),
    mean_peak_relay_bytes: peaks.reduce((a, b) => a + b, 0) / peaks.length,
    session_errors: sessionErrors,
    session_error_reasons: Object.fromEntries(errorReasons),
    wall_s: (performance.now() - started) / 1000,
    sizes,
  };
}
