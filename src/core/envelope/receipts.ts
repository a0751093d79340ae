/**
 * What a relay checks when a delivery receipt passes: the revealed token matches the
 * commitment in that slot. Only the real recipient (or the sender) can know the token;
 * the check reveals which slot was delivered, never to whom.
 */
import { bytesEqual } from '../bytes';
import type { EnvelopeHeader } from './format';
import { commitmentFor, TOKEN_BYTES } from './pairwise';

export function verifyReceiptToken(
  header: EnvelopeHeader,
  slot: number,
  token: Uint8Array,
): boolean {
  const entry = header.slots[slot];
  return (
    entry !== undefined &&
    token.length === TOKEN_BYTES &&
    bytesEqual(commitmentFor(token), entry.commitment)
  );
}
