import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { DexieStore } from '../../../src/store/dexie-store';
import { MurmurDatabase, SCHEMA_V1 } from '../../../src/store/schema';
import { storeContract } from './contract';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

let counter = 0;
export function freshDatabase(factory = new IDBFactory(), name = `murmur-test-${++counter}`) {
  return new MurmurDatabase(name, { indexedDB: factory, IDBKeyRange });
}

storeContract('memory', async () => new MemoryStore());
storeContract('dexie (fake-indexeddb)', async () => new DexieStore(freshDatabase()));

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

  it('upgrades a version 1 database: old seen records gain notify, new indexes work', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie('old', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1
      .table('seen')
      .put({ id: 'old-id', expiresAt: 5, header: null, sender: 's', deliveredBy: 'd' });
    await v1.table('messages').put({
      id: 'm',
      authorFingerprint: 'a',
      kind: 'post',
      message: new Uint8Array([1]),
      conversationWith: null,
      receivedAt: 7,
      signedData: null,
      signature: null,
    });
    v1.close();

    const store = new DexieStore(freshDatabase(factory, 'old'));
    expect(await store.getSeen('old-id')).toEqual({
      id: 'old-id',
      expiresAt: 5,
      header: null,
      sender: 's',
      deliveredBy: 'd',
      notify: [],
    });
    expect(store.db.verno).toBe(3);
    expect((await store.listMessages({ kind: 'post' })).map((m) => m.id)).toEqual(['m']);
    // Version 3 keeps only the indexes the queries use.
    expect(store.db.messages.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['[conversationWith+receivedAt]', '[kind+receivedAt]', 'receivedAt'].sort(),
    );
  });
});
