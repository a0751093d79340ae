/**
 * The short check two friends compare by phone or in person: 30 digits in six groups,
 * derived from both primary fingerprints and both encryption subkeys' fingerprints
 * (order-independent, so both see the same number). About 100 bits: a key substitution cannot
 * be made to match by search. The subkeys are covered explicitly because they are what hints
 * and encryption use: a card with the right primary key and someone else's subkey must not
 * show the right number, whatever the key's signatures say.
 */
import { compareBytes, concatBytes, utf8 } from '../bytes';
import { sha256 } from '../crypto/hash';

/** Identity and Friend both have this shape. */
export interface SafetyParty {
  fingerprint: Uint8Array;
  encryption: { fingerprint: Uint8Array };
}

export function safetyNumber(a: SafetyParty, b: SafetyParty): string {
  const [first, second] = compareBytes(a.fingerprint, b.fingerprint) <= 0 ? [a, b] : [b, a];
  const digest = sha256(
    concatBytes(
      utf8('murmur safety number v2'),
      first.fingerprint,
      first.encryption.fingerprint,
      second.fingerprint,
      second.encryption.fingerprint,
    ),
  );
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + (digest[g * 5 + i] ?? 0);
    groups.push(String(n % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** A fingerprint as people read it: ten groups of four hex digits. */
export function formatFingerprint(fingerprintHex: string): string {
  return fingerprintHex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}
