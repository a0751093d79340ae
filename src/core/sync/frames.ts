/**
 * Frames of a sync session between two friends (v1): version u8 = 1 | type u8 | payload.
 * Every list and every byte field has a limit, and the whole frame is refused past
 * MAX_FRAME_BYTES before anything is parsed.
 */
import { DecodeError } from '../codec/decode-error';
import { Reader } from '../codec/reader';
import { Writer } from '../codec/writer';
import { MAX_ENVELOPE_BYTES } from '../envelope/format';
import type { RelayPolicy } from '../state/records';

export const FRAME_VERSION = 1;
export const MAX_FRAME_BYTES = MAX_ENVELOPE_BYTES + 64;
export const MAX_LIST = 256;
export const MAX_OFFER_HEADER_BYTES = 28 + 24 * 1000;
export const MAX_INTRODUCTION_BYTES = 64 * 1024;
const ID = 32;
const CHALLENGE = 16;
const PROOF = 16;
const TOKEN = 16;

export interface OfferEntry {
  id: Uint8Array;
  size: number;
  expiresAt: number;
  hopsLeft: number;
  /** The envelope header (up to the end of the slots): enough for the recipient check. */
  header: Uint8Array;
}

export interface ReceiptEntry {
  id: Uint8Array;
  slot: number;
  token: Uint8Array;
}

