/**
 * The signed plaintext inside the encryption:
 *   innerVersion u8 = 1 | headerBinding [32] | senderFingerprint [20] | message
 * The OpenPGP signature covers exactly these bytes, so it can be kept with them and verified
 * again later (e.g. `gpg --verify`) without the envelope.
 */
import { DecodeError } from '../codec/decode-error';
import { Reader } from '../codec/reader';
import { Writer } from '../codec/writer';

const INNER_VERSION = 1;

export interface Inner {
  binding: Uint8Array;
  senderFingerprint: Uint8Array;
  message: Uint8Array;
}

export function encodeInner(
  binding: Uint8Array,
  senderFingerprint: Uint8Array,
  message: Uint8Array,
): Uint8Array {
  return new Writer()
    .u8(INNER_VERSION)
    .fixed(binding, 32)
    .fixed(senderFingerprint, 20)
    .raw(message)
    .finish();
}

export function decodeInner(bytes: Uint8Array): Inner {
  const r = new Reader(bytes, 'sealed content');
  const version = r.u8('version');
  if (version !== INNER_VERSION)
    throw new DecodeError('unsupported-version', `inner version ${version}`);
  return {
    binding: r.fixed(32, 'binding'),
    senderFingerprint: r.fixed(20, 'sender'),
    message: r.rest(),
  };
}
