/**
 * Made once: two fixed identities and one envelope from Alice to Bob, committed as test
 * vectors (test/vectors/*.asc, envelope-v1.hex). Future code must still open these bytes.
 * Re-running this script seals a new envelope (with the committed identities, if present);
 * only do that when the wire format changes (before release: the 16-byte commitments).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex, toHex } from '../../src/core/bytes';
import { seal } from '../../src/core/envelope/seal';
import { createIdentity, exportPrivateKey, importIdentity } from '../../src/core/identity/identity';
import { Keyring } from '../../src/core/keyring';
import { messageIdFromBytes } from '../../src/core/messages/message-id';

const dir = import.meta.dirname;
const date = new Date('2026-11-24T00:00:00Z');
const kept = (name: string) =>
  existsSync(join(dir, name)) ? importIdentity(readFileSync(join(dir, name), 'utf8')) : null;
const alice = (await kept('alice.sec.asc')) ?? (await createIdentity('Alice (test vector)', date));
const bob = (await kept('bob.sec.asc')) ?? (await createIdentity('Bob (test vector)', date));
const ring = new Keyring(alice);
const sealed = await seal(
  {
    kind: 'direct',
    id: messageIdFromBytes(fromHex('0f'.repeat(16))),
    createdAt: 1_790_000_000_000,
    text: 'Hello Bob, this is a test vector.',
  },
  [ring.addFriend(bob.publicKey)],
  alice,
  { expiresAt: 4_000_000_000, hopLimit: 2 },
);
writeFileSync(join(dir, 'alice.sec.asc'), await exportPrivateKey(alice));
writeFileSync(join(dir, 'bob.sec.asc'), await exportPrivateKey(bob));
writeFileSync(join(dir, 'envelope-v1.hex'), toHex(sealed.bytes) + '\n');
console.log(
  JSON.stringify({
    id: sealed.id,
    alice: alice.fingerprintHex,
    bob: bob.fingerprintHex,
    bytes: sealed.bytes.length,
  }),
);
