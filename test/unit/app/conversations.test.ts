/**
 * The chats list (product UI issue): one row per friend with the last message either way, its
 * unread count since the conversation was read, and online; newest first — over the memory
 * store and the Dexie store alike.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { conversationList } from '../../../src/app/conversations';
import { createIdentity } from '../../../src/core/identity/identity';
import { encodeMessage } from '../../../src/core/messages/codec';
import { newMessageId } from '../../../src/core/messages/message-id';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { StoredMessage } from '../../../src/core/state/records';
import type { NodeStore } from '../../../src/core/state/store-port';
import { envelopeIdFromBytes } from '../../../src/core/envelope/envelope-id';
import { randomBytes } from '../../../src/core/bytes';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import { DexieStore } from '../../../src/store/dexie-store';
import { freshDatabase } from '../store/fresh-database';
import { contact } from './service-harness';

const ME = 'f'.repeat(40) as Fingerprint;

function direct(
  from: Fingerprint,
  withFriend: Fingerprint,
  text: string,
  at: number,
): StoredMessage {
  return {
    id: envelopeIdFromBytes(randomBytes(32)),
    authorFingerprint: from,
    kind: 'direct',
    message: encodeMessage({ kind: 'direct', id: newMessageId(), createdAt: at, text }),
    conversationWith: withFriend,
    receivedAt: at,
    signedData: null,
    signature: null,
  };
}

async function people(store: NodeStore) {
  const [ann, ben, cat, dan] = await Promise.all(
    ['Ann', 'Ben', 'Cat', 'Dan'].map(async (name) =>
      contact((await createIdentity(name)).publicKey, name),
    ),
  );
  if (!ann || !ben || !cat || !dan) throw new Error('four people');
  for (const c of [ann, ben, cat]) await store.putContact(c);
  await store.putContact({ ...dan, state: 'requested' }); // asked, not a friend yet: no chat
  return { ann, ben, cat, dan, contacts: await store.listContacts() };
}

for (const [label, makeStore] of [
  ['memory', () => new MemoryStore()],
  ['dexie', () => new DexieStore(freshDatabase())],
] as const) {
  describe(`the chats list (${label} store)`, () => {
    it('puts the newest conversation first, with its last message either way and unread since read', async () => {
      const store = makeStore();
      const { ann, ben, contacts } = await people(store);
      await store.putMessage(direct(ann.fingerprint, ann.fingerprint, 'Lunch?', 1_000));
      await store.putMessage(direct(ann.fingerprint, ann.fingerprint, 'At noon', 3_000));
      await store.putMessage(direct(ann.fingerprint, ann.fingerprint, 'Bring Ben', 4_000));
      await store.putMessage(direct(ME, ben.fingerprint, 'Are you coming?', 5_000));

      const list = await conversationList(store, contacts, new Set([ben.fingerprint]), {
        [ann.fingerprint]: 2_000,
      });
      expect(
        list.map((c) => [c.name, c.last?.text ?? null, c.last?.mine ?? null, c.unread, c.online]),
      ).toEqual([
        ['Ben', 'Are you coming?', true, 0, true],
        ['Ann', 'Bring Ben', false, 2, false],
        ['Cat', null, null, 0, false],
      ]);
    });

    it('orders friends never written to by name, after every conversation', async () => {
      const store = makeStore();
      const { cat, contacts } = await people(store);
      await store.putMessage(direct(cat.fingerprint, cat.fingerprint, 'Hi', 10));
      const list = await conversationList(store, contacts, new Set(), {});
      expect(list.map((c) => c.name)).toEqual(['Cat', 'Ann', 'Ben']);
      expect(list[0]?.unread).toBe(1);
    });
  });
}
