/**
 * Accepting a friend request (product UI issue): the user sees the safety number the two will
 * share — the one their Friends list shows once they are friends — and which of their friends
 * have the asker as a friend too. The same before adding someone from an invite link.
 */
import { expect, it } from 'vitest';
import { previewInvite, requestsToShow } from '../../../src/app/request-checks';
import { contactCardOf } from '../../../src/app/account';
import { inviteLinkOf } from '../../../src/core/identity/invite-link';
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
      pairingProof: null,
    }),
    conversationWith: null,
    receivedAt: Date.now(),
    signedData: null,
    signature: null,
  });

  const [request] = await requestsToShow(store, me);
  // Ben shares no list: Ann at least, and perhaps others.
  expect(request?.inCommon).toEqual({ kind: 'some-known', names: ['Ann'] });
  // The same number the Friends list shows once Dan is a friend.
  const asFriend = new Keyring(me).addFriend(dan.publicKey);
  expect(request?.safetyNumber).toBe(safetyNumber(me, asFriend));
  // Locked (no identity): the request shows, without a number.
  expect((await requestsToShow(store, null))[0]?.safetyNumber).toBeNull();
});

it('previews an invite link: who it is, the number to compare, and friends in common — or that it is you, or a friend already', async () => {
  const store = new MemoryStore();
  const [me, ann, dan] = await Promise.all(['Me', 'Ann', 'Dan'].map((n) => createIdentity(n)));
  if (!me || !ann || !dan) throw new Error('three people');
  await store.putContact({
    ...contact(ann.publicKey, 'Ann'),
    friendList: [{ fingerprint: dan.fingerprintHex, name: 'Dan' }],
  });
  const linkOf = (who: typeof me, name: string) =>
    inviteLinkOf(
      contactCardOf(who, peerIdFor(name), 'wss://tracker.example/murmur').text,
      'wss://tracker.example/murmur',
    ) ?? '';

  const preview = await previewInvite(store, me, linkOf(dan, 'dan'));
  expect(preview).toEqual({
    kind: 'new',
    fingerprint: dan.fingerprintHex,
    displayName: 'Dan',
    safetyNumber: safetyNumber(me, new Keyring(me).addFriend(dan.publicKey)),
    inCommon: { kind: 'all-known', names: ['Ann'] },
    nameClash: false,
  });
  // Nothing was stored by looking.
  expect(await store.getContact(dan.fingerprintHex)).toBeUndefined();
  expect(await previewInvite(store, me, linkOf(me, 'me'))).toEqual({ kind: 'own' });
  expect(await previewInvite(store, me, linkOf(ann, 'ann'))).toMatchObject({
    kind: 'friend',
    displayName: 'Ann',
  });
  // A damaged link is the refusal adding it would give.
  const damaged = linkOf(dan, 'dan').replace(/.(.{20})$/, 'A$1');
  await expect(previewInvite(store, me, damaged)).rejects.toMatchObject({
    code: 'card-unreadable',
  });
});
