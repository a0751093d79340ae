/**
 * Every guard and decoder that takes input from outside the user's own browser, under
 * arbitrary input (hostile-peers issue, "a fuzz run of every decoder and guard"): guards never
 * throw and accept only what they describe; text and token decoders throw only their typed
 * errors; and the envelope body's canonical-encoding rule holds for any packets. The byte
 * decoders (messages, envelopes, frames, cards) are fuzzed in codec.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../src/core/bytes';
import { DecodeError } from '../../../src/core/codec/decode-error';
import { splitPackets } from '../../../src/core/envelope/openpgp-packets';
import type { Guard } from '../../../src/core/guard';
import { checkClientFrame } from '../../../src/core/tracker/frames';
import { outsideGuards } from '../../../tools/fuzz/value-targets';
import { checkProofToken, ProofError } from '../../../src/core/tracker/proof';
import { parseTrackerUrl } from '../../../src/core/tracker-url';

const guards: [string, Guard<unknown>][] = [
  ...outsideGuards(),
  [
    'tracker client frame',
    // It classifies rather than returns the frame: here only "never throws" is checked.
    (input) => {
      const r = checkClientFrame(input);
      return r.ok ? { ok: true, value: input } : { ok: false, reason: r.reason };
    },
  ],
];

/** Values shaped like messages: objects with the keys guards look for, and hostile ones. */
const keys = fc.constantFrom(
  'type',
  'payload',
  'murmur',
  'channel',
  'id',
  'text',
  'to',
  'link',
  'frame',
  'peerId',
  'trackers',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
);
const shaped = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.anything({ withNullPrototype: true, withObjectString: true, withBigInt: true }),
    fc.dictionary(keys, tie('value'), { maxKeys: 6 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

describe('every guard, under arbitrary input', () => {
  it.each(guards)('%s: never throws, and accepts only what it returns as it was', (_n, guard) => {
    fc.assert(
      fc.property(shaped, (input) => {
        const result = guard(input);
        if (result.ok) expect(result.value).toEqual(input);
        else expect(typeof result.reason).toBe('string');
      }),
      { numRuns: 400 },
    );
  });
});

describe('text and token decoders, under arbitrary input', () => {
  it('tracker URLs: a result, never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl().map((u) => u.replace(/^http/, 'ws')),
        ),
        (text) => {
          const r = parseTrackerUrl(text);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tracker proof tokens: a challenge or a ProofError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.base64String({ maxLength: 200 }).map((s) => s.replace(/=+$/, '')),
        ),
        async (token) => {
          try {
            await checkProofToken(token, '127.0.0.1:9000', `m${'0'.repeat(32)}`);
          } catch (error) {
            expect(error).toBeInstanceOf(ProofError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the canonical encoding of an envelope body', () => {
  const packet = fc.record({
    tag: fc.integer({ min: 1, max: 63 }),
    body: fc.uint8Array({ maxLength: 9000 }),
  });
  const canonicalLength = (n: number) =>
    n < 192
      ? Uint8Array.of(n)
      : n < 8384
        ? Uint8Array.of(((n - 192) >> 8) + 192, (n - 192) & 0xff)
        : Uint8Array.of(0xff, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  const canonical = (p: { tag: number; body: Uint8Array }) =>
    concatBytes(Uint8Array.of(0xc0 | p.tag), canonicalLength(p.body.length), p.body);

  it('splits any sequence of canonically encoded packets back into the same packets', () => {
    fc.assert(
      fc.property(fc.array(packet, { minLength: 1, maxLength: 4 }), (packets) => {
        const split = splitPackets(concatBytes(...packets.map(canonical)), 8);
        expect(split.map((p) => p.tag)).toEqual(packets.map((p) => p.tag));
        expect(split.map((p) => p.bytes)).toEqual(packets.map(canonical));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses the same packets in any other encoding: longer lengths, partial chunks, old headers', () => {
    const reencoded = fc.oneof(
      // A five-octet length for a body that fits a shorter form.
      packet
        .filter((p) => p.body.length < 8384)
        .map((p) => {
          const n = p.body.length;
          return concatBytes(Uint8Array.of(0xc0 | p.tag, 0xff, 0, 0, n >> 8, n & 0xff), p.body);
        }),
      // A partial first chunk (2^k bytes), then the rest.
      fc.tuple(packet, fc.integer({ min: 0, max: 9 })).map(([p, k]) => {
        const chunk = new Uint8Array(2 ** k);
        return concatBytes(
          Uint8Array.of(0xc0 | p.tag, 0xe0 | k),
          chunk,
          canonicalLength(p.body.length),
          p.body,
        );
      }),
      // A legacy header (tags up to 15).
      packet
        .filter((p) => p.tag < 16 && p.body.length < 256)
        .map((p) => concatBytes(Uint8Array.of(0x80 | (p.tag << 2), p.body.length), p.body)),
    );
    fc.assert(
      fc.property(reencoded, (bytes) => {
        expect(() => splitPackets(bytes, 8)).toThrow(DecodeError);
      }),
      { numRuns: 500 },
    );
  });
});
