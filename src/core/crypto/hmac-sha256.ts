/**
 * HMAC-SHA-256 (RFC 2104) under one fixed key, for many short messages: the padded key's two
 * blocks are compressed once, so a MAC costs two compressions for a message under 56 bytes.
 * A node answering a call recomputes the caller's HELLO tag under every friend's session key
 * (handshake.ts); with a general-purpose HMAC that setup was most of the handshake's cost.
 * Equal to @noble/hashes' hmac (test/unit/core/hmac-sha256.test.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { midstate, sha256Resumed } from './sha256-patched';

const BLOCK = 64;

export class HmacSha256 {
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;

  constructor(key: Uint8Array) {
    const padded = new Uint8Array(BLOCK);
    padded.set(key.length > BLOCK ? sha256(key) : key);
    const pad = (byte: number) => padded.map((b) => b ^ byte);
    this.inner = midstate(pad(0x36));
    this.outer = midstate(pad(0x5c));
    padded.fill(0);
  }

  mac(message: Uint8Array): Uint8Array {
    return sha256Resumed(this.outer, BLOCK, sha256Resumed(this.inner, BLOCK, message));
  }
}
