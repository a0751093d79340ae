/**
 * Someone we ask is written down before their key enters the keyring: a session can start only
 * once the key is there, and the session that confirms them must find them asked. (Before, a
 * session that came up in between confirmed nobody, and the record written afterwards stayed
 * "asked" for as long as the session lasted: a friend shown as never accepting.) Likewise, a
 * change to a contact must not write back a copy read before a confirmation.
 */
import { expect, it } from 'vitest';
import { contactCardOf, requestCardOf } from '../../../src/app/account';
import { startSession, type PeerChannel } from '../../../src/app/call-friend';
import { confirmContact } from '../../../src/app/contacts';
import { channelPair } from '../../../src/core/sync/memory-channel';
import { addContact } from '../../../src/app/add-contact';
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import type { ContactRecord } from '../../../src/core/state/records';
import { makeNode } from '../sync/harness';
import { peerIdFor } from '../peer-ids';

it('writes the asked contact before the key can open a session', async () => {
  const bobId = await createIdentity('Bob');
  const alice = await createIdentity('Alice');
  const bob = await makeNode('bob', undefined, new Keyring(bobId));
  const card = contactCardOf(alice, peerIdFor('alice'), 'ws://127.0.0.1:9000/murmur').text;
  let recordWhenKeyed: ContactRecord | undefined;
  const addKey = bob.node.keyring.addFriendAsync.bind(bob.node.keyring);
  bob.node.keyring.addFriendAsync = async (key, options) => {
    recordWhenKeyed = await bob.store.getContact(alice.fingerprintHex);
    return addKey(key, options);
  };
  await addContact(bob.node, bobId, bob.store, [], card, 'hi');
  expect(recordWhenKeyed?.state).toBe('requested');
  expect(bob.node.keyring.friend(alice.fingerprintHex)).toBeDefined();
});

it('a request handed over slowly does not undo the confirmation that came meanwhile', async () => {
  const bobId = await createIdentity('Bob');
  const alice = await createIdentity('Alice');
  const bob = await makeNode('bob', undefined, new Keyring(bobId));
  const card = contactCardOf(alice, peerIdFor('alice'), 'ws://127.0.0.1:9000/murmur').text;
  await addContact(bob.node, bobId, bob.store, [], card, 'hi');
  let release: () => void = () => undefined;
  const cardReady = new Promise<void>((resolve) => (release = resolve));
  const [calling] = channelPair();
  const toAlice = Object.assign(calling, { peerId: peerIdFor('alice') }) as PeerChannel;
  // Bob's call to Alice starts handing over his request (sealing it takes a while)…
  const call = startSession(toAlice, true, bob.node, bob.store, async () => {
    await cardReady;
    return requestCardOf(bobId, {
      peerId: peerIdFor('bob'),
      tracker: 'ws://127.0.0.1:9000/murmur',
    });
  });
  // …while another session with her confirms that she accepted.
  expect(await confirmContact(bob.store, alice.fingerprintHex)).toBe(false);
  release();
  await call;
  const after = await bob.store.getContact(alice.fingerprintHex);
  expect(after?.state).toBe('friend');
  toAlice.close();
});
