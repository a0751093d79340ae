/**
 * Name clashes at first contact (hostile peers, second round, point 6): any web page can open
 * Murmur's "Add Paul as a friend?" with a card of its own. The offer, the request and the feed
 * afterwards say that the user already knows a Paul, until the new one's safety number has
 * been checked.
 */
import { expect, it } from 'vitest';
import { createAccount } from '../../../src/app/account';
import { listMessageViews } from '../../../src/app/message-view';
import { previewInvite, requestsToShow } from '../../../src/app/request-checks';
import { setVerified } from '../../../src/app/walls';
import { contactCardToText, encodeContactCard } from '../../../src/core/identity/contact-card';
import { createIdentity } from '../../../src/core/identity/identity';
import { encodeMessage } from '../../../src/core/messages/codec';
import { newMessageId } from '../../../src/core/messages/message-id';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';
import { fingerprintOfKey } from '../../../src/core/identity/key-material';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import { peerIdFor } from '../peer-ids';
import { contact, noCache } from './service-harness';

async function setting() {
  const store = new MemoryStore();
  const me = await createAccount(store, noCache, 'Me');
  const paul = (await createIdentity('Paul')).publicKey;
  await store.putContact(contact(paul, 'Paul'));
  const mallory = (await createIdentity('Mallory')).publicKey;
  const card = {
    publicKey: mallory.write(),
    displayName: ' paul ', // spaced and in lower case: read the same by a person
    peerId: peerIdFor('mallory'),
    tracker: 'wss://tracker.example/murmur',
    inviteSecret: null,
  };
  return { store, me, paul, mallory, card };
}

it('the invite offer says a Paul is already known; another name is not marked', async () => {
  const { store, me, card } = await setting();
  expect(await previewInvite(store, me, contactCardToText(card))).toMatchObject({
    kind: 'new',
    nameClash: true,
  });
  const ann = { ...card, displayName: 'Ann' };
  expect(await previewInvite(store, me, contactCardToText(ann))).toMatchObject({
    nameClash: false,
  });
  // The user's own name is taken too.
  const me2 = { ...card, displayName: 'Me' };
  expect(await previewInvite(store, me, contactCardToText(me2))).toMatchObject({
    nameClash: true,
  });
});

it('so does the friend request', async () => {
  const { store, me, mallory, card } = await setting();
  await store.putMessage({
    id: '01'.repeat(32) as EnvelopeId,
    authorFingerprint: fingerprintOfKey(mallory),
    kind: 'friend-request',
    message: encodeMessage({
      kind: 'friend-request',
      id: newMessageId(),
      createdAt: Date.now(),
      introduction: 'it is me, Paul',
      card: encodeContactCard(card),
      pairingProof: null,
    }),
    conversationWith: null,
    receivedAt: Date.now(),
    signedData: null,
    signature: null,
  });
  expect(await requestsToShow(store, me)).toMatchObject([{ nameClash: true }]);
});

it('and the feed afterwards, until the new Paul is verified', async () => {
  const { store, me, paul, mallory } = await setting();
  const second = { ...contact(mallory, 'Paul'), peerId: peerIdFor('mallory') };
  await store.putContact(second);
  const post = (author: Fingerprint, n: number) =>
    store.putMessage({
      id: n.toString(16).padStart(64, '0') as EnvelopeId,
      authorFingerprint: author,
      kind: 'post',
      message: encodeMessage({
        kind: 'post',
        id: newMessageId(),
        createdAt: Date.now(),
        text: `post ${n}`,
        thumbnails: [],
        audience: { kind: 'all-friends' },
        mirroredFrom: null,
      }),
      conversationWith: null,
      receivedAt: Date.now() + n,
      signedData: null,
      signature: new Uint8Array(1),
    });
  await post(second.fingerprint, 1);
  await post(fingerprintOfKey(paul), 2);
  const viewer = { fingerprintHex: me.fingerprintHex, displayName: 'Me' };
  const names = new Map([
    [fingerprintOfKey(paul), 'Paul'],
    [second.fingerprint, 'Paul'],
  ]);
  const marks = async () =>
    (await listMessageViews(store, { kind: 'post' }, viewer, names)).map((v) => [
      v.text,
      v.authorNameClash,
    ]);
  expect(await marks()).toEqual([
    ['post 2', true],
    ['post 1', true],
  ]);
  // The user compares safety numbers with each: the marks go.
  await setVerified(store, second.fingerprint, true);
  await setVerified(store, fingerprintOfKey(paul), true);
  expect(await marks()).toEqual([
    ['post 2', false],
    ['post 1', false],
  ]);
});
