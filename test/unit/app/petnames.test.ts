/**
 * Names a friend cannot forge (hostile-peers issue, point 13): George renaming himself "Paul"
 * stays George to the user, with what he calls himself beside it; two contacts with one name
 * are marked; a shared reply's author who is no contact shows as "calls themselves …".
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { createAccount } from '../../../src/app/account';
import { messageView } from '../../../src/app/message-view';
import { applyFriendProfile } from '../../../src/app/profiles';
import type { Opened } from '../../../src/core/envelope/open';
import { createIdentity } from '../../../src/core/identity/identity';
import { encodeMessage } from '../../../src/core/messages/codec';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { contact, noCache, serviceOver } from './service-harness';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';
import { messageIdFromBytes } from '../../../src/core/messages/message-id';

it('a friend renaming itself to another friend’s name does not pass for them', async () => {
  const store = new MemoryStore();
  await createAccount(store, noCache, 'Me');
  const [paul, george] = [
    (await createIdentity('Paul')).publicKey,
    (await createIdentity('George')).publicKey,
  ];
  await store.putContact(contact(paul, 'Paul'));
  await store.putContact(contact(george, 'George'));
  const rename = {
    message: { kind: 'profile', updatedAt: Date.now(), name: 'Paul', status: '', avatar: null },
    friend: {},
    senderFingerprintHex: george.getFingerprint(),
  } as unknown as Opened;
  await applyFriendProfile(store, rename);

  const friends = await serviceOver(store).ask('friends.list', {});
  const seen = friends.map((f) => [f.displayName, f.callsThemselves, f.nameClash]);
  expect(seen).toContainEqual(['George', 'Paul', false]);
  expect(seen).toContainEqual(['Paul', null, false]);
});

it('marks two contacts the user knows by the same name', async () => {
  const store = new MemoryStore();
  await createAccount(store, noCache, 'Me');
  for (const who of ['Sam', 'Sam', 'Ann'])
    await store.putContact(contact((await createIdentity(who)).publicKey, who));
  const friends = await serviceOver(store).ask('friends.list', {});
  expect(friends.filter((f) => f.nameClash).map((f) => f.displayName)).toEqual(['Sam', 'Sam']);
});

it('shows a shared reply’s author who is no contact as only what they call themselves', () => {
  const reply = encodeMessage({
    kind: 'reply',
    id: messageIdFromBytes(new Uint8Array(16)),
    createdAt: 1_790_000_000_000,
    postId: messageIdFromBytes(new Uint8Array(16)),
    postAuthor: new Uint8Array(20),
    parentReplyId: null,
    visibility: 'public',
    text: 'I am your friend Paul, honestly',
  });
  const view = messageView(
    {
      id: 'e1' as EnvelopeId,
      authorFingerprint: 'ab'.repeat(20) as Fingerprint,
      kind: 'reply',
      message: reply,
      conversationWith: null,
      receivedAt: 1,
      signedData: null,
      signature: null,
      sharedBy: {
        fingerprint: 'cd'.repeat(20) as Fingerprint,
        authorName: 'Paul',
        authorKey: new Uint8Array(),
      },
    },
    null,
    new Map([['cd'.repeat(20), 'Alice']]),
  );
  expect(view).toMatchObject({ authorName: 'Paul', authorKnown: false, sharedBy: 'Alice' });
});
