/**
 * News shows wherever the reader is (issue 33, point 3): while Bob is on his Feed, two messages
 * from Ann arrived and only the chats list said so. The tabs now carry what the app counts here:
 * unread messages in chats, and friends' posts new since the feed was looked at — the user's own
 * posts are never news — each cleared by reading.
 */
import { expect, it } from 'vitest';
import { befriend, host, meet } from './headless-hosts';

it('counts unread messages for the Chats tab and friends’ new posts for the Feed tab', async () => {
  const ann = host('ann');
  const bob = host('bob');
  await ann.murmur.ask('identity.create', { displayName: 'Ann' });
  await bob.murmur.ask('identity.create', { displayName: 'Bob' });
  await befriend(ann, bob);
  expect(await bob.murmur.ask('tabs.marks', {})).toEqual({ unreadInChats: 0, newPosts: 0 });

  await bob.murmur.ask('feed.seen', {});
  // What arrives later is newer than the mark, on any clock resolution.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const [bobFp, annFp] = [
    (await ann.murmur.ask('friends.list', {}))[0]?.fingerprint,
    (await bob.murmur.ask('friends.list', {}))[0]?.fingerprint,
  ];
  if (!bobFp || !annFp) throw new Error('friends');
  await ann.murmur.ask('messages.send', { to: bobFp, text: 'Are you on the Feed?' });
  await ann.murmur.ask('messages.send', { to: bobFp, text: 'Look at your chats' });
  await ann.murmur.ask('posts.publish', { text: 'A post for my friends' });
  await bob.murmur.ask('posts.publish', { text: 'Bob’s own post' });
  await meet(ann, bob, 'messages', bob, async () => {
    const [direct, posts] = [
      await bob.murmur.ask('messages.list', { kind: 'direct' }),
      await bob.murmur.ask('messages.list', { kind: 'post' }),
    ];
    return direct.length === 2 && posts.length === 2;
  });
  expect(await bob.murmur.ask('tabs.marks', {})).toEqual({ unreadInChats: 2, newPosts: 1 });

  // Opening Ann's chat reads both; looking at the feed reads the post.
  const heard = bob.next('unread');
  await bob.murmur.ask('conversations.read', { with: annFp });
  await heard;
  expect(await bob.murmur.ask('tabs.marks', {})).toEqual({ unreadInChats: 0, newPosts: 1 });
  const heardAgain = bob.next('unread');
  await bob.murmur.ask('feed.seen', {});
  await heardAgain;
  expect(await bob.murmur.ask('tabs.marks', {})).toEqual({ unreadInChats: 0, newPosts: 0 });
});
