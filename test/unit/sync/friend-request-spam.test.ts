/**
 * Friend-request spam (hostile-peers issue, point 11): anyone with the user's card can send
 * requests. Only the newest per person is kept, each person is announced once, a burst of
 * introductions is cut off, and unanswered requests expire.
 */
import { expect, it, vi } from 'vitest';
import { pendingRequests, sealRequest } from '../../../src/app/friend-requests';
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { REQUEST_KEPT_MS } from '../../../src/core/node/introduction';
import { MurmurNode } from '../../../src/core/node/node';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { SessionError } from '../../../src/core/sync/session-error';
import { peerIdFor } from '../peer-ids';

const cardOf = (who: Keyring) => ({
  publicKey: who.me.publicKey.write(),
  displayName: who.me.displayName,
  peerId: peerIdFor('stranger'),
  tracker: 'ws://127.0.0.1:9000/murmur',
  inviteSecret: null,
});

async function georgeAndStranger() {
  const store = new MemoryStore();
  const clock = { now: Date.now() };
  const announced: string[] = [];
  const george = new MurmurNode({
    keyring: new Keyring(await createIdentity('George')),
    store,
    now: () => clock.now,
    events: { friendRequest: (o) => announced.push(o.senderFingerprintHex) },
  });
  const stranger = new Keyring(await createIdentity('Stranger'));
  const toGeorge = stranger.addFriend(george.keyring.me.publicKey);
  const card = cardOf(stranger);
  const request = (words: string) => sealRequest(stranger, toGeorge, card, words);
  return { george, store, clock, announced, request, stranger };
}

it('keeps only the newest request per person and announces them once', async () => {
  const { george, store, announced, request, stranger } = await georgeAndStranger();
  for (const words of ['hi', 'hi again', 'please answer'])
    await george.acceptIntroduction(await request(words));
  expect(announced).toEqual([stranger.me.fingerprintHex]);
  const kept = await store.listMessages({ kind: 'friend-request' });
  expect(kept).toHaveLength(1);
  expect((await pendingRequests(store)).map((r) => r.introduction)).toEqual(['please answer']);
});

it('cuts off a burst of introductions', async () => {
  const { george, request } = await georgeAndStranger();
  const outcomes: string[] = [];
  for (let i = 0; i < 12; i++)
    outcomes.push(
      await george.acceptIntroduction(await request(`spam ${i}`)).then(
        () => 'taken',
        (e: unknown) => (e instanceof SessionError ? e.code : String(e)),
      ),
    );
  expect(outcomes.filter((o) => o === 'taken')).toHaveLength(10);
  expect(outcomes.slice(10)).toEqual(['rate-limited', 'rate-limited']);
});

it('lets an unanswered request expire', async () => {
  const { george, store, clock, request, stranger } = await georgeAndStranger();
  await george.acceptIntroduction(await request('long ago'));
  expect(await pendingRequests(store, clock.now)).toHaveLength(1);
  const later = clock.now + REQUEST_KEPT_MS + 1000;
  expect(await pendingRequests(store, later)).toEqual([]);
  // The next request that comes in, from anyone, clears it out of the store too.
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(later);
    clock.now = later;
    const other = new Keyring(await createIdentity('Other'));
    const card = { ...cardOf(other), peerId: peerIdFor('other') };
    await george.acceptIntroduction(
      await sealRequest(other, other.addFriend(george.keyring.me.publicKey), card, 'new'),
    );
  } finally {
    vi.useRealTimers();
  }
  const left = await store.listMessages({ kind: 'friend-request' });
  expect(left.map((m) => m.authorFingerprint)).not.toContain(stranger.me.fingerprintHex);
  expect(left).toHaveLength(1);
});
