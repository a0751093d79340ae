/**
 * Accepting a friend request (product UI issue): the user sees the safety number the two will
 * share — the one their Friends list shows once they are friends — and which of their friends
 * have the asker as a friend too.
 */
import { expect, it } from 'vitest';
import { requestsToShow } from '../../../src/app/request-checks';
import { createIdentity } from '../../../src/core/identity/identity';
import { encodeContactCard } from '../../../src/core/identity/contact-card';
import { safetyNumber } from '../../../src/core/identity/safety-number';
import { Keyring } from '../../../src/core/keyring';
import { encodeMessage } from '../../../src/core/messages/codec';
import { newMessageId } from '../../../src/core/messages/message-id';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { envelopeIdFromBytes } from '../../../src/core/envelope/envelope-id';
import { randomBytes } from '../../../src/core/bytes';
import { contact } from './service-harness';
import { peerIdFor } from '../peer-ids';

it('shows the safety number to compare and the friends shared with whoever asks', async () => {
  const store = new MemoryStore();
  const [me, ann, ben, dan] = await Promise.all(
    ['Me', 'Ann', 'Ben', 'Dan'].map((n) => createIdentity(n)),
  );
  if (!me || !ann || !ben || !dan) throw new Error('four people');
  // Ann and Ben are friends; Ann shares that Dan is her friend, Ben shares nothing.
  await store.putContact({
    ...contact(ann.publicKey, 'Ann'),
    friendList: [{ fingerprint: dan.fingerprintHex, name: 'Dan' }],
  });
  await store.putContact(contact(ben.publicKey, 'Ben'));
  const card = encodeContactCard({
    publicKey: dan.publicKey.write(),
    displayName: 'Dan',
    peerId: peerIdFor('dan'),
    tracker: 'ws://127.0.0.1:9000/murmur',
    inviteSecret: null,
  });
  await store.putMessage({
    id: envelopeIdFromBytes(randomBytes(32)),
    authorFingerprint: dan.fingerprintHex,
    kind: 'friend-request',
    message: encodeMessage({
      kind: 'friend-request',
      id: newMessageId(),
      createdAt: Date.now(),
      introduction: 'hi',
      card,
    }),
    conversationWith: null,
    receivedAt: Date.now(),
    signedData: null,
    signature: null,
  });

  const [request] = await requestsToShow(store, me);
  expect(request?.mutualFriends).toEqual(['Ann']);
  // The same number the Friends list shows once Dan is a friend.
  const asFriend = new Keyring(me).addFriend(dan.publicKey);
  expect(request?.safetyNumber).toBe(safetyNumber(me, asFriend));
  // Locked (no identity): the request shows, without a number.
  expect((await requestsToShow(store, null))[0]?.safetyNumber).toBeNull();
});
