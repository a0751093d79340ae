/**
 * The application's life and a day in it, in Node over both stores the app runs on: the memory
 * store (tests, simulator) and the Dexie store (the extension; here over fake-indexeddb).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { contactCardOf, NoIdentityError, type UnlockedKeyCache } from '../../../src/app/account';
import { addContact } from '../../../src/app/add-contact';
import { activeContacts, removeContact } from '../../../src/app/contacts';
import { listMessageViews } from '../../../src/app/message-view';
import { MurmurLife } from '../../../src/app/murmur-life';
import { publish } from '../../../src/app/sending';
import { createIdentity } from '../../../src/core/identity/identity';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { NodeStore } from '../../../src/core/state/store-port';
import { DexieStore } from '../../../src/store/dexie-store';
import { MurmurDatabase } from '../../../src/store/schema';
import { peerIdFor } from '../peer-ids';

let databases = 0;
const stores: [string, () => NodeStore][] = [
  ['memory', () => new MemoryStore()],
  [
    'dexie',
    () =>
      new DexieStore(
        new MurmurDatabase(`life-${++databases}`, { indexedDB: new IDBFactory(), IDBKeyRange }),
      ),
  ],
];

/** A browser session's key cache that is forgotten when the browser quits (`quit()`). */
function sessionCache(): UnlockedKeyCache & { quit(): void } {
  let kept: string | null = null;
  return {
    get: async () => kept,
    set: async (armored) => void (kept = armored),
    quit: () => void (kept = null),
  };
}

const lifeOver = (store: NodeStore, unlockedKeys: UnlockedKeyCache) =>
  new MurmurLife({ store, unlockedKeys, hooks: () => ({}), homeOf: async () => null });

describe.each(stores)('the life of a Murmur (%s store)', (_name, makeStore) => {
  it('goes from no identity to running, locked after a restart with a passphrase, and back', async () => {
    const store = makeStore();
    const cache = sessionCache();
    const life = lifeOver(store, cache);
    expect((await life.now()).kind).toBe('no-identity');
    await expect(life.running()).rejects.toBeInstanceOf(NoIdentityError);
    expect(await life.lockState()).toMatchObject({ exists: false, locked: false });

    const me = await life.create('Ann', 'correct horse');
    expect((await life.running()).identity.fingerprintHex).toBe(me.fingerprintHex);
    expect(await life.exportKeys()).toContain('BEGIN PGP PUBLIC KEY BLOCK');

    cache.quit(); // the browser quits: the next start waits for the passphrase
    const again = lifeOver(store, cache);
    expect(await again.lockState()).toMatchObject({ exists: true, locked: true, protected: true });
    expect(await again.lockState()).toMatchObject({ displayName: 'Ann' });
    await expect(again.unlock('wrong')).rejects.toThrow();
    expect((await again.now()).kind).toBe('locked');
    expect((await again.unlock('correct horse')).fingerprintHex).toBe(me.fingerprintHex);

    await again.stop(); // a restore replaces the store
    expect((await again.now()).kind).toBe('stopping');
    await again.start();
    expect((await again.now()).kind).toBe('running'); // unlocked in this browser session
  });

  it('adds a friend by card, posts to them, refuses its own card, and removes them', async () => {
    const store = makeStore();
    const life = lifeOver(store, sessionCache());
    const me = await life.create('Ann');
    const { node } = await life.running();
    const ben = await createIdentity('Ben');
    const card = (who: typeof ben, peerId: string) =>
      contactCardOf(who, peerId, 'wss://tracker.example/murmur').text;

    const added = await addContact(node, me, store, [], card(ben, peerIdFor('ben')), 'hi from Ann');
    expect(added).toMatchObject({ fingerprint: ben.fingerprintHex, displayName: 'Ben' });
    expect((await activeContacts(store)).map((c) => c.state)).toEqual(['requested']);
    await expect(
      addContact(node, me, store, await activeContacts(store), card(me, peerIdFor('ann')), ''),
    ).rejects.toThrow('your own card');

    await store.putContact({
      ...(await activeContacts(store))[0]!,
      state: 'friend',
    });
    await publish(node, store, 'First post', undefined, { thumbnails: [], mirroredFrom: null });
    const feed = await listMessageViews(store, { kind: 'post' }, me, new Map());
    expect(feed.map((m) => [m.text, m.mine])).toEqual([['First post', true]]);

    const running = await life.running();
    expect(
      await removeContact(store, ben.fingerprintHex, 'remove', {
        keyring: node.keyring,
        contactKeys: running.contactKeys,
      }),
    ).toBe(true);
    expect(await activeContacts(store)).toEqual([]);
    expect(node.keyring.friend(ben.fingerprintHex)).toBeUndefined();
  });
});
