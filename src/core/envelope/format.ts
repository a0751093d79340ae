/**
 * The envelope on the wire: an outer header (all a relay sees) and a standard OpenPGP body.
 *
 *   magic "MR" | version u8 = 1 | hopLimit u8 | hopsLeft u8 | flags u8 = 0
 *   expiresAt u32 (unix seconds) | nonce [16] | slotCount u16
 *   slots: slotCount × (hint [8] | receiptCommitment [8])
 *   bodyLength u32 | body: slotCount × PKESK (tag 1), then one SEIPD v1 (tag 18)
 *
 * id = SHA-256(envelope with hopsLeft set to 0): relays recompute it, never trust it.
 * binding = SHA-256(header up to the slots, hopsLeft set to 0 ‖ every PKESK): signed inside
 * the body, so each recipient detects any change to the envelope but a relay lowering hopsLeft.
 */
import { concatBytes, u32At } from '../bytes';
import { DecodeError } from '../codec/decode-error';
import { Reader } from '../codec/reader';
import { Writer } from '../codec/writer';
import { sha256, sha256Hasher } from '../crypto/hash';
import { splitPackets } from './openpgp-packets';
import { COMMITMENT_BYTES, HINT_BYTES, NONCE_BYTES } from './pairwise';
import { envelopeIdFromBytes, type EnvelopeId } from './envelope-id';

export const ENVELOPE_VERSION = 1;
export const MAX_ENVELOPE_BYTES = 4 * 1024 * 1024;
export const MAX_SLOTS = 1000;
export const MAX_HOP_LIMIT = 3;
export const DEFAULT_HOP_LIMIT = 2;
const MAGIC = [0x4d, 0x52];
// Byte offsets of the fixed header fields (layout in the comment above).
export const HOPS_LEFT_OFFSET = 4;
const EXPIRES_AT_OFFSET = 6;
const SLOT_COUNT_OFFSET = 26;
const SLOTS_OFFSET = 28;
const SLOT_BYTES = HINT_BYTES + COMMITMENT_BYTES;
/** The number of slots, read in place from a validated envelope or header. */
export const slotCountOf = (bytes: Uint8Array) =>
  ((bytes[SLOT_COUNT_OFFSET] ?? 0) << 8) | (bytes[SLOT_COUNT_OFFSET + 1] ?? 0);
const PKESK_TAG = 1;
const SEIPD_TAG = 18;

export interface Slot {
  hint: Uint8Array;
  commitment: Uint8Array;
}

export interface EnvelopeHeader {
  version: number;
  hopLimit: number;
  hopsLeft: number;
  /** Unix seconds. */
  expiresAt: number;
  nonce: Uint8Array;
  slots: Slot[];
}

export interface Envelope {
  header: EnvelopeHeader;
  /** Hex SHA-256 of the envelope with hopsLeft zeroed. */
  id: EnvelopeId;
  size: number;
  bytes: Uint8Array;
  /** One PKESK per slot, in slot order. */
  pkesks: Uint8Array[];
  encryptedData: Uint8Array;
}

export function encodeHeader(header: EnvelopeHeader): Uint8Array {
  if (header.hopsLeft > header.hopLimit || header.hopLimit > MAX_HOP_LIMIT)
    throw new RangeError('hops out of range');
  const w = new Writer()
    .raw(new Uint8Array(MAGIC))
    .u8(ENVELOPE_VERSION)
    .u8(header.hopLimit)
    .u8(header.hopsLeft)
    .u8(0)
    .u32(header.expiresAt)
    .fixed(header.nonce, NONCE_BYTES)
    .u16(header.slots.length);
  for (const slot of header.slots)
    w.fixed(slot.hint, HINT_BYTES).fixed(slot.commitment, COMMITMENT_BYTES);
  return w.finish();
}

export function encodeEnvelope(header: EnvelopeHeader, body: Uint8Array): Uint8Array {
  return new Writer().raw(encodeHeader(header)).bytesOf(4, MAX_ENVELOPE_BYTES, body).finish();
}

