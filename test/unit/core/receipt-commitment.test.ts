/**
 * Receipt commitments (hostile-peers issue, point 16): a relay drops its copy when a receipt's
 * token matches the slot's commitment. At 64 bits, a preimage for one chosen slot — a forged
 * receipt that makes relays drop a message — was within reach of a determined attacker. Now
 * all 128 bits must match.
 */
import { describe, expect, it } from 'vitest';
import { decodeEnvelope } from '../../../src/core/envelope/format';
import { receiptTokenFor } from '../../../src/core/envelope/pairwise';
import { verifyReceiptToken } from '../../../src/core/envelope/receipts';
import { seal } from '../../../src/core/envelope/seal';
import { befriend, direct, inAnHour, makePerson } from './people';

describe('a delivery receipt', () => {
  it('must match all 128 bits of the slot commitment', async () => {
    const [alice, bob] = [await makePerson('Alice'), await makePerson('Bob')];
    befriend(alice, bob);
    const toBob = alice.keyring.friend(bob.identity.fingerprintHex)!;
    const sealed = await seal(direct('hi'), [toBob], alice.identity, { expiresAt: inAnHour() });
    const token = receiptTokenFor(toBob.keys, sealed.header.nonce, toBob.dirFromMe);
    const { header } = decodeEnvelope(sealed.bytes);
    expect(header.slots[0]!.commitment).toHaveLength(16);
    expect(verifyReceiptToken(sealed.bytes, 0, token)).toBe(true);

    // A token whose commitment agreed in the first 64 bits only would have passed before.
    const altered = sealed.bytes.slice();
    const at = 28 + 8 + 15; // header fields (28), the hint (8), the commitment's last byte
    altered[at] = altered[at]! ^ 1;
    expect(verifyReceiptToken(altered, 0, token)).toBe(false);
  });
});
