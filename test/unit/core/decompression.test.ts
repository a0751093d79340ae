/**
 * Decompression bombs (hostile-peers issue, point 2). Murmur never compresses; a compressed
 * packet inside an envelope is how ~300 bytes become hundreds of megabytes in the background
 * before any check. Envelopes with one are refused before more than a chunk is inflated.
 */
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { open } from '../../../src/core/envelope/open';
import { befriend, direct, makePerson } from './people';
import { openpgpBody, sealWithBody } from './hostile-seal';

const zlib = { preferredCompressionAlgorithm: openpgp.enums.compression.zlib };

describe('a compressed envelope from a friend', () => {
  it('is refused even when it is a genuine, signed message', async () => {
    const [mallory, ann] = [await makePerson('Mallory'), await makePerson('Ann')];
    befriend(mallory, ann);
    const toAnn = mallory.keyring.friend(ann.identity.fingerprintHex)!;
    const sealed = await sealWithBody(
      direct('hello, compressed'),
      toAnn,
      mallory.identity,
      openpgpBody(mallory.identity, zlib),
    );
    const opened = await open(sealed.bytes, ann.keyring, { now: Date.now() });
    expect(opened.ok ? 'opened' : opened.error.code).toBe('malformed');
    expect(opened.ok ? '' : opened.error.message).toMatch(/compress/);
  });

  it('that would inflate to 64 MiB is refused without inflating it', async () => {
    const [mallory, ann] = [await makePerson('Mallory'), await makePerson('Ann')];
    befriend(mallory, ann);
    const toAnn = mallory.keyring.friend(ann.identity.fingerprintHex)!;
    // Zeros after the genuine inner bytes: the compressed body stays small.
    const bomb = await sealWithBody(direct('boom'), toAnn, mallory.identity, async (inner, key) =>
      openpgpBody(mallory.identity, zlib)(padded(inner, 64 * 2 ** 20), key),
    );
    expect(bomb.bytes.length).toBeLessThan(2 * 2 ** 20);

    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }, 5);
    const opened = await open(bomb.bytes, ann.keyring, { now: Date.now() });
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    expect(opened.ok ? 'opened' : opened.error.code).toBe('malformed');
    expect(peak - before).toBeLessThan(32 * 2 ** 20);
  });
});

describe('a bzip2 bomb from a friend', () => {
  it('is refused and reported as compressed content, not as "not for me" or damaged', async () => {
    const [mallory, ann] = [await makePerson('Mallory'), await makePerson('Ann')];
    befriend(mallory, ann);
    const toAnn = mallory.keyring.friend(ann.identity.fingerprintHex)!;
    const bomb = await sealWithBody(
      direct('boom'),
      toAnn,
      mallory.identity,
      async (_inner, key) => {
        // A compressed data packet, bzip2, holding 16 MiB of zeros: written as it is, unread.
        const packet = new openpgp.CompressedDataPacket();
        Object.assign(packet, {
          algorithm: openpgp.enums.compression.bzip2,
          compressed: BZIP2_16_MIB_OF_ZEROS,
        });
        const packets = new openpgp.PacketList<openpgp.AnyPacket>();
        packets.push(packet);
        return (await openpgp.encrypt({
          message: new openpgp.Message(packets),
          sessionKey: { data: key, algorithm: 'aes256' },
          format: 'binary',
          config: { aeadProtect: false },
        })) as Uint8Array;
      },
    );
    const opened = await open(bomb.bytes, ann.keyring, { now: Date.now() });
    expect(opened.ok ? 'opened' : opened.error.code).toBe('malformed');
    expect(opened.ok ? '' : opened.error.message).toMatch(/compressed content/);
  });
});

/** `head -c 16777216 /dev/zero | bzip2 -9`: 45 bytes. */
const BZIP2_16_MIB_OF_ZEROS = Buffer.from(
  'QlpoOTFBWSZTWVKFPiUAgIDAAMAAAAggADCAKRoBANIBAOLuSKcKEgpQp8Sg',
  'base64',
);

function padded(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(bytes);
  return out;
}
