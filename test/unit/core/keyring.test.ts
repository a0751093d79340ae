import { describe, expect, it } from 'vitest';
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { open } from '../../../src/core/envelope/open';
import { decodeHeader, decodeHeaderFields, hintWordsOf } from '../../../src/core/envelope/format';
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

  it('each recipient of a post to 40 friends finds its own slot, and a friend left out none', async () => {
    const [author, outsider, ...readers] = await Promise.all(
      Array.from({ length: 42 }, (_, i) => createIdentity(`P${i}`)),
    );
    const ring = new Keyring(author!);
    const friends = await Promise.all(readers.map((r) => ring.addFriendAsync(r.publicKey)));
    await ring.addFriendAsync(outsider!.publicKey);
    const sealed = await seal(direct('to all but one'), friends, author!, {
      expiresAt: inAnHour(),
    });
    const { header } = decodeHeader(sealed.bytes);
    const fields = decodeHeaderFields(sealed.bytes);
    expect(fields.slotCount).toBe(40);
    const hints = hintWordsOf(sealed.bytes, fields.slotCount);
    for (const [i, reader] of readers.entries()) {
      if (i % 9 !== 0 && i !== 39) continue; // a few, first and last included
      const theirs = new Keyring(reader);
      theirs.addFriend(author!.publicKey);
      theirs.addFriend(outsider!.publicKey);
      const slot = sealed.slots.find((s) => s.fingerprintHex === reader.fingerprintHex)!.slot;
      for (const found of [
        theirs.matchHints(fields.nonce, hints),
        theirs.matchSlots(header.nonce, header.slots),
      ])
        expect(found.map((m) => [m.slot, m.friend.fingerprintHex])).toEqual([
          [slot, author!.fingerprintHex],
        ]);
    }
    const left = new Keyring(outsider!);
    left.addFriend(author!.publicKey);
    expect(left.matchHints(fields.nonce, hints)).toEqual([]);
  });
});
