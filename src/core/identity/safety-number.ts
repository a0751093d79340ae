/**
 * The short check two friends compare by phone or in person: 30 digits in six groups,
 * derived from both fingerprints (order-independent, so both see the same number).
 * About 100 bits: a key substitution cannot be made to match by search.
 */
import { compareBytes, concatBytes, utf8 } from '../bytes';
import { sha256 } from '../crypto/hash';

export function safetyNumber(fingerprintA: Uint8Array, fingerprintB: Uint8Array): string {
  const [first, second] =
    compareBytes(fingerprintA, fingerprintB) <= 0
      ? [fingerprintA, fingerprintB]
      : [fingerprintB, fingerprintA];
  const digest = sha256(concatBytes(utf8('murmur safety number v1'), first, second));
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + digest[g * 5 + i]!;
    groups.push(String(n % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** A fingerprint as people read it: ten groups of four hex digits. */
export function formatFingerprint(fingerprintHex: string): string {
  return fingerprintHex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}
