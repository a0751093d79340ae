/**
 * Splits an OpenPGP message into its top-level packets without interpreting them
 * (RFC 9580 §4.2: new and legacy headers, partial body lengths), so the envelope can check
 * its shape and hand openpgp.js just the recipient's own PKESK with the encrypted data.
 */
import { DecodeError } from '../codec/decode-error';

export interface RawPacket {
  tag: number;
  /** The whole packet, header included. */
  bytes: Uint8Array;
}

const MAX_PARTS = 4096;

export function splitPackets(data: Uint8Array, maxPackets: number): RawPacket[] {
  const packets: RawPacket[] = [];
  let offset = 0;
  const fail = (why: string): never => {
    throw new DecodeError('malformed', `OpenPGP body: ${why}`);
  };
  const byte = (i: number) => (i < data.length ? data[i]! : fail('truncated packet header'));
  while (offset < data.length) {
    if (packets.length >= maxPackets) fail(`more than ${maxPackets} packets`);
    const start = offset;
    const first = byte(offset++);
    if ((first & 0x80) === 0) fail('not a packet header');
    let tag: number;
    let end: number;
    if (first & 0x40) {
      tag = first & 0x3f;
      let parts = 0;
      for (;;) {
        const l1 = byte(offset++);
        let length: number;
        let partial = false;
        if (l1 < 192) length = l1;
        else if (l1 < 224) length = ((l1 - 192) << 8) + byte(offset++) + 192;
        else if (l1 === 255) {
          length =
            ((byte(offset) << 24) |
              (byte(offset + 1) << 16) |
              (byte(offset + 2) << 8) |
              byte(offset + 3)) >>>
            0;
          offset += 4;
        } else {
          length = 1 << (l1 & 0x1f);
          partial = true;
        }
        offset += length;
        if (offset > data.length) fail('packet runs past the end');
        if (!partial) break;
        if (++parts > MAX_PARTS) fail('too many partial body chunks');
      }
      end = offset;
    } else {
      tag = (first >> 2) & 0x0f;
      const lengthType = first & 0x03;
      if (lengthType === 3) fail('indeterminate length is not allowed');
      const size = [1, 2, 4][lengthType]!;
      let length = 0;
      for (let i = 0; i < size; i++) length = length * 256 + byte(offset + i);
      offset += size + length;
      if (offset > data.length) fail('packet runs past the end');
      end = offset;
    }
    packets.push({ tag, bytes: data.subarray(start, end) });
  }
  return packets;
}
