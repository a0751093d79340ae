/**
 * Replays without a key (hostile-peers issue, point 5): a relay re-encodes the SEIPD packet's
 * length header — a five-octet length where two octets fit, or partial body chunks — which
 * no signature or MDC covers. The result is a new envelope id that used to open and verify.
 */
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../src/core/bytes';
import { decodeEnvelope, encodeEnvelope } from '../../../src/core/envelope/format';
import { open } from '../../../src/core/envelope/open';
import { seal } from '../../../src/core/envelope/seal';
import { befriend, direct, inAnHour, makePerson } from './people';

/** The SEIPD packet's header and content. */
function seipdParts(packet: Uint8Array): { tag: number; content: Uint8Array } {
  const l1 = packet[1]!;
  const headerLength = l1 < 192 ? 2 : l1 < 224 ? 3 : 6;
  return { tag: packet[0]!, content: packet.subarray(headerLength) };
}

const fiveOctetLength = (n: number) =>
  Uint8Array.of(0xff, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

function twoOctetLength(n: number): Uint8Array {
  const v = n - 192;
  return Uint8Array.of((v >> 8) + 192, v & 0xff);
}

const reencodings: Record<string, (tag: number, content: Uint8Array) => Uint8Array> = {
  'a five-octet length': (tag, content) =>
    concatBytes(Uint8Array.of(tag), fiveOctetLength(content.length), content),
  'partial body chunks': (tag, content) =>
    // One 512-byte partial chunk (0xe9 = 2^9), then the rest with a definite length.
    concatBytes(
      Uint8Array.of(tag, 0xe9),
      content.subarray(0, 512),
      twoOctetLength(content.length - 512),
      content.subarray(512),
    ),
};

describe('a relay re-encoding a genuine envelope', () => {
  for (const [how, reencode] of Object.entries(reencodings))
    it(`with ${how} gets a refusal, not a second copy`, async () => {
      const [alice, bob] = [await makePerson('Alice'), await makePerson('Bob')];
      befriend(alice, bob);
      const sealed = await seal(
        direct('x'.repeat(2000)),
        [alice.keyring.friend(bob.identity.fingerprintHex)!],
        alice.identity,
        { expiresAt: inAnHour() },
      );
      const original = decodeEnvelope(sealed.bytes);
      const { tag, content } = seipdParts(original.encryptedData);
      const variant = encodeEnvelope(
        original.header,
        concatBytes(...original.pkesks, reencode(tag, content)),
      );
      expect((await open(sealed.bytes, bob.keyring, { now: Date.now() })).ok).toBe(true);
      const replayed = await open(variant, bob.keyring, { now: Date.now() });
      expect(replayed.ok ? 'opened' : replayed.error.code).toBe('malformed');
    });
});
