/**
 * An envelope's id: the hex SHA-256 of its bytes with hopsLeft zeroed (PROTOCOL §4). A branded
 * string made only by hashing the envelope (format.ts `envelopeId`) or read from outside — a
 * frame's 32 raw bytes, a page's request, a backup — through the checks here.
 */
import { hexId } from '../hex-id';

export type EnvelopeId = string & { readonly brand: 'EnvelopeId' };

const ENVELOPE_ID = hexId<EnvelopeId>(32, 'an envelope id');

/** An id as frames carry it: 32 bytes. */
export const envelopeIdFromBytes = ENVELOPE_ID.fromBytes;

/** An id from a page, a store or a backup: 64 lowercase hex digits, or refused. */
export const isEnvelopeId = ENVELOPE_ID.guard;
