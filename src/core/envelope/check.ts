/**
 * The cheap "is this for me?" check, on the header alone: no decryption, no body parsing.
 * Costs one SHA-256 block per friend, whatever the number of slots.
 */
import { decodeWith, type Decoded } from '../codec/decode-error';
import type { Keyring, SlotMatch } from '../keyring';
import { decodeHeader } from './format';

export function checkRecipient(bytes: Uint8Array, keyring: Keyring): Decoded<SlotMatch[]> {
  return decodeWith(() => {
    const { header } = decodeHeader(bytes);
    return keyring.matchSlots(header.nonce, header.slots);
  });
}
