/** Byte helpers that work the same in Node and every browser context (no Buffer). */
/** The two hex digits of every byte value, as ASCII codes. */
const HEX_CODES = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  HEX_CODES[2 * i] = '0123456789abcdef'.charCodeAt(i >> 4);
  HEX_CODES[2 * i + 1] = '0123456789abcdef'.charCodeAt(i & 15);
}
const ascii = new TextDecoder('latin1');
const scratch = new Uint8Array(128);

/**
 * Lowercase hex. Decoded from ASCII codes in one go: the string comes out flat, where appending
 * two digits at a time built a chain of pieces that every Map lookup by id had to flatten first
 * (ids are looked up by hex in every offer, request and receipt).
 */
export function toHex(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = 2 * n <= scratch.length ? scratch.subarray(0, 2 * n) : new Uint8Array(2 * n);
  for (let i = 0; i < n; i++) {
    const at = 2 * (bytes[i] ?? 0);
    out[2 * i] = HEX_CODES[at] ?? 0;
    out[2 * i + 1] = HEX_CODES[at + 1] ?? 0;
  }
  return ascii.decode(out);
}

/** Value of each hex digit by character code; -1 for anything else. */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;
  NIBBLE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

// By table, not parseInt per byte: ids cross from hex to bytes in every offer and receipt.
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new TypeError('not hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = NIBBLE[hex.charCodeAt(2 * i)] ?? -1;
    const lo = NIBBLE[hex.charCodeAt(2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0) throw new TypeError('not hex');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

/** The big-endian unsigned 32-bit word at `at` (the caller has checked the length). */
export const u32At = (bytes: Uint8Array, at: number): number =>
  (((bytes[at] ?? 0) << 24) |
    ((bytes[at + 1] ?? 0) << 16) |
    ((bytes[at + 2] ?? 0) << 8) |
    (bytes[at + 3] ?? 0)) >>>
  0;

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Constant-time for equal lengths (for secrets such as receipt tokens). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_INDEX = new Map([...B64URL].map((c, i) => [c, i]));

/** Binary string (one char per byte), in slices: fromCharCode takes its bytes as arguments. */
function toBinaryString(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return binary;
}

// btoa/atob (in browsers, workers and Node) do the work natively: backups and Chromium's
// JSON messaging move megabytes through these.
/** Standard padded base64 (what `base64 -d` and data: URLs read). */
export const toBase64 = (bytes: Uint8Array): string => btoa(toBinaryString(bytes));

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Returns null for anything that is not canonical unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  const rest = text.length % 4;
  if (rest === 1 || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
  // Leftover bits must be zero, or two texts would decode to the same bytes.
  const lastValue = B64URL_INDEX.get(text.at(-1) ?? 'A') ?? 0;
  if (rest > 0 && (lastValue & (rest === 2 ? 0x0f : 0x03)) !== 0) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - rest) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
/** Throws TypeError on invalid UTF-8. */
export const fromUtf8 = (bytes: Uint8Array): string => strictDecoder.decode(bytes);

export function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
