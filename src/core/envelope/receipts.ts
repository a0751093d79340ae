/**
 * What a relay checks when a delivery receipt passes: the revealed token matches the
 * commitment in that slot. Only the real recipient (or the sender) can know the token;
 * the check reveals which slot was delivered, never to whom. Works on the envelope's (or
 * just its header's) bytes, so a relay checks receipts without decoding anything.
 */
import { bytesEqual } from '../bytes';
import { commitmentAt } from './format';
import { commitmentFor, TOKEN_BYTES } from './pairwise';

export function verifyReceiptToken(
  envelopeOrHeader: Uint8Array,
  slot: number,
  token: Uint8Array,
): boolean {
  const commitment = commitmentAt(envelopeOrHeader, slot);
  return (
    commitment !== null &&
    token.length === TOKEN_BYTES &&
    bytesEqual(commitmentFor(token), commitment)
  );
}
