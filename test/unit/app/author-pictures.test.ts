/**
 * The pictures beside every post and message: friends' from their contact records (a person
 * asked too), the user's own from their profile, and nobody without a picture.
 */
import { describe, expect, it } from 'vitest';
import { authorPictures } from '../../../src/app/author-pictures';
import { saveOwnProfile } from '../../../src/app/profiles';
import { memorySettings } from '../../../src/app/settings-port';
import { createIdentity } from '../../../src/core/identity/identity';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { contact } from './service-harness';

const JPEG = { type: 'jpeg', width: 2, height: 2 } as const;

describe('authors’ pictures', () => {
  it('holds friends’ and people asked, the user’s own, and leaves out anyone without one', async () => {
    const [me, ann, ben, cat] = await Promise.all(
      ['Me', 'Ann', 'Ben', 'Cat'].map((name) => createIdentity(name)),
    );
    if (!me || !ann || !ben || !cat) throw new Error('four people');
    const store = new MemoryStore();
    await store.putContact({
      ...contact(ann.publicKey, 'Ann'),
      avatar: { ...JPEG, data: new Uint8Array([1, 2, 3]) },
    });
    await store.putContact({
      ...contact(ben.publicKey, 'Ben'),
      state: 'requested',
      avatar: { ...JPEG, data: new Uint8Array([4]) },
    });
    await store.putContact(contact(cat.publicKey, 'Cat'));
    const settings = memorySettings();

    const before = await authorPictures(store, settings, me);
    expect(before).toEqual([
      { fingerprint: ann.fingerprintHex, picture: { ...JPEG, data: 'AQID' } },
      { fingerprint: ben.fingerprintHex, picture: { ...JPEG, data: 'BA' } },
    ]);

    await saveOwnProfile(settings, { status: '', avatar: { ...JPEG, data: 'BQY' }, updatedAt: 1 });
    const after = await authorPictures(store, settings, me);
    expect(after.map((p) => p.fingerprint)).toEqual([
      ann.fingerprintHex,
      ben.fingerprintHex,
      me.fingerprintHex,
    ]);
    // Locked: nobody is "me", so no own picture.
    expect(await authorPictures(store, settings, null)).toHaveLength(2);
  });
});
