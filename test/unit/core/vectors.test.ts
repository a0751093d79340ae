/**
 * PROTOCOL.md's test vectors, recomputed from the code: the spec and the implementation
 * cannot drift apart without this failing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/core/bytes';
import { decodeEnvelope } from '../../../src/core/envelope/format';
import { open } from '../../../src/core/envelope/open';
import { importIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { computeVectors } from '../../vectors/compute';

function vectorsInSpec(): Record<string, Record<string, string>> {
  const spec = readFileSync('PROTOCOL.md', 'utf8');
  const out: Record<string, Record<string, string>> = {};
  for (const [, name, body] of spec.matchAll(/```vector ([\w-]+)\n([\s\S]*?)```/g)) {
    out[name!] = Object.fromEntries(
      body!
        .trim()
        .split('\n')
        .map((line) => [
          line.slice(0, line.indexOf(':')),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
    );
  }
  return out;
}

describe('PROTOCOL.md test vectors', () => {
  const spec = vectorsInSpec();

  it('the spec has every vector the code computes, with the same values', async () => {
    const computed = await computeVectors();
    expect(Object.keys(computed).length).toBeGreaterThanOrEqual(8);
    for (const [name, vector] of Object.entries(computed))
      expect({ name, ...spec[name] }).toEqual({ name, ...vector });
  });

  it('the fixed envelope opens to the documented message, for Bob only', async () => {
    const v = spec['full-envelope']!;
    const read = (f: string) => readFileSync(`test/vectors/${f}`, 'utf8');
    const [alice, bob] = await Promise.all([
      importIdentity(read('alice.sec.asc')),
      importIdentity(read('bob.sec.asc')),
    ]);
    expect(alice.fingerprintHex).toBe(v.alice_fingerprint);
    expect(bob.fingerprintHex).toBe(v.bob_fingerprint);
    const bytes = fromHex(read('envelope-v1.hex').trim());
    expect(decodeEnvelope(bytes).id).toBe(v.id);
    const bobRing = new Keyring(bob);
    bobRing.addFriend(alice.publicKey);
    const opened = await open(bytes, bobRing, { now: Date.UTC(2026, 10, 24) });
    if (!opened.ok) throw opened.error;
    expect(opened.value.message).toMatchObject({ kind: 'direct', text: v.text });
    const aliceRing = new Keyring(alice);
    aliceRing.addFriend(bob.publicKey);
    const atAlice = await open(bytes, aliceRing, { now: Date.UTC(2026, 10, 24) });
    expect(atAlice.ok ? 'opened' : atAlice.error.code).toBe('not-for-me');
  });
});
