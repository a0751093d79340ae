/**
 * Headless hosts of the app for tests: a person's Murmur or a Murmur home over memory, and the
 * network opening a channel between two of them (resolves when the caller's end closes).
 */
import { NO_ATTENTION } from '../../../src/app/app-ports';
import type { PeerChannel } from '../../../src/app/call-friend';
import { Murmur } from '../../../src/app/murmur';
import { memorySettings } from '../../../src/app/settings-port';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { channelPair } from '../../../src/core/sync/memory-channel';
import type { UpdateTopic } from '../../../src/messaging/page-updates';
import { peerIdFor } from '../peer-ids';
import { noCache } from './service-harness';

const TRACKER = 'ws://127.0.0.1:9000/murmur';

export function host(name: string, role?: 'home') {
  const waiting: { topic: UpdateTopic; heard: () => void }[] = [];
  const settings = memorySettings();
  const store = new MemoryStore();
  const murmur = new Murmur({
    store,
    settings,
    address: async () => ({ peerId: peerIdFor(name), tracker: TRACKER }),
    unlockedKeys: noCache,
    network: { configure: async () => undefined, reach: async () => ({}) },
    attention: NO_ATTENTION,
    askToShare: async () => undefined,
    changed: (...topics) => {
      for (const w of waiting.filter((w) => topics.includes(w.topic))) w.heard();
    },
    ...(role ? { role } : {}),
  });
  const next = (topic: UpdateTopic) => new Promise<void>((heard) => waiting.push({ topic, heard }));
  return { murmur, settings, store, peerId: peerIdFor(name), next };
}
export type Host = ReturnType<typeof host>;

/** The network opened a channel from `caller` to `callee`; resolves when it closes. */
export function dial(caller: Host, callee: Host) {
  const [calling, answering] = channelPair();
  const ends = [
    Object.assign(calling, { peerId: callee.peerId }) as PeerChannel,
    Object.assign(answering, { peerId: caller.peerId }) as PeerChannel,
  ] as const;
  const closed = new Promise<void>((resolve) => ends[0].onClose(resolve));
  void callee.murmur.attach(ends[1], false);
  void caller.murmur.attach(ends[0], true);
  return { closed, close: () => ends[0].close() };
}

/**
 * A channel from `a` to `b`, kept open until `heardBy` (default `b`) reports `topic` and
 * `done` holds (each report checks again), then hung up.
 */
export async function meet(
  a: Host,
  b: Host,
  topic: UpdateTopic,
  heardBy: Host = b,
  done: () => Promise<boolean> = async () => true,
) {
  let heard = heardBy.next(topic);
  const channel = dial(a, b);
  for (;;) {
    await heard;
    heard = heardBy.next(topic);
    if (await done()) break;
  }
  channel.close();
}

/** `a` asks `b` by card, `b` accepts, and `a` learns it. */
export async function befriend(a: Host, b: Host) {
  const bView = await b.murmur.ask('identity.get', {});
  await a.murmur.ask('friends.add', { card: bView?.card ?? '' });
  await dial(a, b).closed;
  const [request] = await b.murmur.ask('requests.list', {});
  await b.murmur.ask('requests.answer', { id: request?.id ?? ('' as never), accept: true });
  await meet(b, a, 'friends');
}
