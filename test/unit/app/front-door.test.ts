/**
 * The app has one front door (the house, second pass, point 1): a host with no browser starts
 * Murmur with a few lines (./headless-hosts.ts; the Murmur home, home/home-host.ts), hands it
 * channels, and asks it what a page would ask. Two such hosts become friends from an invite link
 * and talk.
 */
import { expect, it } from 'vitest';
import { Murmur } from '../../../src/app/murmur';
import { uiRequests } from '../../../src/messaging/ui-requests';
import { dial, host } from './headless-hosts';

it('two headless homes become friends through the front door and talk', async () => {
  const alice = host('alice');
  const bob = host('bob');
  const aliceView = await alice.murmur.ask('identity.create', { displayName: 'Alice' });
  await bob.murmur.ask('identity.create', { displayName: 'Bob' });

  const asked = await bob.murmur.ask('friends.add', {
    card: aliceView.inviteLink ?? '',
    introduction: 'Bob, from the climbing wall',
  });
  expect(asked).toMatchObject({ displayName: 'Alice', asked: true });

  const requestArrives = alice.next('requests');
  dial(bob, alice);
  await requestArrives;
  const [request] = await alice.murmur.ask('requests.list', {});
  expect(request).toMatchObject({
    displayName: 'Bob',
    introduction: 'Bob, from the climbing wall',
  });

  await alice.murmur.ask('requests.answer', { id: request?.id ?? ('' as never), accept: true });
  const bobConfirms = bob.next('friends');
  dial(alice, bob);
  await bobConfirms;
  expect((await bob.murmur.ask('friends.list', {}))[0]).toMatchObject({ asked: false });

  const arrives = bob.next('messages');
  const bobsFingerprint = (await alice.murmur.ask('friends.list', {}))[0]?.fingerprint;
  await alice.murmur.ask('messages.send', { to: bobsFingerprint as never, text: 'Welcome!' });
  await arrives;
  const inbox = await bob.murmur.ask('messages.list', { kind: 'direct' });
  expect(inbox.map((m) => [m.authorName, m.text])).toEqual([['Alice', 'Welcome!']]);
  expect(await bob.murmur.ask('unread.get', {})).toBe(1);
});

it('the front door has few public members and answers every page request but the host’s own', () => {
  const { murmur } = host('carol');
  const own = Object.getOwnPropertyNames(Murmur.prototype).filter((m) => m !== 'constructor');
  expect(own.sort()).toEqual([
    'ask',
    'attach',
    'currentIdentity',
    'networkConfig',
    'start',
    'stop',
  ]);
  const hosts = [
    'status',
    'settings.network.get',
    'settings.network.set',
    'network.test',
    'invites.scripts.ready',
  ];
  const pages = Object.keys(uiRequests).filter((type) => !hosts.includes(type));
  expect(Object.keys(murmur.requests).sort()).toEqual(pages.sort());
});
