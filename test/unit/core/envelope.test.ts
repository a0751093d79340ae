import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toHex } from '../../../src/core/bytes';
import { checkRecipient } from '../../../src/core/envelope/check';
import { decodeEnvelope, withHopsLeft } from '../../../src/core/envelope/format';
import { open, OpenError } from '../../../src/core/envelope/open';
import { verifyStoredSignature } from '../../../src/core/identity/detached-signature';
import { seal } from '../../../src/core/envelope/seal';
import { verifyReceiptToken } from '../../../src/core/envelope/receipts';
import { befriend, direct, inAnHour, makePerson, type Person } from './people';

let alice: Person, paul: Person, george: Person, mallory: Person;

beforeAll(async () => {
  [alice, paul, george, mallory] = (await Promise.all(
    ['Alice', 'Paul', 'George', 'Mallory'].map(makePerson),
  )) as [Person, Person, Person, Person];
  befriend(alice, paul);
  befriend(alice, george);
  befriend(paul, george);
});

const now = () => Date.now();

describe('seal and open', () => {
  it('delivers one ciphertext that every chosen friend opens, verified, and nobody else', async () => {
    const sealed = await seal(
      direct('hello both'),
      [paul, george].map((p) => alice.keyring.friend(p.identity.fingerprintHex)!),
      alice.identity,
      { expiresAt: inAnHour() },
    );
    for (const reader of [paul, george]) {
      const r = await open(sealed.bytes, reader.keyring, { now: now() });
      if (!r.ok) throw r.error;
      expect(r.value.message).toMatchObject({ kind: 'direct', text: 'hello both' });
      expect(r.value.senderFingerprintHex).toBe(alice.identity.fingerprintHex);
      expect(r.value.envelope.id).toBe(sealed.id);
    }
    const outsider = await open(sealed.bytes, mallory.keyring, { now: now() });
    expect(outsider.ok ? 'opened' : outsider.error.code).toBe('not-for-me');
  });

  it('a friend of the sender who is not a recipient cannot read it (Paul relays for George)', async () => {
    const sealed = await seal(
      direct('for George only'),
      [alice.keyring.friend(george.identity.fingerprintHex)!],
      alice.identity,
      { expiresAt: inAnHour() },
    );
    const atPaul = await open(sealed.bytes, paul.keyring, { now: now() });
    expect(atPaul.ok ? 'opened' : atPaul.error.code).toBe('not-for-me');
    expect(checkRecipient(sealed.bytes, paul.keyring)).toEqual({ ok: true, value: [] });
    expect((await open(sealed.bytes, george.keyring, { now: now() })).ok).toBe(true);
  });

  it('reveals no recipient: no key ids or fingerprints in the bytes, hints differ per message', async () => {
    const toGeorge = alice.keyring.friend(george.identity.fingerprintHex)!;
    const a = await seal(direct('one'), [toGeorge], alice.identity, { expiresAt: inAnHour() });
    const b = await seal(direct('one'), [toGeorge], alice.identity, { expiresAt: inAnHour() });
    const hex = toHex(a.bytes);
    for (const fp of [
      george.identity.fingerprintHex,
      toHex(george.identity.encryption.fingerprint),
    ]) {
      expect(hex).not.toContain(fp);
      expect(hex).not.toContain(fp.slice(-16)); // the 8-byte key id
    }
    const envelope = decodeEnvelope(a.bytes);
    expect(toHex(envelope.pkesks[0]!.subarray(3, 11))).toBe('0000000000000000'); // wildcard key id
    expect(toHex(a.header.slots[0]!.hint)).not.toBe(toHex(b.header.slots[0]!.hint));
    expect(toHex(a.header.slots[0]!.commitment)).not.toBe(toHex(b.header.slots[0]!.commitment));
  });

  it('rejects a signed message from someone who is not a friend', async () => {
    // Mallory knows George's public key (e.g. from a card) but George never accepted her.
    const georgeAsMalloryKnowsHim = mallory.keyring.addFriend(george.identity.publicKey);
    const sealed = await seal(
      direct('hi, stranger here'),
      [georgeAsMalloryKnowsHim],
      mallory.identity,
      { expiresAt: inAnHour() },
    );
    mallory.keyring.removeFriend(george.identity.fingerprintHex);
    const relayed = await open(sealed.bytes, george.keyring, { now: now() });
    expect(relayed.ok ? 'opened' : relayed.error.code).toBe('not-for-me');
    const introduced = await open(sealed.bytes, george.keyring, {
      now: now(),
      acceptRequestsFromStrangers: true,
    });
    expect(introduced.ok ? 'opened' : introduced.error.code).toBe('unknown-sender');
  });

  it('no longer accepts a removed friend', async () => {
    const sealed = await seal(
      direct('still friends?'),
      [paul.keyring.friend(george.identity.fingerprintHex)!],
      paul.identity,
      { expiresAt: inAnHour() },
    );
    george.keyring.removeFriend(paul.identity.fingerprintHex);
    const r = await open(sealed.bytes, george.keyring, {
      now: now(),
      acceptRequestsFromStrangers: true,
    });
    expect(r.ok ? 'opened' : r.error.code).toBe('unknown-sender');
    george.keyring.addFriend(paul.identity.publicKey);
  });

  it('refuses expired envelopes', async () => {
    const sealed = await seal(
      direct('old news'),
      [alice.keyring.friend(paul.identity.fingerprintHex)!],
      alice.identity,
      { expiresAt: 1_000 },
    );
    const r = await open(sealed.bytes, paul.keyring, { now: now() });
    expect(r.ok ? 'opened' : r.error.code).toBe('expired');
  });

  it('lets relays lower hops without changing the id, and nothing else', async () => {
    const sealed = await seal(
      direct('hop'),
      [alice.keyring.friend(paul.identity.fingerprintHex)!],
      alice.identity,
      { expiresAt: inAnHour(), hopLimit: 2 },
    );
    const lowered = withHopsLeft(sealed.bytes, 1);
    expect(decodeEnvelope(lowered).id).toBe(sealed.id);
    expect(() => withHopsLeft(lowered, 2)).toThrow(RangeError);
    const r = await open(lowered, paul.keyring, { now: now() });
    expect(r.ok && r.value.envelope.header.hopsLeft).toBe(1);
    const laterExpiry = sealed.bytes.slice();
    laterExpiry[9] = (laterExpiry[9]! + 1) & 0xff; // last byte of expiresAt
    const t = await open(laterExpiry, paul.keyring, { now: now() });
    expect(t.ok ? 'opened' : t.error.code).toBe('bad-signature');
  });

  it('fails with a typed error when any byte is flipped', async () => {
    const toPaul = alice.keyring.friend(paul.identity.fingerprintHex)!;
    const toGeorge = alice.keyring.friend(george.identity.fingerprintHex)!;
    const sealed = await seal(direct('integrity'), [toPaul, toGeorge], alice.identity, {
      expiresAt: inAnHour(),
    });
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(sealed.bytes.length - 1),
        fc.integer({ min: 1, max: 255 }),
        async (index, mask) => {
          const damaged = sealed.bytes.slice();
          damaged[index] = damaged[index]! ^ mask;
          const lowersHops = index === 4 && damaged[4]! < sealed.bytes[4]!;
          const r = await open(damaged, paul.keyring, { now: now() });
          if (lowersHops) {
            expect(r.ok).toBe(true);
            return;
          }
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.error).toBeInstanceOf(OpenError);
            codes.add(r.error.code);
          }
        },
      ),
      { numRuns: 150 },
    );
    // Damage shows up as several distinct typed errors, not one catch-all.
    expect(codes.size).toBeGreaterThan(1);
  });

  it('returns a signature that verifies later without the envelope, and only over the same bytes', async () => {
    const sealed = await seal(
      direct('keep me'),
      [alice.keyring.friend(paul.identity.fingerprintHex)!],
      alice.identity,
      { expiresAt: inAnHour() },
    );
    const r = await open(sealed.bytes, paul.keyring, { now: now() });
    if (!r.ok) throw r.error;
    expect(
      await verifyStoredSignature(r.value.signedData, r.value.signature, alice.identity.publicKey),
    ).toBe(true);
    const altered = r.value.signedData.slice();
    altered[altered.length - 1] = altered[altered.length - 1]! ^ 1;
    expect(await verifyStoredSignature(altered, r.value.signature, alice.identity.publicKey)).toBe(
      false,
    );
    expect(
      await verifyStoredSignature(r.value.signedData, r.value.signature, george.identity.publicKey),
    ).toBe(false);
  });

  it('gives the recipient a receipt token that relays can check against the slot', async () => {
    const sealed = await seal(
      direct('receipt please'),
      [paul, george].map((p) => alice.keyring.friend(p.identity.fingerprintHex)!),
      alice.identity,
      { expiresAt: inAnHour() },
    );
    const r = await open(sealed.bytes, george.keyring, { now: now() });
    if (!r.ok) throw r.error;
    const { slot, receiptToken } = r.value;
    expect(verifyReceiptToken(sealed.bytes, slot, receiptToken!)).toBe(true);
    expect(verifyReceiptToken(sealed.bytes, 1 - slot, receiptToken!)).toBe(false);
    const forged = receiptToken!.slice();
    forged[0] = forged[0]! ^ 1;
    expect(verifyReceiptToken(sealed.bytes, slot, forged)).toBe(false);
    // The sender knows which friend each slot was for.
    expect(sealed.slots.find((s) => s.slot === slot)?.fingerprintHex).toBe(
      george.identity.fingerprintHex,
    );
  });
});
