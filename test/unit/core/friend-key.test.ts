/**
 * A card altered in transit (hostile-peers issue, point 1): the attacker keeps the friend's
 * primary key, so the fingerprint is right, and brings their own encryption subkey.
 */
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { readFriendKey, readStoredFriendKey } from '../../../src/core/identity/friend-key';
import {
  createIdentity,
  exportPrivateKey,
  IdentityError,
  importIdentity,
  type Identity,
} from '../../../src/core/identity/identity';
import { safetyNumber } from '../../../src/core/identity/safety-number';
import { Keyring } from '../../../src/core/keyring';

/** The victim's key with its subkeys replaced: what an attacker on the way can hand over. */
async function withSubkeys(victim: Identity, subkeys: openpgp.Subkey[]): Promise<Uint8Array> {
  const forged = await openpgp.readKey({ binaryKey: victim.publicKey.write() });
  forged.subkeys = subkeys;
  return forged.write();
}

const refusal = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );

describe('a friend key from a card', () => {
  it("refuses an attacker's encryption subkey put in place of the friend's", async () => {
    const [victim, attacker] = await Promise.all([createIdentity('Vic'), createIdentity('Mal')]);
    const forged = await withSubkeys(victim, [attacker.publicKey.subkeys[0]!]);
    expect(await refusal(readFriendKey(forged))).toMatch(/not validly bound|no validly bound/);
  });

  it("refuses a card that offers the attacker's subkey before the friend's own", async () => {
    const [victim, attacker] = await Promise.all([createIdentity('Vic'), createIdentity('Mal')]);
    const forged = await withSubkeys(victim, [
      attacker.publicKey.subkeys[0]!,
      victim.publicKey.subkeys[0]!,
    ]);
    expect(await refusal(readFriendKey(forged))).toMatch(/more than one encryption subkey/);
  });

  it('refuses two validly bound encryption subkeys rather than guess between them', async () => {
    const owner = await createIdentity('Two');
    const second = await owner.privateKey.addSubkey({ type: 'ecc', curve: 'curve25519Legacy' });
    expect(await refusal(readFriendKey(second.toPublic().write()))).toMatch(/more than one/);
  });

  it("refuses an own key imported with someone else's encryption subkey", async () => {
    const [me, attacker] = await Promise.all([createIdentity('Me'), createIdentity('Mal')]);
    const forged = await openpgp.readPrivateKey({ binaryKey: me.privateKey.write() });
    forged.subkeys = [attacker.privateKey.subkeys[0]!];
    const error = await importIdentity(forged.armor()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityError);
    expect((error as IdentityError).code).toBe('unsupported-key');
    // The genuine key still imports.
    expect((await importIdentity(await exportPrivateKey(me))).fingerprintHex).toBe(
      me.fingerprintHex,
    );
  });

  it('shows a different safety number when only the encryption subkey differs', async () => {
    const [me, friend, other] = [
      await createIdentity('Me'),
      await createIdentity('Fay'),
      await createIdentity('Oz'),
    ];
    const genuine = new Keyring(me).addFriend(friend.publicKey);
    const sameNumberBothWays = safetyNumber(friend, me);
    expect(safetyNumber(me, genuine)).toBe(sameNumberBothWays);
    // Fay's primary key with Oz's subkey: only the subkey part of the number changes.
    const swapped = { fingerprint: friend.fingerprint, encryption: other.encryption };
    expect(safetyNumber(me, swapped)).not.toBe(sameNumberBothWays);
    expect(safetyNumber(me, other)).not.toBe(sameNumberBothWays);
  });
});

describe('a stored contact key', () => {
  it('is expired, not unusable, after its expiry, and valid before', async () => {
    const created = new Date(Date.now() - 3 * 86_400_000);
    const { privateKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Exp' }],
      date: created,
      keyExpirationTime: 86_400, // one day after creation: expired two days ago
      format: 'object',
    });
    const binary = privateKey.toPublic().write();
    const expiredAt = created.getTime() + 86_400_000;
    const now = await readStoredFriendKey(binary);
    expect(now.state).toBe('expired');
    if (now.state === 'expired') expect(Math.abs(now.expiredAt - expiredAt)).toBeLessThan(1000);
    expect((await readStoredFriendKey(binary, expiredAt - 3_600_000)).state).toBe('valid');
    expect(await refusal(readFriendKey(binary))).toMatch(/expired/);
  });
});
