/**
 * An envelope's id: the hex SHA-256 of its bytes with hopsLeft zeroed (PROTOCOL §4). A branded
 * string made only by hashing the envelope (format.ts `envelopeId`) or read from outside — a
 * frame's 32 raw bytes, a page's request, a backup — through the checks here.
 */
import { toHex } from '../bytes';
import type { Guard } from '../guard';

export type EnvelopeId = string & { readonly brand: 'EnvelopeId' };

const PATTERN = /^[0-9a-f]{64}$/;

/** An id as frames carry it: 32 bytes. */
export function envelopeIdFromBytes(bytes: Uint8Array): EnvelopeId {
  if (bytes.length !== 32) throw new RangeError('an envelope id is 32 bytes');
  return toHex(bytes) as EnvelopeId;
}

/** An id from a page, a store or a backup: 64 lowercase hex digits, or refused. */
export const isEnvelopeId: Guard<EnvelopeId> = (input, path = 'envelope id') =>
  typeof input === 'string' && PATTERN.test(input)
    ? { ok: true, value: input as EnvelopeId }
    : { ok: false, reason: `${path}: not an envelope id (64 lowercase hex digits)` };
