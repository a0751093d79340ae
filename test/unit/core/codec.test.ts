import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64Url, fromHex, randomBytes, toBase64Url, toHex } from '../../../src/core/bytes';
import { decodeWith, DecodeError } from '../../../src/core/codec/decode-error';
import { decodeContactCard, contactCardFromText } from '../../../src/core/identity/contact-card';
import { decodeEnvelope, decodeHeader } from '../../../src/core/envelope/format';
import { decodeInner } from '../../../src/core/envelope/inner';
import { splitPackets } from '../../../src/core/envelope/openpgp-packets';
import { decodeMessage, encodeMessage } from '../../../src/core/messages/codec';
import { decodeFrame } from '../../../src/core/sync/frames';
import {
  MESSAGE_LIMITS,
  type Message,
  type SharedReplyMessage,
} from '../../../src/core/messages/kinds';
import { unwrapSharedReply } from '../../../src/core/envelope/shared-reply';
import { newMessageId } from '../../../src/core/messages/message-id';

const id = newMessageId;
const thumb = { type: 'webp' as const, width: 320, height: 200, data: randomBytes(900) };
const t = 1_790_000_000_123;

export const SAMPLE_MESSAGES: Message[] = [
  {
    kind: 'post',
    id: id(),
    createdAt: t,
    text: 'Sunny day ☀️ <b>bold?</b>',
    thumbnails: [thumb],
    audience: { kind: 'list', name: 'climbing club' },
    mirroredFrom: null,
  },
  {
    kind: 'post',
    id: id(),
    createdAt: t,
    text: '',
    thumbnails: [],
    audience: { kind: 'all-friends' },
    mirroredFrom: { source: 'facebook', publishedAt: t - 5000 },
  },
  { kind: 'direct', id: id(), createdAt: t, text: 'hi' },
  {
    kind: 'reply',
    id: id(),
    createdAt: t,
    postAuthor: randomBytes(20),
    postId: id(),
    parentReplyId: id(),
    visibility: 'private',
    text: 'nice',
  },
  {
    kind: 'reply',
    id: id(),
    createdAt: t,
    postAuthor: randomBytes(20),
    postId: id(),
    parentReplyId: null,
    visibility: 'public',
    text: 'same',
  },
  { kind: 'profile', updatedAt: t, name: 'Ann', status: 'on holiday', avatar: thumb, home: null },
  {
    kind: 'friend-request',
    id: id(),
    createdAt: t,
    introduction: 'hello',
    card: randomBytes(500),
    pairingProof: null,
  },
  {
    kind: 'shared-reply',
    createdAt: t,
    authorName: 'Bob',
    authorKey: randomBytes(300),
    signedData: randomBytes(200),
    signature: randomBytes(119),
  },
];

