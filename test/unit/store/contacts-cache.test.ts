/**
 * The contacts as last read are kept in memory (every screen asks for them), and read again after
 * any write to the table: the store's own, a raw one like a restore's, and a clear.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createIdentity } from '../../../src/core/identity/identity';
import { DexieStore } from '../../../src/store/dexie-store';
import { contact } from '../app/service-harness';
import { freshDatabase } from './fresh-database';

describe('the kept contacts', () => {
  it('are read once until something writes to the table, however it writes', async () => {
    const [ann, ben] = await Promise.all(['Ann', 'Ben'].map((n) => createIdentity(n)));
    if (!ann || !ben) throw new Error('two people');
    const store = new DexieStore(freshDatabase());
    const reads = vi.spyOn(store.db.contacts, 'orderBy');
    const names = async () => (await store.listContacts()).map((c) => c.displayName);

    await store.putContact(contact(ann.publicKey, 'Ann'));
    expect(await names()).toEqual(['Ann']);
    expect(await names()).toEqual(['Ann']);
    expect(reads).toHaveBeenCalledTimes(1);

    await store.db.contacts.put(contact(ben.publicKey, 'Ben'));
    expect((await names()).sort()).toEqual(['Ann', 'Ben']);
    await store.deleteContact(ann.fingerprintHex);
    expect(await names()).toEqual(['Ben']);
    await store.db.contacts.clear();
    expect(await names()).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(4);
  });

  it('does not use a read that overlapped a write again, and cannot be changed in place', async () => {
    const [ann] = await Promise.all(['Ann'].map((n) => createIdentity(n)));
    if (!ann) throw new Error('one person');
    const store = new DexieStore(freshDatabase());
    const before = store.listContacts();
    await store.putContact(contact(ann.publicKey, 'Ann'));
    await before;
    const [record] = await store.listContacts();
    expect(record?.displayName).toBe('Ann');
    expect(() => {
      if (record) record.displayName = 'Mallory';
    }).toThrow(TypeError);
    expect((await store.listContacts())[0]?.displayName).toBe('Ann');
  });
});
