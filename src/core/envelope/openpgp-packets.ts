/**
 * Splits an envelope body into its top-level OpenPGP packets without interpreting them, so the
 * envelope can check its shape and hand openpgp.js just the recipient's own PKESK with the
 * encrypted data.
 *
 * Only the canonical encoding seal() writes is accepted: new-format headers (RFC 9580 §4.2.1)
 * with the shortest length form and no partial body lengths. A packet header is not covered by
 * any signature or MDC, so any other encoding of the same packet would be a different envelope
 * (a new id) that still opens and verifies: a relay could replay a genuine message, without any
 * key, as often as it likes.
 */
import { DecodeError } from '../codec/decode-error';

export interface RawPacket {
  tag: number;
  /** The whole packet, header included. */
  bytes: Uint8Array;
}

export function splitPackets(data: Uint8Array, maxPackets: number): RawPacket[] {
  const packets: RawPacket[] = [];
  let offset = 0;
  const fail = (why: string): never => {
    throw new DecodeError('malformed', `OpenPGP body: ${why}`);
  };
  const byte = (i: number) => (i < data.length ? (data[i] ?? 0) : fail('truncated packet header'));
  while (offset < data.length) {
    if (packets.length >= maxPackets) fail(`more than ${maxPackets} packets`);
    const start = offset;
    const first = byte(offset++);
    if ((first & 0x80) === 0) fail('not a packet header');
    if ((first & 0x40) === 0) fail('a legacy packet header (Murmur writes new-format headers)');
    const tag = first & 0x3f;
    const l1 = byte(offset++);
    let length: number;
    if (l1 < 192) length = l1;
    else if (l1 < 224) {
      length = ((l1 - 192) << 8) + byte(offset++) + 192;
    } else if (l1 === 255) {
      length =
        ((byte(offset) << 24) |
          (byte(offset + 1) << 16) |
          (byte(offset + 2) << 8) |
          byte(offset + 3)) >>>
        0;
      offset += 4;
      if (length < 8384) fail('a five-octet length where a shorter form fits');
    } else return fail('a partial body length (Murmur writes whole packets)');
    offset += length;
    if (offset > data.length) fail('packet runs past the end');
    packets.push({ tag, bytes: data.subarray(start, offset) });
  }
  return packets;
}
