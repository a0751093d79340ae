/**
 * Walls (product UI issue): a friend's wall shows who they are, whether the user checked the
 * safety number with them, the friends the two share and only their posts; the user's own wall
 * shows their posts and whom each went to; nobody else has a wall.
 */
import { expect, it } from 'vitest';
import { setVerified, wallOf, WALL_POSTS, type WallContext } from '../../../src/app/walls';
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { encodeMessage } from '../../../src/core/messages/codec';
import { newMessageId } from '../../../src/core/messages/message-id';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { StoredMessage } from '../../../src/core/state/records';
import { envelopeIdFromBytes } from '../../../src/core/envelope/envelope-id';
import { randomBytes } from '../../../src/core/bytes';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import { Refusal } from '../../../src/core/refusal';
import { contact } from './service-harness';

function post(author: Fingerprint, text: string, at: number): StoredMessage {
  return {
    id: envelopeIdFromBytes(randomBytes(32)),
    authorFingerprint: author,
    kind: 'post',
    message: encodeMessage({
      kind: 'post',
      id: newMessageId(),
      createdAt: at,
      text,
      thumbnails: [],
      audience: { kind: 'all-friends' },
      mirroredFrom: null,
    }),
    conversationWith: null,
    receivedAt: at,
    signedData: null,
    signature: null,
  };
}

async function world() {
  const store = new MemoryStore();
  const [me, ann, ben, cat] = await Promise.all(
    ['Me', 'Ann', 'Ben', 'Cat'].map((n) => createIdentity(n)),
  );
  if (!me || !ann || !ben || !cat) throw new Error('four people');
  const keyring = new Keyring(me);
  for (const p of [ann, ben]) keyring.addFriend(p.publicKey);
  const annContact = {
    ...contact(ann.publicKey, 'Ann'),
    status: 'climbing',
    // Ann shares her friends: Ben (ours too) and Cat (not ours).
    friendList: [
      { fingerprint: ben.fingerprintHex, name: 'Benjamin' },
      { fingerprint: cat.fingerprintHex, name: 'Cat' },
    ],
  };
  await store.putContact(annContact);
  await store.putContact(contact(ben.publicKey, 'Ben'));
  const ctx: WallContext = {
    store,
    me,
    keyring,
    names: new Map([
      [ann.fingerprintHex, 'Ann'],
      [ben.fingerprintHex, 'Ben'],
    ]),
    online: new Set([ann.fingerprintHex]),
    profile: { name: 'Me', status: 'here', avatar: null },
  };
  return { store, me, ann, ben, cat, ctx };
}

it('a friend’s wall: who they are, the safety check, friends shared, only their posts', async () => {
  const { store, ann, ben, ctx } = await world();
  for (let i = 0; i < WALL_POSTS + 5; i++)
    await store.putMessage(post(ann.fingerprintHex, `Ann ${i}`, 1000 + i));
  await store.putMessage(post(ben.fingerprintHex, 'Ben says hi', 5000));

  const wall = await wallOf(ann.fingerprintHex, ctx);
  expect(wall.person).toMatchObject({
    kind: 'friend',
    name: 'Ann',
    status: 'climbing',
    online: true,
    verified: false,
    inCommon: { kind: 'all-known', names: ['Ben'] }, // our name for him; Cat is no friend of ours
  });
  expect(wall.person.kind === 'friend' && wall.person.safetyNumber).toMatch(/^(\d{5} ){5}\d{5}$/);
  expect(wall.posts).toHaveLength(WALL_POSTS);
  expect(wall.posts[0]?.post.text).toBe(`Ann ${WALL_POSTS + 4}`);
  expect(wall.posts.every((p) => p.post.authorName === 'Ann' && p.sentTo === null)).toBe(true);

  await setVerified(store, ann.fingerprintHex, true);
  expect((await wallOf(ann.fingerprintHex, ctx)).person).toMatchObject({ verified: true });
  await setVerified(store, ann.fingerprintHex, false);
  expect((await wallOf(ann.fingerprintHex, ctx)).person).toMatchObject({ verified: false });
});

it('the user’s own wall: their posts and whom each went to', async () => {
  const { store, me, ann, ben, ctx } = await world();
  const mine = post(me.fingerprintHex, 'Off to the crag', 2000);
  await store.putSent(mine, {
    id: mine.id,
    bytes: new Uint8Array(1),
    createdAt: 2000,
    expiresAt: 2_000_000_000,
    recipients: [
      { fingerprintHex: ann.fingerprintHex, slot: 0, state: 'delivered' },
      { fingerprintHex: ben.fingerprintHex, slot: 1, state: 'pending' },
    ],
    heldBy: [],
    downstream: [],
    declinedBy: [],
  });
  await store.putMessage(post(ann.fingerprintHex, 'Not mine', 3000));
  const wall = await wallOf(me.fingerprintHex, ctx);
  expect(wall.person).toEqual({
    kind: 'me',
    fingerprint: me.fingerprintHex,
    name: 'Me',
    status: 'here',
    avatar: null,
  });
  expect(wall.posts.map((p) => [p.post.text, p.sentTo])).toEqual([
    ['Off to the crag', ['Ann', 'Ben']],
  ]);
});

it('has no wall for someone who is not a friend, and will not mark them checked', async () => {
  const { cat, store, ctx } = await world();
  await expect(wallOf(cat.fingerprintHex, ctx)).rejects.toBeInstanceOf(Refusal);
  await expect(setVerified(store, cat.fingerprintHex, true)).rejects.toBeInstanceOf(Refusal);
});