describe('message kinds', () => {
  it.each(SAMPLE_MESSAGES.map((m) => [m.kind, m] as const))('%s round-trips', (_kind, message) => {
    expect(decodeMessage(encodeMessage(message))).toEqual(message);
  });

  it('enforces size limits on both sides', () => {
    const big = {
      kind: 'direct' as const,
      id: id(),
      createdAt: t,
      text: 'x'.repeat(MESSAGE_LIMITS.textBytes + 1),
    };
    expect(() => encodeMessage(big)).toThrow(RangeError);
    const ok = encodeMessage({ ...big, text: 'x' });
    // Forge a length field beyond the limit: the decoder refuses before reading it.
    const forged = ok.slice();
    new DataView(forged.buffer).setUint32(2 + 16 + 8, MESSAGE_LIMITS.textBytes + 1);
    expect(decodeWith(() => decodeMessage(forged))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });

  it('refuses unknown kinds and versions as unsupported, not as garbage', () => {
    expect(decodeWith(() => decodeMessage(new Uint8Array([99, 1])))).toMatchObject({
      ok: false,
      error: { code: 'unsupported-version' },
    });
    // The reserved codes (planned kinds never sent) are unknown too: nothing decodes them.
    for (const reserved of [6, 7, 8, 9, 10])
      expect(
        decodeWith(() => decodeMessage(new Uint8Array([reserved, 1, ...new Array(40).fill(0)]))),
      ).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
    const direct = encodeMessage(SAMPLE_MESSAGES[2]!);
    direct[1] = 2;
    expect(decodeWith(() => decodeMessage(direct))).toMatchObject({
      ok: false,
      error: { code: 'unsupported-version' },
    });
  });

  it('refuses invalid UTF-8 text', () => {
    const bytes = encodeMessage({ kind: 'direct', id: id(), createdAt: t, text: 'ab' });
    bytes[bytes.length - 1] = 0xff;
    expect(decodeWith(() => decodeMessage(bytes))).toMatchObject({
      ok: false,
      error: { code: 'malformed' },
    });
  });
});

describe('decoders under arbitrary input (fuzz)', () => {
  const decoders: [string, (b: Uint8Array) => unknown][] = [
    ['message', decodeMessage],
    ['envelope', decodeEnvelope],
    ['envelope header', decodeHeader],
    ['sealed content', decodeInner],
    [
      'shared reply contents',
      (b) =>
        unwrapSharedReply({ ...(SAMPLE_MESSAGES.at(-1) as SharedReplyMessage), signedData: b }),
    ],
    ['contact card', decodeContactCard],
    ['OpenPGP packets', (b) => splitPackets(b, 100)],
    ['sync frame', decodeFrame],
    [
      'sync frame (valid start)',
      (b) => decodeFrame(new Uint8Array([1, 1 + ((b[0] ?? 0) % 14), ...b.subarray(1)])),
    ],
  ];

  it.each(decoders)('%s: a valid value or a DecodeError, never another throw', (_name, decode) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        try {
          decode(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each(SAMPLE_MESSAGES.map((m) => [m.kind, m] as const))(
    '%s: mutations of a valid encoding stay typed',
    (_k, message) => {
      const valid = encodeMessage(message);
      fc.assert(
        fc.property(
          fc.nat(valid.length - 1),
          fc.nat(255),
          fc.nat(valid.length),
          (at, value, cut) => {
            const mutated = valid.slice(0, Math.max(cut, at + 1));
            mutated[at] = value;
            const r = decodeWith(() => decodeMessage(mutated));
            expect(r.ok || r.error instanceof DecodeError).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('contact card text: any string gives a card or a DecodeError', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `murmur1.${s}`),
        ),
        (text) => {
          try {
            contactCardFromText(text);
          } catch (error) {
            expect(error).toBeInstanceOf(DecodeError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('huge declared lengths are refused without allocating them', () => {
    const header = new Uint8Array([
      0x4d,
      0x52,
      1,
      2,
      2,
      0,
      0,
      0,
      0,
      1,
      ...new Array(16).fill(0),
      0,
      1,
      ...new Array(24).fill(0), // one slot: hint and commitment
      0xff,
      0xff,
      0xff,
      0xff,
    ]);
    expect(decodeWith(() => decodeEnvelope(header))).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });
});

describe('hex', () => {
  it('round-trips every byte string, either case, and refuses other text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(fromHex(toHex(bytes))).toEqual(bytes);
        expect(fromHex(toHex(bytes).toUpperCase())).toEqual(bytes);
      }),
    );
    for (const bad of ['0', 'zz', '0g', 'é0', '0\u0100', ' 00', '0x00'])
      expect(() => fromHex(bad)).toThrow(TypeError);
  });
});

describe('base64url', () => {
  it('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses anything but canonical unpadded base64url', () => {
    expect(fromBase64Url('QQ')).toEqual(new Uint8Array([65]));
    for (const bad of ['QR', 'QQ==', 'Q', 'QQ+/', 'Q Q', 'QUJD\n', 'QUI='])
      expect(fromBase64Url(bad)).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const bytes = fromBase64Url(text);
        if (bytes) expect(toBase64Url(bytes)).toBe(text);
      }),
    );
  });
});

describe('friend lists (kind 11)', () => {
  it('round-trips, and refuses more than 1000 entries', () => {
    const list: Message = {
      kind: 'friend-list',
      updatedAt: t,
      friends: [
        { fingerprint: randomBytes(20), name: 'Carol' },
        { fingerprint: randomBytes(20), name: 'Dave ✓' },
      ],
    };
    expect(decodeMessage(encodeMessage(list))).toEqual(list);
    const tooMany = { ...list, friends: Array(1001).fill(list.friends[0]) } as Message;
    expect(() => encodeMessage(tooMany)).toThrow(RangeError);
    const bytes = encodeMessage({ ...list, friends: [] });
    // kind, version, updatedAt (8 bytes), then the count: 0x03e9 = 1001.
    bytes[10] = 0x03;
    bytes[11] = 0xe9;
    const decoded = decodeWith(() => decodeMessage(bytes));
    expect(decoded.ok || decoded.error.code).toBe('too-large');
  });
});
