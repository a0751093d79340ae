/**
 * What a Murmur home is for (issue 32, point 3), through the app's front door: Ann's home
 * learns her friends, Bob learns of her home from her profile; Ann posts and goes away, and
 * Bob gets the post from her home; Bob writes to Ann while she is away, and she gets it from
 * her home when she comes back. The home holds only sealed copies it cannot open.
 */
import { expect, it } from 'vitest';
import { homeOwner } from '../../../src/app/home-owner';
import { befriend, dial, host, meet, type Host } from './headless-hosts';

const namesOf = async (h: Host) =>
  (await h.murmur.ask('friends.list', {})).map((f) => f.displayName).sort();

it('Bob gets Ann’s post from her home, and Ann gets Bob’s message from it', async () => {
  const home = host('home', 'home');
  const ann = host('ann');
  const bob = host('bob');
  await home.murmur.ask('identity.create', { displayName: 'Ann’s home' });
  const annId = await ann.murmur.ask('identity.create', { displayName: 'Ann' });
  const bobId = await bob.murmur.ask('identity.create', { displayName: 'Bob' });
  await befriend(ann, bob);

  // Ann pairs; at the first session her home learns her friends (Bob).
  await ann.murmur.ask('home.pair', { link: (await home.murmur.asHome.pairingLink())?.link ?? '' });
  const paired = home.next('friends');
  await dial(ann, home).closed; // her request, proving the link
  await paired;
  await meet(ann, home, 'friends', ann); // Ann's client confirms it
  // The home takes her friends list.
  await meet(ann, home, 'friends', home, async () => (await namesOf(home)).length === 2);
  expect(await namesOf(home)).toEqual(['Ann', 'Bob']);
  // Bob learns of Ann's home from her fresh profile (it is no friend in his lists).
  const bobKnowsHome = async () => (await bob.murmur.networkConfig()).friends.length === 2;
  await meet(ann, bob, 'friends', bob, bobKnowsHome);
  expect((await bob.murmur.ask('friends.list', {})).map((f) => f.displayName)).toEqual(['Ann']);

  // Ann posts, hands it to her home, and goes away.
  const post = await ann.murmur.ask('posts.publish', { text: 'hello from Ann' });
  const holdsPost = async () => (await home.store.getRelayCopy(post.id)) !== undefined;
  await meet(ann, home, 'relay', home, holdsPost);
  // The home cannot read it: nothing it stores is a message for it.
  expect((await home.store.listMessages()).map((m) => m.kind)).toEqual([]);
  // Options says what it carries for her friends, and when she last saw it.
  const carrying = async () => (await ann.murmur.ask('home.get', {}))?.carryingForFriends;
  if ((await carrying()) !== 1)
    await meet(ann, home, 'messages', ann, async () => (await carrying()) === 1);
  const shown = await ann.murmur.ask('home.get', {});
  expect(shown?.lastSeenAt).toBeGreaterThan(Date.now() - 60_000);

  // Bob comes online: only Ann's home is there.
  // Bob's receipt lets the home drop its copy: it carries nothing delivered.
  const dropped = async () => (await home.store.listRelayCopies()).length === 0;
  await meet(bob, home, 'relay', home, dropped);
  const feed = await bob.murmur.ask('messages.list', {});
  expect(feed.map((m) => [m.authorName, m.text])).toEqual([['Ann', 'hello from Ann']]);

  // Bob writes to Ann, who is away: his copy waits at her home, and she gets it when she comes.
  await bob.murmur.ask('messages.send', { to: annId.fingerprint, text: 'hi Ann' });
  await meet(bob, home, 'relay', home, async () => (await home.store.listRelayCopies()).length > 0);
  const dms = () => ann.murmur.ask('messages.list', { kind: 'direct' });
  await meet(ann, home, 'messages', ann, async () => (await dms()).length > 0);
  const inbox = await dms();
  expect(inbox.map((m) => [m.authorName, m.text])).toEqual([['Bob', 'hi Ann']]);
  // Bob's receipt for her post came back through her home: it carries nothing of hers now.
  if ((await carrying()) !== 0)
    await meet(ann, home, 'messages', ann, async () => (await carrying()) === 0);
  expect(bobId.fingerprint).not.toBe(annId.fingerprint);
});

it('unpairing tells a linked home to forget Ann, her friends and what it carries', async () => {
  const home = host('home', 'home');
  const ann = host('ann');
  const bob = host('bob');
  await home.murmur.ask('identity.create', { displayName: 'Ann’s home' });
  await ann.murmur.ask('identity.create', { displayName: 'Ann' });
  await bob.murmur.ask('identity.create', { displayName: 'Bob' });
  await befriend(ann, bob);
  await ann.murmur.ask('home.pair', { link: (await home.murmur.asHome.pairingLink())?.link ?? '' });
  const paired = home.next('friends');
  await dial(ann, home).closed;
  await paired;
  await meet(ann, home, 'friends', ann);
  await meet(ann, home, 'friends', home, async () => (await namesOf(home)).length === 2);
  const post = await ann.murmur.ask('posts.publish', { text: 'for Bob, at my home' });
  await meet(ann, home, 'relay', home, async () => !!(await home.store.getRelayCopy(post.id)));

  // Ann unpairs while her home is linked: it is told, and confirms.
  const linked = ann.next('friends');
  const channel = dial(ann, home);
  await linked;
  const forgot = home.next('friends');
  expect(await ann.murmur.ask('home.unpair', {})).toEqual({ homeForgotUs: true });
  await forgot;
  channel.close();
  expect(await ann.murmur.ask('home.get', {})).toBeNull();
  expect(await home.store.listContacts()).toEqual([]);
  expect(await home.store.listRelayCopies()).toEqual([]);
  expect(await home.store.listMessages()).toEqual([]); // the instruction is not kept either
  expect(await homeOwner(home.settings)).toBeNull();
  expect((await home.murmur.networkConfig()).friends).toEqual([]);
  expect((await home.murmur.asHome.pairingLink())?.link).toMatch(/^murmur-pair:/);

  // Not linked: Ann's browser forgets the home all the same, and says it could not tell it.
  const other = host('other-home', 'home');
  await other.murmur.ask('identity.create', { displayName: 'Another home' });
  await ann.murmur.ask('home.pair', {
    link: (await other.murmur.asHome.pairingLink())?.link ?? '',
  });
  expect(await ann.murmur.ask('home.unpair', {})).toEqual({ homeForgotUs: false });
  expect(await ann.murmur.ask('home.get', {})).toBeNull();
});
