/**
 * One simulation run: the real MurmurNode for every person, real envelopes and sessions over
 * in-memory channels, driven by a virtual clock through everyone's online sessions and
 * messages. Measures delivery against the ideal, delays, bytes and duplicates.
 */
import type { Message } from '../../src/core/messages/kinds';
import { MurmurNode } from '../../src/core/node/node';
import { MemoryStore } from '../../src/core/state/memory-store';
import type { RelayCopy } from '../../src/core/state/records';
import { channelPair, newTraffic } from '../../src/core/sync/memory-channel';
import type { Session } from '../../src/core/sync/session';
import type { SimConfig } from './config';
import { homesOf, type Homes } from './homes';
import { measureDeliveries } from './measure';
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

export type RunResult = Awaited<ReturnType<typeof runSimulation>>;

export async function runSimulation(
  world: World,
  config: SimConfig,
  hopLimit: number,
  homes: Homes = { percent: 0, list: [] },
) {
  const started = performance.now();
  const clock = { t: 0 };
  const traffic = newTraffic();
  // People first, then their homes (always online, from the start).
  const people = world.keyrings.length;
  const keyrings = [...world.keyrings, ...homes.list.map((h) => h.keyring)];
  const homeOwner = (i: number) =>
    i < people ? undefined : at(world.keyrings, at(homes.list, i - people).owner).me.fingerprintHex;
  const homesNear = homesOf(world, homes);
  const stores = keyrings.map(() => new PeakStore({ copyRecords: false }));
  const fingerprints = keyrings.map((k) => k.me.fingerprintHex);
  const idToPlan = new Map<string, number>();
  const delivered = new Map<string, number>(); // `${plan}:${recipient}` → time
  const transfers = new Set<string>();
  let envelopeTransfers = 0;
  let duplicates = 0;
  let sessionErrors = 0;
  const errorReasons = new Map<string, number>();
  const activity = { pending: 0 };

  const nodes = keyrings.map((keyring, i) => {
    const homeOf = homeOwner(i);
    const node = new MurmurNode({
      keyring,
      ...(homeOf ? { homeOf } : {}),
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
    const friend = at(keyrings, a).friend(at(fingerprints, b));
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
          // Their own home and their friends' homes are always there.
          for (const k of homesNear.get(i) ?? []) connect(i, people + k);
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

  const measured = measureDeliveries(world, config, hopLimit, { delivered, sizes, homes });
  const peaks = stores.map((s) => s.peak);
  const { bytesDelivered } = measured;
  return {
    hopLimit,
    nodes: config.nodes,
    homes_percent: homes.percent,
    messages: world.plan.length,
    ...measured.figures,
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
