/**
 * How Murmur names a person: their OpenPGP v4 fingerprint in lowercase hex. A branded string,
 * made only here (from the key's 20 bytes, or checked when read from outside), so a peer id,
 * an envelope id or a display name can never be passed where a person is meant.
 */
import { hexId } from '../hex-id';

export type Fingerprint = string & { readonly brand: 'Fingerprint' };

const FINGERPRINT = hexId<Fingerprint>(20, 'a fingerprint');

/** From a key's fingerprint bytes. */
export const fingerprintFromBytes = FINGERPRINT.fromBytes;

/** A fingerprint from a page, a store or a backup: 40 lowercase hex digits, or refused. */
export const isFingerprint = FINGERPRINT.guard;
