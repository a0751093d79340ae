/**
 * Public replies from someone other than the post's author, end to end over real nodes: Bob
 * answers Alice's post in public; Alice's Murmur passes it on; Carol, who does not know Bob,
 * sees it under the post as Bob's, shared by Alice. Bob does not get his own reply back. And
 * a reply naming a post that does not exist costs a bounded search (hostile peers, second
 * round, point 8).
 */
import { expect, it } from 'vitest';
import { messageView } from '../../../src/app/message-view';
import { addressReply, shareReply } from '../../../src/app/reply';
import { befriend, clock, connect, makeNode, post, whenIdle, until } from '../sync/harness';
import { newMessageId } from '../../../src/core/messages/message-id';
import { encodeMessage } from '../../../src/core/messages/codec';
import type { ReplyMessage } from '../../../src/core/messages/kinds';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';
import { fromHex } from '../../../src/core/bytes';

it("Bob's public reply to Alice's post reaches Carol, as Bob's, shared by Alice", async () => {
  clock.now = Date.UTC(2026, 10, 24, 12);
  const [alice, bob, carol] = await Promise.all(['Alice', 'Bob', 'Carol'].map((n) => makeNode(n)));
  befriend(alice!, bob!);
  befriend(alice!, carol!);
  connect(alice!, bob!);
  connect(alice!, carol!);
  const sent = await alice!.node.send(post('Climbing on Saturday?'), [bob!.fp, carol!.fp]);
  await until(() => bob!.inbox.length === 1 && carol!.inbox.length === 1, 'both see the post');

  const { message, recipients } = await addressReply(bob!.store, bob!.fp, {
    post: sent.id,
    visibility: 'public',
    text: 'Count me in',
  });
  expect(recipients).toEqual([alice!.fp]); // Bob cannot know the audience: Alice passes it on
  await bob!.node.send(message, recipients);
  await until(() => alice!.inbox.length === 1, 'Alice gets the reply');
  const names = new Map([[bob!.fp, 'Bob']]);
  expect(await shareReply(alice!.node, alice!.store, alice!.inbox[0]!, names)).toBe(1);

  await until(() => carol!.inbox.length === 2, 'Carol gets it from Alice');
  const stored = await carol!.store.getMessage(carol!.inbox[1]!.envelope.id);
  const view = messageView(stored!, null, new Map([[alice!.fp, 'Alice']]));
  expect(view).toMatchObject({
    kind: 'reply',
    authorFingerprint: bob!.fp,
    authorName: 'Bob',
    sharedBy: 'Alice',
    text: 'Count me in',
    verified: true,
    reply: { postId: message.postId, visibility: 'public' },
  });
  await whenIdle();
  expect(bob!.inbox).toHaveLength(1); // only Alice's post: not his own reply back
  // A private reply, or a reply Alice gets to someone else's post, is not passed on.
  const privately = await addressReply(bob!.store, bob!.fp, {
    post: sent.id,
    visibility: 'private',
    text: 'Just between us',
  });
  await bob!.node.send(privately.message, privately.recipients);
  await until(() => alice!.inbox.length === 2, 'Alice gets the private one');
  expect(await shareReply(alice!.node, alice!.store, alice!.inbox[1]!, names)).toBe(0);
});

it('a public reply naming a post that does not exist reads a bounded number of pages', async () => {
  clock.now = Date.UTC(2026, 10, 24, 12);
  const [alice, bob] = await Promise.all(['Alice', 'Bob'].map((n) => makeNode(n)));
  befriend(alice!, bob!);
  connect(alice!, bob!);
  // Alice's feed holds 4,000 posts of Bob's.
  const bobsPost = encodeMessage(post('one of many'));
  for (let i = 0; i < 4000; i++)
    await alice!.store.putMessage({
      id: i.toString(16).padStart(64, '0') as EnvelopeId,
      authorFingerprint: bob!.fp,
      kind: 'post',
      message: bobsPost,
      conversationWith: null,
      receivedAt: clock.now - i * 1000,
      signedData: null,
      signature: null,
    });
  const reply: ReplyMessage = {
    kind: 'reply',
    id: newMessageId(),
    createdAt: clock.now,
    postId: newMessageId(), // no such post
    parentReplyId: null,
    postAuthor: fromHex(alice!.fp),
    visibility: 'public',
    text: 'about nothing',
  };
  await bob!.node.send(reply, [alice!.fp]);
  await until(() => alice!.inbox.length === 1, 'Alice gets the reply');
  let pages = 0;
  const list = alice!.store.listMessages.bind(alice!.store);
  alice!.store.listMessages = (options) => {
    pages++;
    return list(options);
  };
  expect(await shareReply(alice!.node, alice!.store, alice!.inbox[0]!, new Map())).toBe(0);
  expect(pages).toBeLessThanOrEqual(10);
});
