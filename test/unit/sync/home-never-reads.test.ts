/**
 * A Murmur home must not be able to read what it carries (issue 32): the node refuses to seal
 * anything to a contact marked as a home but its owner's friend list for it, to it alone; and
 * the home, given a sealed post it carries, has no slot it can open (every key it holds tried).
 */
import { expect, it } from 'vitest';
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { open } from '../../../src/core/envelope/open';
import { dm, makeNode } from './harness';
import type { HomeFriendsMessage } from '../../../src/core/messages/kinds';

async function ownerWithHome() {
  const ann = new Keyring(await createIdentity('Ann'));
  const home = new Keyring(await createIdentity('Ann’s home'));
  const bob = new Keyring(await createIdentity('Bob'));
  ann.addFriend(home.me.publicKey, { homeOf: ann.me.fingerprintHex });
  ann.addFriend(bob.me.publicKey);
  home.addFriend(ann.me.publicKey);
  home.addFriend(bob.me.publicKey);
  bob.addFriend(ann.me.publicKey);
  return { ann, home, bob, node: (await makeNode('ann', undefined, ann)).node };
}

it('seals nothing to a home but the owner’s friend list, to the home alone', async () => {
  const { home, bob, node } = await ownerWithHome();
  const [homeFp, bobFp] = [home.me.fingerprintHex, bob.me.fingerprintHex];
  await expect(node.send(dm('for the home'), [homeFp])).rejects.toThrow(/never a recipient/);
  await expect(node.send(dm('both'), [bobFp, homeFp])).rejects.toThrow(/never a recipient/);
  const list: HomeFriendsMessage = { kind: 'home-friends', updatedAt: Date.now(), cards: [] };
  await expect(node.send(list, [bobFp])).rejects.toThrow(/one home alone/);
  await expect(node.send(list, [homeFp, bobFp])).rejects.toThrow(/one home alone/);
  await expect(node.send(list, [homeFp], { hopLimit: 0 })).resolves.toBeTruthy();
});

it('the home opens none of the copies it carries for its owner', async () => {
  const { home, bob, node } = await ownerWithHome();
  const entry = await node.send(dm('for Bob only'), [bob.me.fingerprintHex]);
  // The home holds every key it has (its own, and its friends' public keys): no slot opens.
  const byHome = await open(entry.bytes, home, { now: Date.now() });
  expect(byHome.ok ? 'opened' : byHome.error.code).toBe('not-for-me');
  // Bob, the recipient, opens it.
  const byBob = await open(entry.bytes, bob, { now: Date.now() });
  expect(byBob.ok && byBob.value.message).toMatchObject({ text: 'for Bob only' });
});
