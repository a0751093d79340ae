/**
 * Someone we ask is written down before their key enters the keyring: a session can start only
 * once the key is there, and the session that confirms them must find them asked. (Before, a
 * session that came up in between confirmed nobody, and the record written afterwards stayed
 * "asked" for as long as the session lasted: a friend shown as never accepting.)
 */
import { expect, it } from 'vitest';
import { contactCardOf } from '../../../src/app/account';
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
