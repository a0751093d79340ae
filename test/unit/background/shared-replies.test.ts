/**
 * Public replies from someone other than the post's author, end to end over real nodes: Bob
 * answers Alice's post in public; Alice's Murmur passes it on; Carol, who does not know Bob,
 * sees it under the post as Bob's, shared by Alice. Bob does not get his own reply back.
 */
import { expect, it } from 'vitest';
import { messageView } from '../../../src/app/message-view';
import { addressReply, shareReply } from '../../../src/app/reply';
import { befriend, clock, connect, makeNode, post, whenIdle, until } from '../sync/harness';
import {} from '../../../src/core/messages/message-id';

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