export const DECLINE_REASONS = ['not-wanted', 'too-large', 'quota', 'expired'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const BYE_CODES = [
  'done',
  'stranger',
  'bad-proof',
  'malformed',
  'too-large',
  'rate-limited',
  'protocol',
  'unsupported-version',
  'timeout',
] as const;
export type ByeCode = (typeof BYE_CODES)[number];

export type Frame =
  | { type: 'hello'; challenge: Uint8Array; tag: Uint8Array }
  | { type: 'welcome'; challenge: Uint8Array; proof: Uint8Array }
  | { type: 'proof'; proof: Uint8Array }
  | { type: 'policy'; policy: RelayPolicy }
  | { type: 'offer'; entries: OfferEntry[] }
  | { type: 'request'; ids: Uint8Array[] }
  | { type: 'have'; ids: Uint8Array[] }
  | { type: 'decline'; entries: { id: Uint8Array; reason: DeclineReason }[] }
  | { type: 'envelope'; bytes: Uint8Array }
  | { type: 'ack'; ids: Uint8Array[] }
  | { type: 'receipts'; entries: ReceiptEntry[] }
  | { type: 'receipts-ack'; entries: { id: Uint8Array; slot: number }[] }
  | { type: 'introduce'; envelope: Uint8Array }
  | { type: 'bye'; code: ByeCode; reason: string };

const TYPES = [
  'hello',
  'welcome',
  'proof',
  'policy',
  'offer',
  'request',
  'have',
  'decline',
  'envelope',
  'ack',
  'receipts',
  'introduce',
  'bye',
  'receipts-ack',
] as const;
const code = (type: Frame['type']) => TYPES.indexOf(type) + 1;

function writeIds(w: Writer, ids: Uint8Array[]): void {
  if (ids.length > MAX_LIST) throw new RangeError('too many ids in one frame');
  w.u16(ids.length);
  for (const id of ids) w.fixed(id, ID);
}

function readCount(r: Reader, field: string): number {
  const n = r.u16(field);
  if (n > MAX_LIST) throw new DecodeError('too-large', `frame: ${n} ${field}, limit ${MAX_LIST}`);
  return n;
}

/**
 * Ids as views into the frame: every receiver turns them into hex at once (a copy per id was
 * an allocation per answer). Receipts, which may be kept, are copied.
 */
const readIds = (r: Reader) =>
  Array.from({ length: readCount(r, 'ids') }, () => r.subview(ID, 'id'));

/** The encoded size of the frames that carry envelopes or headers (the rest are small). */
function sizeOf(frame: Frame): number | undefined {
  if (frame.type === 'envelope') return 2 + 4 + frame.bytes.length;
  if (frame.type === 'offer')
    return frame.entries.reduce((n, e) => n + ID + 4 + 4 + 1 + 2 + e.header.length, 2 + 2);
  return undefined;
}

export function encodeFrame(frame: Frame): Uint8Array {
  const w = new Writer(sizeOf(frame)).u8(FRAME_VERSION).u8(code(frame.type));
  switch (frame.type) {
    case 'hello':
      w.fixed(frame.challenge, CHALLENGE).fixed(frame.tag, PROOF);
      break;
    case 'welcome':
      w.fixed(frame.challenge, CHALLENGE).fixed(frame.proof, PROOF);
      break;
    case 'proof':
      w.fixed(frame.proof, PROOF);
      break;
    case 'policy':
      w.u32(frame.policy.maxMessageBytes)
        .u32(frame.policy.maxHoldSeconds)
        .u32(frame.policy.quotaBytes);
      break;
    case 'offer':
      if (frame.entries.length > MAX_LIST) throw new RangeError('too many offers in one frame');
      w.u16(frame.entries.length);
      for (const e of frame.entries)
        w.fixed(e.id, ID)
          .u32(e.size)
          .u32(e.expiresAt)
          .u8(e.hopsLeft)
          .bytesOf(2, MAX_OFFER_HEADER_BYTES, e.header);
      break;
    case 'request':
    case 'have':
    case 'ack':
      writeIds(w, frame.ids);
      break;
    case 'decline':
      if (frame.entries.length > MAX_LIST) throw new RangeError('too many declines');
      w.u16(frame.entries.length);
      for (const e of frame.entries) w.fixed(e.id, ID).u8(DECLINE_REASONS.indexOf(e.reason));
      break;
    case 'envelope':
      w.bytesOf(4, MAX_ENVELOPE_BYTES, frame.bytes);
      break;
    case 'receipts':
      if (frame.entries.length > MAX_LIST) throw new RangeError('too many receipts');
      w.u16(frame.entries.length);
      for (const e of frame.entries) w.fixed(e.id, ID).u16(e.slot).fixed(e.token, TOKEN);
      break;
    case 'receipts-ack':
      if (frame.entries.length > MAX_LIST) throw new RangeError('too many receipt acks');
      w.u16(frame.entries.length);
      for (const e of frame.entries) w.fixed(e.id, ID).u16(e.slot);
      break;
    case 'introduce':
      w.bytesOf(4, MAX_INTRODUCTION_BYTES, frame.envelope);
      break;
    case 'bye':
      w.u8(BYE_CODES.indexOf(frame.code)).text(1, 200, frame.reason.slice(0, 200));
      break;
  }
  return w.finish();
}

export function decodeFrame(bytes: Uint8Array): Frame {
  if (bytes.length > MAX_FRAME_BYTES)
    throw new DecodeError('too-large', `frame of ${bytes.length} bytes`);
  const r = new Reader(bytes, 'frame');
  const version = r.u8('version');
  if (version !== FRAME_VERSION)
    throw new DecodeError('unsupported-version', `frame version ${version}`);
  const type = TYPES[r.u8('type') - 1];
  if (!type) throw new DecodeError('malformed', 'unknown frame type');
  const frame = decodeBody(type, r);
  r.end();
  return frame;
}

function decodeBody(type: Frame['type'], r: Reader): Frame {
  switch (type) {
    case 'hello':
      return { type, challenge: r.fixed(CHALLENGE, 'challenge'), tag: r.fixed(PROOF, 'tag') };
    case 'welcome':
      return { type, challenge: r.fixed(CHALLENGE, 'challenge'), proof: r.fixed(PROOF, 'proof') };
    case 'proof':
      return { type, proof: r.fixed(PROOF, 'proof') };
    case 'policy':
      return {
        type,
        policy: {
          maxMessageBytes: r.u32('max message'),
          maxHoldSeconds: r.u32('max hold'),
          quotaBytes: r.u32('quota'),
        },
      };
    case 'offer':
      // Views into the frame, not copies: offers are the most frequent frame, each entry is
      // answered as it is read, and whatever keeps a header copies it (NotForMe).
      return {
        type,
        entries: Array.from({ length: readCount(r, 'offers') }, () => ({
          id: r.subview(ID, 'id'),
          size: r.u32('size'),
          expiresAt: r.u32('expiry'),
          hopsLeft: r.u8('hops'),
          header: r.viewOf(2, MAX_OFFER_HEADER_BYTES, 'header'),
        })),
      };
    case 'request':
    case 'have':
    case 'ack':
      return { type, ids: readIds(r) };
    case 'decline':
      return {
        type,
        entries: Array.from({ length: readCount(r, 'declines') }, () => {
          const id = r.subview(ID, 'id');
          const reason = DECLINE_REASONS[r.u8('reason')];
          if (!reason) throw new DecodeError('malformed', 'frame: unknown decline reason');
          return { id, reason };
        }),
      };
    case 'envelope':
      return { type, bytes: r.bytesOf(4, MAX_ENVELOPE_BYTES, 'envelope') };
    case 'receipts':
      return {
        type,
        entries: Array.from({ length: readCount(r, 'receipts') }, () => ({
          id: r.fixed(ID, 'id'),
          slot: r.u16('slot'),
          token: r.fixed(TOKEN, 'token'),
        })),
      };
    case 'receipts-ack':
      return {
        type,
        entries: Array.from({ length: readCount(r, 'receipt acks') }, () => ({
          id: r.fixed(ID, 'id'),
          slot: r.u16('slot'),
        })),
      };
    case 'introduce':
      return { type, envelope: r.bytesOf(4, MAX_INTRODUCTION_BYTES, 'introduction') };
    case 'bye': {
      const byeCode = BYE_CODES[r.u8('code')];
      if (!byeCode) throw new DecodeError('malformed', 'frame: unknown bye code');
      return { type, code: byeCode, reason: r.text(1, 200, 'reason') };
    }
  }
}
