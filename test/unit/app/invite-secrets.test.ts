/**
 * The invite link the user hands out carries a secret; whoever adds it proves it in every call
 * until accepted, and the user's network host is told which secrets it honours (hostile peers,
 * second round, point 5: a request the user is expecting gets through).
 */
import { expect, it } from 'vitest';
import { Murmur } from '../../../src/app/murmur';
import { memorySettings } from '../../../src/app/settings-port';
import { contactCardFromText } from '../../../src/core/identity/contact-card';
import { inviteToken } from '../../../src/core/identity/invite-token';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { fromBase64Url, toBase64Url } from '../../../src/core/bytes';
import { currentInviteSecret, honouredInviteSecrets } from '../../../src/app/invite-secrets';
import { noCache } from './service-harness';
import { NO_ATTENTION } from '../../../src/app/app-ports';
import { peerIdFor } from '../peer-ids';

function person(name: string) {
  let changed = 0;
  const murmur = new Murmur({
    store: new MemoryStore(),
    settings: memorySettings(),
    address: async () => ({ peerId: peerIdFor(name), tracker: 'ws://127.0.0.1:9000/murmur' }),
    unlockedKeys: noCache,
    network: { configure: async () => void changed++, reach: async () => ({}) },
    attention: NO_ATTENTION,
    askToShare: async () => undefined,
    changed: () => undefined,
  });
  return { murmur, changes: () => changed };
}

it('Ann adds Alice’s invite link; her calls to Alice prove its secret, which Alice honours', async () => {
  const alice = person('alice');
  const ann = person('ann');
  const aliceView = await alice.murmur.ask('identity.create', { displayName: 'Alice' });
  await ann.murmur.ask('identity.create', { displayName: 'Ann' });
  const secret = contactCardFromText(aliceView.card).inviteSecret;
  expect(secret).toHaveLength(16);
  expect((await alice.murmur.networkConfig()).inviteSecrets).toEqual([toBase64Url(secret!)]);
  expect(alice.changes()).toBeGreaterThan(0); // the host heard of the new secret

  await ann.murmur.ask('friends.add', { card: aliceView.inviteLink! });
  const [address] = (await ann.murmur.networkConfig()).friends;
  expect(address).toEqual({
    peerId: peerIdFor('alice'),
    tracker: 'ws://127.0.0.1:9000/murmur',
    invite: inviteToken(secret!, peerIdFor('ann'), peerIdFor('alice')),
  });
});

it('a new secret once the newest is a week old; each honoured two weeks, at most four', async () => {
  const settings = memorySettings();
  const day = 86_400_000;
  const first = await currentInviteSecret(settings, 0);
  expect(first.made).toBe(true);
  expect((await currentInviteSecret(settings, 6 * day)).secret).toEqual(first.secret);
  const second = await currentInviteSecret(settings, 7 * day);
  expect(second.made).toBe(true);
  const honoured = (at: number) => honouredInviteSecrets(settings, at);
  expect((await honoured(8 * day)).map(fromBase64Url)).toEqual([first.secret, second.secret]);
  expect((await honoured(15 * day)).map(fromBase64Url)).toEqual([second.secret]);
});
