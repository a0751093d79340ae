import { describe, expect, it } from 'vitest';
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { open } from '../../../src/core/envelope/open';
import { seal } from '../../../src/core/envelope/seal';
import { direct, inAnHour } from './people';

describe('keyring', () => {
  it('derives the same pairwise keys with WebCrypto as with the pure-JS path', async () => {
    const [a, b] = await Promise.all([createIdentity('A'), createIdentity('B')]);
    const sync = new Keyring(a).addFriend(b.publicKey);
    const viaWebCrypto = await new Keyring(a).addFriendAsync(b.publicKey);
    expect(viaWebCrypto.keys).toEqual(sync.keys);
    // And both sides agree: B's view of A holds the same keys.
    expect((await new Keyring(b).addFriendAsync(a.publicKey)).keys).toEqual(sync.keys);
  });

  it('friends added either way can message each other', async () => {
    const [a, b] = await Promise.all([createIdentity('A'), createIdentity('B')]);
    const ringA = new Keyring(a);
    const ringB = new Keyring(b);
    const bAtA = await ringA.addFriendAsync(b.publicKey);
    ringB.addFriend(a.publicKey);
    const sealed = await seal(direct('hi'), [bAtA], a, { expiresAt: inAnHour() });
    const opened = await open(sealed.bytes, ringB, { now: Date.now() });
    expect(opened.ok).toBe(true);
  });
});
