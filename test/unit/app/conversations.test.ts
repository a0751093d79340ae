/**
 * The chats list (product UI issue): one row per friend with the last message either way, its
 * unread count since the conversation was read, and online; newest first — over the memory
 * store and the Dexie store alike.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { conversationList } from '../../../src/app/conversations';
import { UNREAD_COUNT_LIMIT } from '../../../src/core/state/store-port';
import { HEADS_COMPLETE } from '../../../src/store/conversation-heads';
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

    it('counts a message stored twice once, stops counting at the limit, and forgets a deleted last message', async () => {
      const store = makeStore();
      const { ann, ben, contacts } = await people(store);
      const hello = direct(ann.fingerprint, ann.fingerprint, 'Hello', 1);
      await store.putMessage(hello);
      await store.putMessage(hello);
      const once = await conversationList(store, contacts, new Set(), {});
      expect(once.find((c) => c.name === 'Ann')?.unread).toBe(1);

      for (let i = 0; i < UNREAD_COUNT_LIMIT + 5; i++)
        await store.putMessage(direct(ben.fingerprint, ben.fingerprint, `Ben ${i}`, 100 + i));
      const mine = direct(ME, ben.fingerprint, 'Slow down', 1_000);
      await store.putMessage(mine);
      const many = await conversationList(store, contacts, new Set(), {});
      expect(many[0]).toMatchObject({ name: 'Ben', unread: UNREAD_COUNT_LIMIT });
      expect(many[0]?.last).toMatchObject({ text: 'Slow down', mine: true });

      await store.deleteMessage(mine.id);
      const after = await conversationList(store, contacts, new Set(), { [ben.fingerprint]: 200 });
      expect(after[0]?.last).toMatchObject({ text: `Ben ${UNREAD_COUNT_LIMIT + 4}`, mine: false });
      expect(after[0]?.unread).toBe(4);
    });
  });
}

describe('the chats list’s index (dexie store)', () => {
  it('is rebuilt from the messages when they were written behind the store’s back', async () => {
    const store = new DexieStore(freshDatabase());
    const { ann, contacts } = await people(store);
    await store.putMessage(direct(ann.fingerprint, ann.fingerprint, 'First', 1));
    expect((await conversationList(store, contacts, new Set(), {}))[0]?.last?.text).toBe('First');
    // As a restore or a benchmark's seeding writes: straight into the tables, index cleared.
    await store.db.messages.put(direct(ann.fingerprint, ann.fingerprint, 'Second', 2));
    await store.db.settings.delete(HEADS_COMPLETE);
    const list = await conversationList(store, contacts, new Set(), {});
    expect(list[0]).toMatchObject({ name: 'Ann', unread: 2, last: { text: 'Second' } });
  });
});
