/**
 * Shared replies (kind 12): Bob answers Alice's post in public; Alice passes his signed reply on
 * to Carol, who is not Bob's friend. Carol reads it as Bob's — and refuses anything Alice could
 * have altered or made up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../src/core/bytes';
import { encodeInner, decodeInner } from '../../../src/core/envelope/inner';
import type { Opened } from '../../../src/core/envelope/open';
import { unwrapSharedReply } from '../../../src/core/envelope/shared-reply';
import { encodeMessage } from '../../../src/core/messages/codec';
import type { ReplyMessage, SharedReplyMessage } from '../../../src/core/messages/kinds';
import { befriend, deliver, makePerson, type Person } from './people';
import { newMessageId } from '../../../src/core/messages/message-id';

let alice: Person, bob: Person, carol: Person, dave: Person;

beforeAll(async () => {
  [alice, bob, carol, dave] = (await Promise.all(
    ['Alice', 'Bob', 'Carol', 'Dave'].map(makePerson),
  )) as [Person, Person, Person, Person];
  befriend(alice, bob);
  befriend(alice, carol);
  befriend(bob, dave);
  befriend(alice, dave);
});

const reply = (
  postAuthor: Person,
  visibility: 'public' | 'private',
  text: string,
): ReplyMessage => ({
  kind: 'reply',
  id: newMessageId(),
  createdAt: 1_790_000_000_000,
  postAuthor: postAuthor.identity.fingerprint,
  postId: newMessageId(),
  parentReplyId: null,
  visibility,
  text,
});

async function bobRepliesToAlice(visibility: 'public' | 'private' = 'public'): Promise<Opened> {
  const r = await deliver(bob, alice, reply(alice, visibility, 'Count me in'));
  if (!r.ok) throw r.error;
  return r.value;
}

const sharedFrom = (opened: Opened, change: Partial<SharedReplyMessage> = {}) =>
  ({
    kind: 'shared-reply',
    createdAt: 1_790_000_001_000,
    authorName: 'Bob',
    authorKey: opened.senderKey.write(),
    signedData: opened.signedData,
    signature: opened.signature,
    ...change,
  }) satisfies SharedReplyMessage;

describe('shared replies', () => {
  it("reach Carol as Bob's reply, checked against Bob's own signature", async () => {
    const r = await deliver(alice, carol, sharedFrom(await bobRepliesToAlice()));
    if (!r.ok) throw r.error;
    expect(r.value.senderFingerprintHex).toBe(alice.identity.fingerprintHex);
    const inside = unwrapSharedReply(r.value.message as SharedReplyMessage);
    expect(inside.authorFingerprintHex).toBe(bob.identity.fingerprintHex);
    expect(inside.reply).toMatchObject({ visibility: 'public', text: 'Count me in' });
  });

  it('are refused when Alice changed the words', async () => {
    const opened = await bobRepliesToAlice();
    const inner = decodeInner(opened.signedData);
    const altered = encodeInner(
      inner.binding,
      inner.senderFingerprint,
      encodeMessage({ ...reply(alice, 'public', 'I hate climbing') }),
    );
    const r = await deliver(alice, carol, sharedFrom(opened, { signedData: altered }));
    expect(r.ok ? 'opened' : r.error.code).toBe('bad-signature');
  });

  it("are refused when the enclosed key is not the writer's", async () => {
    const opened = await bobRepliesToAlice();
    const r = await deliver(
      alice,
      carol,
      sharedFrom(opened, { authorKey: dave.identity.publicKey.write() }),
    );
    expect(r.ok ? 'opened' : r.error.code).toBe('bad-signature');
  });

  it("are refused for a post that is not the sharer's own", async () => {
    // Bob answered Dave's post; Alice (who saw it somehow) may not pass it on as hers to share.
    const toDave = await deliver(bob, dave, reply(dave, 'public', 'Nice one'));
    if (!toDave.ok) throw toDave.error;
    const r = await deliver(alice, carol, sharedFrom(toDave.value));
    expect(r.ok ? 'opened' : r.error.code).toBe('bad-signature');
  });

  it('are refused when they carry a private reply, or a key that is not one', async () => {
    const privately = await deliver(alice, carol, sharedFrom(await bobRepliesToAlice('private')));
    expect(privately.ok ? 'opened' : privately.error.code).toBe('malformed');
    const opened = await bobRepliesToAlice();
    const garbage = await deliver(alice, carol, sharedFrom(opened, { authorKey: randomBytes(64) }));
    expect(garbage.ok ? 'opened' : garbage.error.code).toBe('malformed');
  });
});
