/**
 * One contact's key that expired, or broke, must not brick Murmur (hostile-peers issue,
 * point 3): Murmur starts, the others work, that contact is shown as such, and "remove
 * friend" works even without a running node.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAccount } from '../../../src/app/account';
import { createIdentity } from '../../../src/core/identity/identity';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { contact, expiredKey, noCache, serviceOver } from './service-harness';
import { fingerprintOfKey } from '../../../src/core/identity/key-material';

describe("a contact's key that expired or broke", () => {
  it('affects only that contact: Murmur starts, posts go to the others, remove works', async () => {
    const store = new MemoryStore();
    await createAccount(store, noCache, 'Me');
    const good = (await createIdentity('Good')).publicKey;
    const old = await expiredKey('Old');
    const broken = contact((await createIdentity('Broken')).publicKey, 'Broken');
    broken.publicKey = broken.publicKey.slice(0, 40); // damaged in storage
    for (const c of [contact(good, 'Good'), contact(old.key, 'Old'), broken])
      await store.putContact(c);

    const service = serviceOver(store);
    const friends = await service.ask('friends.list', {});
    const byName = new Map(friends.map((f) => [f.displayName, f]));
    expect(byName.get('Good')?.key).toEqual({ state: 'valid', expiresAt: null });
    expect(byName.get('Old')?.key).toEqual({ state: 'expired', expiredAt: old.expiredAt });
    expect(byName.get('Broken')?.key.state).toBe('unusable');
    expect(byName.get('Good')?.safetyNumber).toMatch(/^(\d{5} ){5}\d{5}$/);

    // A post goes to the one friend whose key is valid, and only to them.
    const sent = await service.ask('posts.publish', { text: 'hello' });
    expect(sent.recipients).toBe(1);

    await service.ask('friends.remove', { fingerprint: broken.fingerprint, block: false });
    await service.ask('friends.remove', { fingerprint: fingerprintOfKey(old.key), block: true });
    expect((await service.ask('friends.list', {})).map((f) => f.displayName)).toEqual(['Good']);
    expect((await store.getContact(old.key.getFingerprint()))?.state).toBe('blocked');
  });

  it('removing a friend works while the identity is locked (no node runs)', async () => {
    const store = new MemoryStore();
    await createAccount(store, noCache, 'Me', 'a long passphrase');
    const friend = (await createIdentity('Fay')).publicKey;
    await store.putContact(contact(friend, 'Fay'));
    const service = serviceOver(store);
    expect((await service.ask('identity.lock-state', {})).locked).toBe(true);
    await service.ask('friends.remove', { fingerprint: fingerprintOfKey(friend), block: false });
    expect(await store.getContact(friend.getFingerprint())).toBeUndefined();
  });
});