function withHopsZeroed(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy[HOPS_LEFT_OFFSET] = 0;
  return copy;
}

export const headerBinding = (header: EnvelopeHeader, pkesks: readonly Uint8Array[]): Uint8Array =>
  sha256(concatBytes(withHopsZeroed(encodeHeader(header)), ...pkesks));

const ZERO = new Uint8Array(1);

/** SHA-256 of the envelope with a zero for hopsLeft, hashed in place (no copy of the whole). */
export const envelopeId = (bytes: Uint8Array): EnvelopeId =>
  envelopeIdFromBytes(
    bytes.length <= HOPS_LEFT_OFFSET
      ? sha256(bytes)
      : sha256Hasher()
          .update(bytes.subarray(0, HOPS_LEFT_OFFSET))
          .update(ZERO)
          .update(bytes.subarray(HOPS_LEFT_OFFSET + 1))
          .digest(),
  );

/**
 * The header's bytes (up to the end of the slots) of an envelope this node already validated:
 * a prefix, so offers need no decode/encode. Also the fields inventory needs, read in place.
 */
export function headerPrefix(envelope: Uint8Array): Uint8Array {
  return envelope.subarray(0, SLOTS_OFFSET + slotCountOf(envelope) * SLOT_BYTES);
}
/** Slot i's receipt commitment, read in place. */
export function commitmentAt(envelopeOrHeader: Uint8Array, slot: number): Uint8Array | null {
  if (slot >= slotCountOf(envelopeOrHeader)) return null;
  const at = SLOTS_OFFSET + slot * SLOT_BYTES + HINT_BYTES;
  return envelopeOrHeader.subarray(at, at + COMMITMENT_BYTES);
}
export const hopsLeftOf = (envelope: Uint8Array): number => envelope[HOPS_LEFT_OFFSET] ?? 0;
/** A header past hopsLeft: expiry, nonce and slots, the same in every copy of an envelope. */
export const addressingOf = (header: Uint8Array): Uint8Array =>
  header.subarray(HOPS_LEFT_OFFSET + 1);
export const nonceOf = (envelope: Uint8Array): Uint8Array =>
  envelope.subarray(EXPIRES_AT_OFFSET + 4, EXPIRES_AT_OFFSET + 4 + NONCE_BYTES);
export const expiresAtOf = (envelope: Uint8Array): number => u32At(envelope, EXPIRES_AT_OFFSET);

/** A header's fixed fields, validated; its slots are still to be read. */
export type HeaderFields = Omit<EnvelopeHeader, 'slots'> & { slotCount: number };

/**
 * A header's fields checked exactly as decodeHeader does, its slots left in place (their
 * presence checked): enough for the recipient check, with hintWordsOf. Offers with no hops left
 * are checked this way by everyone they reach, and an object per slot was a cost of its own.
 */
export function decodeHeaderFields(bytes: Uint8Array): HeaderFields {
  const r = readHeaderFields(bytes);
  r.reader.subview(r.fields.slotCount * SLOT_BYTES, 'slots');
  return r.fields;
}

/** The slots' hints as two big-endian words each (high, then low), read from the bytes. */
export function hintWordsOf(header: Uint8Array, slotCount: number): Uint32Array {
  const words = new Uint32Array(2 * slotCount);
  for (let slot = 0; slot < slotCount; slot++) {
    const at = SLOTS_OFFSET + slot * SLOT_BYTES;
    words[2 * slot] = u32At(header, at);
    words[2 * slot + 1] = u32At(header, at + 4);
  }
  return words;
}

/** The header alone (what the cheap recipient check needs), and where the body starts. */
export function decodeHeader(bytes: Uint8Array): { header: EnvelopeHeader; reader: Reader } {
  const { fields, reader: r } = readHeaderFields(bytes);
  const { slotCount, ...rest } = fields;
  const slots: Slot[] = [];
  for (let i = 0; i < slotCount; i++)
    // Views, not copies: an envelope is immutable once received, and headers are decoded often.
    slots.push({
      hint: r.subview(HINT_BYTES, 'hint'),
      commitment: r.subview(COMMITMENT_BYTES, 'commitment'),
    });
  return { header: { ...rest, slots }, reader: r };
}

