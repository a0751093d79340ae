/**
 * A card that claims a friend's address (hostile-peers issue, point 10): with its peer id
 * and tracker, the stranger's links would compete with the friend's. One address, one contact.
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { createAccount } from '../../../src/app/account';
import { contactCardToText } from '../../../src/core/identity/contact-card';
import { createIdentity } from '../../../src/core/identity/identity';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { contact, noCache, serviceOver } from './service-harness';
import { peerIdFor } from '../peer-ids';

it("refuses a card that claims a friend's peer id on the same tracker, or a peer id of another form", async () => {
  const store = new MemoryStore();
  await createAccount(store, noCache, 'Me');
  const fay = (await createIdentity('Fay')).publicKey;
  await store.putContact(contact(fay, 'Fay'));
  const mallory = await createIdentity('Mallory');
  const card = (peerId: string, tracker: string) =>
    contactCardToText({
      publicKey: mallory.publicKey.write(),
      displayName: 'Fay',
      peerId,
      tracker,
      inviteSecret: null,
    });
  const service = serviceOver(store);
  // Fay's peer id, the same tracker written another way.
  await expect(
    service.ask('friends.add', { card: card(peerIdFor('fay'), 'ws://127.0.0.1:9000/murmur/') }),
  ).rejects.toThrow(/claims Fay's address/);
  // A peer id of another form would be dialled as it is (and once refused the whole list of
  // addresses handed to the network): the card is unreadable.
  for (const odd of ['mfay', `M${'0'.repeat(32)}`, 'fay@127.0.0.1'])
    await expect(
      service.ask('friends.add', { card: card(odd, 'ws://127.0.0.1:9000/murmur') }),
    ).rejects.toMatchObject({
      code: 'card-unreadable',
    });
  expect((await service.ask('friends.list', {})).map((f) => f.fingerprint)).toEqual([
    fay.getFingerprint(),
  ]);
  // Her own address is fine.
  await service.ask('friends.add', {
    card: card(peerIdFor('mallory'), 'ws://127.0.0.1:9000/murmur'),
  });
  expect(await service.ask('friends.list', {})).toHaveLength(2);
});

it("refuses a card that claims a friend's peer id on another tracker (calls would go astray)", async () => {
  const store = new MemoryStore();
  await createAccount(store, noCache, 'Me');
  const fay = (await createIdentity('Fay')).publicKey;
  await store.putContact(contact(fay, 'Fay'));
  const mallory = await createIdentity('Mallory');
  const service = serviceOver(store);
  const card = contactCardToText({
    publicKey: mallory.publicKey.write(),
    displayName: 'Mallory',
    peerId: peerIdFor('fay'),
    // A tracker Mallory runs, which lets her register Fay's id without Fay's key.
    tracker: 'wss://mallory.example/murmur',
    inviteSecret: null,
  });
  await expect(service.ask('friends.add', { card: card })).rejects.toMatchObject({
    code: 'card-address-taken',
  });
  expect((await service.ask('friends.list', {})).map((f) => f.fingerprint)).toEqual([
    fay.getFingerprint(),
  ]);
});
