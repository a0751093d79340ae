/**
 * The app has one front door (the house, second pass, point 1): a host with no browser — the
 * coming Murmur home — starts Murmur with a few lines, hands it channels, and asks it what a
 * page would ask. Two such hosts become friends from an invite link and talk.
 */
import { expect, it } from 'vitest';
import { NO_ATTENTION } from '../../../src/app/app-ports';
import type { PeerChannel } from '../../../src/app/call-friend';
import { Murmur } from '../../../src/app/murmur';
import { memorySettings } from '../../../src/app/settings-port';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { channelPair } from '../../../src/core/sync/memory-channel';
import type { UpdateTopic } from '../../../src/messaging/page-updates';
import { uiRequests } from '../../../src/messaging/ui-requests';
import { peerIdFor } from '../peer-ids';
import { noCache } from './service-harness';

const TRACKER = 'ws://127.0.0.1:9000/murmur';

/** A headless host: everything it takes to run Murmur. */
function home(name: string) {
  const waiting: { topic: UpdateTopic; heard: () => void }[] = [];
  const murmur = new Murmur({
    store: new MemoryStore(),
    settings: memorySettings(),
    address: async () => ({ peerId: peerIdFor(name), tracker: TRACKER }),
    unlockedKeys: noCache,
    network: { configure: async () => undefined, reach: async () => ({}) },
    attention: NO_ATTENTION,
    askToShare: async () => undefined,
    changed: (...topics) => {
      for (const w of waiting.filter((w) => topics.includes(w.topic))) w.heard();
    },
  });
  /** Resolves at the next change of this topic the app reports. */
  const next = (topic: UpdateTopic) => new Promise<void>((heard) => waiting.push({ topic, heard }));
  return { murmur, peerId: peerIdFor(name), next };
}

/** The network opened a channel from `caller` to `callee`. */
function dial(caller: ReturnType<typeof home>, callee: ReturnType<typeof home>) {
  const [calling, answering] = channelPair();
  const ends = [
    Object.assign(calling, { peerId: callee.peerId }) as PeerChannel,
    Object.assign(answering, { peerId: caller.peerId }) as PeerChannel,
  ] as const;
  void callee.murmur.attach(ends[1], false);
  void caller.murmur.attach(ends[0], true);
}

it('two headless homes become friends through the front door and talk', async () => {
  const alice = home('alice');
  const bob = home('bob');
  const aliceView = await alice.murmur.ask('identity.create', { displayName: 'Alice' });
  await bob.murmur.ask('identity.create', { displayName: 'Bob' });

  const asked = await bob.murmur.ask('friends.add', {
    card: aliceView.inviteLink ?? '',
    introduction: 'Bob, from the climbing wall',
  });
  expect(asked).toMatchObject({ displayName: 'Alice', asked: true });

  const requestArrives = alice.next('requests');
  dial(bob, alice);
  await requestArrives;
  const [request] = await alice.murmur.ask('requests.list', {});
  expect(request).toMatchObject({
    displayName: 'Bob',
    introduction: 'Bob, from the climbing wall',
  });

  await alice.murmur.ask('requests.answer', { id: request?.id ?? ('' as never), accept: true });
  const bobConfirms = bob.next('friends');
  dial(alice, bob);
  await bobConfirms;
  expect((await bob.murmur.ask('friends.list', {}))[0]).toMatchObject({ asked: false });

  const arrives = bob.next('messages');
  const bobsFingerprint = (await alice.murmur.ask('friends.list', {}))[0]?.fingerprint;
  await alice.murmur.ask('messages.send', { to: bobsFingerprint as never, text: 'Welcome!' });
  await arrives;
  const inbox = await bob.murmur.ask('messages.list', { kind: 'direct' });
  expect(inbox.map((m) => [m.authorName, m.text])).toEqual([['Alice', 'Welcome!']]);
  expect(await bob.murmur.ask('unread.get', {})).toBe(1);
});

it('the front door has few public members and answers every page request but the host’s own', () => {
  const { murmur } = home('carol');
  const own = Object.getOwnPropertyNames(Murmur.prototype).filter((m) => m !== 'constructor');
  expect(own.sort()).toEqual([
    'ask',
    'attach',
    'currentIdentity',
    'networkConfig',
    'start',
    'stop',
  ]);
  const hosts = ['status', 'settings.network.get', 'settings.network.set', 'network.test'];
  const pages = Object.keys(uiRequests).filter((type) => !hosts.includes(type));
  expect(Object.keys(murmur.requests).sort()).toEqual(pages.sort());
});
