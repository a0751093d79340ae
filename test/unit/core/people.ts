/** Test people with real OpenPGP identities and keyrings. */
import { createIdentity, type Identity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { open, type OpenResult } from '../../../src/core/envelope/open';
import { seal } from '../../../src/core/envelope/seal';
import type { DirectMessage, Message } from '../../../src/core/messages/kinds';
import { newMessageId } from '../../../src/core/messages/message-id';

export interface Person {
  identity: Identity;
  keyring: Keyring;
}

export async function makePerson(name: string): Promise<Person> {
  const identity = await createIdentity(name);
  return { identity, keyring: new Keyring(identity) };
}

export function befriend(a: Person, b: Person): void {
  a.keyring.addFriend(b.identity.publicKey);
  b.keyring.addFriend(a.identity.publicKey);
}

export const direct = (text: string): DirectMessage => ({
  kind: 'direct',
  id: newMessageId(),
  createdAt: 1_790_000_000_000,
  text,
});

export const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** `from` seals a message to `to` alone, and `to` opens it. */
export async function deliver(from: Person, to: Person, message: Message): Promise<OpenResult> {
  const friend = from.keyring.friend(to.identity.fingerprintHex)!;
  const sealed = await seal(message, [friend], from.identity, { expiresAt: inAnHour() });
  return open(sealed.bytes, to.keyring, { now: Date.now() });
}
