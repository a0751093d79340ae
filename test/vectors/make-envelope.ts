/**
 * Made once: two fixed identities and one envelope from Alice to Bob, committed as test
 * vectors (test/vectors/*.asc, envelope-v1.hex). Future code must still open these bytes.
 * Re-running this script makes new ones; only do that for a new protocol version.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex, toHex } from '../../src/core/bytes';
import { seal } from '../../src/core/envelope/seal';
import { createIdentity, exportPrivateKey } from '../../src/core/identity/identity';
import { Keyring } from '../../src/core/keyring';

const dir = import.meta.dirname;
const date = new Date('2026-11-24T00:00:00Z');
const alice = await createIdentity('Alice (test vector)', date);
const bob = await createIdentity('Bob (test vector)', date);
const ring = new Keyring(alice);
const sealed = await seal(
  {
    kind: 'direct',
    id: fromHex('0f'.repeat(16)),
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
