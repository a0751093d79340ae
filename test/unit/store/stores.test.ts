import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { DexieStore } from '../../../src/store/dexie-store';
import { SqliteStore } from '../../../home/sqlite-store';
import { openHomeDatabase } from '../../../home/sqlite-database';
import { freshDatabase } from './fresh-database';
import { storeContract } from './contract';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

storeContract('memory', async () => new MemoryStore());
storeContract('dexie (fake-indexeddb)', async () => new DexieStore(freshDatabase()));
storeContract('sqlite (the home)', async () => new SqliteStore(openHomeDatabase(':memory:')));

describe('dexie store', () => {
  it('keeps everything across a reopen (a browser restart)', async () => {
    const factory = new IDBFactory();
    const first = new DexieStore(freshDatabase(factory, 'persist'));
    await first.putRelayPolicy({ maxMessageBytes: 10, maxHoldSeconds: 20, quotaBytes: 30 });
    await first.putRelayCopy({
      id: 'r' as EnvelopeId,
      bytes: new Uint8Array([1, 2, 3]),
      size: 3,
      receivedAt: 1,
      dropAt: 9,
      hopsLeft: 0,
      fromPeer: 'p' as Fingerprint,
      heldBy: [],
      downstream: [],
      declinedBy: [],
      deliveredSlots: [],
    });
    first.db.close();
    const second = new DexieStore(freshDatabase(factory, 'persist'));
    expect(await second.getRelayPolicy()).toEqual({
      maxMessageBytes: 10,
      maxHoldSeconds: 20,
      quotaBytes: 30,
    });
    expect((await second.getRelayCopy('r'))?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    expect(await second.relayBytes()).toBe(3);
  });

  it('indexes messages only as the feed and conversations read them', async () => {
    const store = new DexieStore(freshDatabase(new IDBFactory(), 'indexes'));
    await store.putMessage({
      id: 'm' as EnvelopeId,
      authorFingerprint: 'a'.repeat(40) as Fingerprint,
      kind: 'direct',
      message: new Uint8Array([1]),
      conversationWith: 'a'.repeat(40) as Fingerprint,
      receivedAt: 7,
      signedData: null,
      signature: null,
    });
    expect(store.db.verno).toBe(1); // one version: nothing has shipped
    expect(store.db.messages.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['[conversationWith+receivedAt]', '[kind+receivedAt]', 'receivedAt'].sort(),
    );
    expect((await store.listMessages({ kind: 'direct' })).map((m) => m.id)).toEqual(['m']);
    const conversation = await store.listMessages({ conversationWith: 'a'.repeat(40) });
    expect(conversation.map((m) => m.id)).toEqual(['m']);
  });
});
