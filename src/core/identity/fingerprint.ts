/**
 * How Murmur names a person: their OpenPGP v4 fingerprint in lowercase hex. A branded string,
 * made only here (from the key's 20 bytes, or checked when read from outside), so a peer id,
 * an envelope id or a display name can never be passed where a person is meant.
 */
import { toHex } from '../bytes';
import type { Guard } from '../guard';

export type Fingerprint = string & { readonly brand: 'Fingerprint' };

const PATTERN = /^[0-9a-f]{40}$/;

/** From a key's fingerprint bytes. */
export function fingerprintFromBytes(bytes: Uint8Array): Fingerprint {
  if (bytes.length !== 20) throw new RangeError('a v4 fingerprint is 20 bytes');
  return toHex(bytes) as Fingerprint;
}

/** A fingerprint from a page, a store or a backup: 40 lowercase hex digits, or refused. */
export const isFingerprint: Guard<Fingerprint> = (input, path = 'fingerprint') =>
  typeof input === 'string' && PATTERN.test(input)
    ? { ok: true, value: input as Fingerprint }
    : { ok: false, reason: `${path}: not a fingerprint (40 lowercase hex digits)` };