function readHeaderFields(bytes: Uint8Array): { fields: HeaderFields; reader: Reader } {
  if (bytes.length > MAX_ENVELOPE_BYTES)
    throw new DecodeError(
      'too-large',
      `envelope of ${bytes.length} bytes, limit ${MAX_ENVELOPE_BYTES}`,
    );
  const r = new Reader(bytes, 'envelope');
  if (r.u8('magic') !== MAGIC[0] || r.u8('magic') !== MAGIC[1])
    throw new DecodeError('malformed', 'not a Murmur envelope');
  const version = r.u8('version');
  if (version !== ENVELOPE_VERSION)
    throw new DecodeError('unsupported-version', `envelope version ${version}`);
  const hopLimit = r.u8('hop limit');
  const hopsLeft = r.u8('hops left');
  if (hopLimit > MAX_HOP_LIMIT || hopsLeft > hopLimit)
    throw new DecodeError('malformed', `hops ${hopsLeft}/${hopLimit} out of range`);
  if (r.u8('flags') !== 0) throw new DecodeError('unsupported-version', 'unknown envelope flags');
  const expiresAt = r.u32('expiry');
  const nonce = r.fixed(NONCE_BYTES, 'nonce');
  const slotCount = r.u16('slot count');
  if (slotCount === 0 || slotCount > MAX_SLOTS)
    throw new DecodeError('malformed', `${slotCount} recipient slots (1..${MAX_SLOTS})`);
  return { fields: { version, hopLimit, hopsLeft, expiresAt, nonce, slotCount }, reader: r };
}

/** `id`, when the caller has just computed it from these same bytes, is not hashed again. */
export function decodeEnvelope(bytes: Uint8Array, id?: EnvelopeId): Envelope {
  const { header, reader: r } = decodeHeader(bytes);
  const slotCount = header.slots.length;
  const body = r.bytesOf(4, MAX_ENVELOPE_BYTES, 'body');
  r.end();
  const packets = splitPackets(body, slotCount + 1);
  if (packets.length !== slotCount + 1)
    throw new DecodeError('malformed', `body has ${packets.length} packets for ${slotCount} slots`);
  const pkesks = packets.slice(0, slotCount);
  const data = packets[slotCount];
  if (pkesks.some((p) => p.tag !== PKESK_TAG) || data?.tag !== SEIPD_TAG)
    throw new DecodeError('malformed', 'body is not PKESK… followed by SEIPD');
  return {
    header,
    id: id ?? envelopeId(bytes),
    size: bytes.length,
    bytes,
    pkesks: pkesks.map((p) => p.bytes),
    encryptedData: data.bytes,
  };
}

/**
 * A holder may raise its own copy's hopsLeft to what a friend's copy of the same envelope
 * allows, never beyond the hop limit the sender signed. (hopsLeft is not authenticated: hop
 * limiting is cooperative between friends, see PROTOCOL.md §4.)
 */
export function withHopsRaisedTo(bytes: Uint8Array, hopsLeft: number): Uint8Array {
  const limit = bytes[HOPS_LEFT_OFFSET - 1] ?? 0;
  const copy = bytes.slice();
  copy[HOPS_LEFT_OFFSET] = Math.min(limit, Math.max(copy[HOPS_LEFT_OFFSET] ?? 0, hopsLeft));
  return copy;
}

/** What a relay may change: hopsLeft, only downwards. Returns new bytes, same id. */
export function withHopsLeft(bytes: Uint8Array, hopsLeft: number): Uint8Array {
  const current = bytes[HOPS_LEFT_OFFSET] ?? 0;
  if (hopsLeft > current) throw new RangeError('hops can only be lowered');
  const copy = bytes.slice();
  copy[HOPS_LEFT_OFFSET] = hopsLeft;
  return copy;
}
