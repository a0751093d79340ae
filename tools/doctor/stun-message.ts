/**
 * STUN messages (RFC 5389) and the TURN attributes (RFC 5766, 6062) the doctor and the lab
 * tests need: a Binding request, an Allocate (UDP, or TCP to see it refused) with long-term
 * credentials, a CreatePermission (to see relaying to a forbidden peer refused), a Refresh that
 * releases the allocation.
 * Just enough to ask a real coturn what a browser would ask, from Node.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { at } from '../at';

export const MAGIC = 0x2112a442;
export const enum Method {
  Binding = 0x001,
  Allocate = 0x003,
  Refresh = 0x004,
  CreatePermission = 0x008,
}
export const enum Attr {
  MappedAddress = 0x0001,
  Username = 0x0006,
  MessageIntegrity = 0x0008,
  ErrorCode = 0x0009,
  Lifetime = 0x000d,
  XorPeerAddress = 0x0012,
  Realm = 0x0014,
  Nonce = 0x0015,
  XorRelayedAddress = 0x0016,
  RequestedTransport = 0x0019,
  XorMappedAddress = 0x0020,
}

export type MessageClass = 'request' | 'success' | 'error';

export interface StunMessage {
  method: number;
  cls: MessageClass;
  transaction: Buffer;
  attrs: Map<number, Buffer>;
}

const CLASS_BITS: Record<MessageClass, number> = { request: 0x000, success: 0x100, error: 0x110 };

export function encode(
  method: number,
  transaction: Buffer,
  attrs: [number, Buffer][],
  integrityKey?: Buffer,
): Buffer {
  const parts = attrs.map(([type, value]) => tlv(type, value));
  let body = Buffer.concat(parts);
  const header = (length: number) => {
    const h = Buffer.alloc(20);
    h.writeUInt16BE(method | CLASS_BITS.request, 0);
    h.writeUInt16BE(length, 2);
    h.writeUInt32BE(MAGIC, 4);
    transaction.copy(h, 8);
    return h;
  };
  if (integrityKey) {
    // The HMAC covers the header with the length already counting the integrity attribute.
    const mac = createHmac('sha1', integrityKey)
      .update(Buffer.concat([header(body.length + 24), body]))
      .digest();
    body = Buffer.concat([body, tlv(Attr.MessageIntegrity, mac)]);
  }
  return Buffer.concat([header(body.length), body]);
}

function tlv(type: number, value: Buffer): Buffer {
  const out = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  out.writeUInt16BE(type, 0);
  out.writeUInt16BE(value.length, 2);
  value.copy(out, 4);
  return out;
}

/** One whole message from the start of `data`, or null when it is not STUN. */
export function decode(data: Buffer): StunMessage | null {
  if (data.length < 20 || data.readUInt32BE(4) !== MAGIC) return null;
  const type = data.readUInt16BE(0);
  const length = data.readUInt16BE(2);
  if (20 + length > data.length) return null;
  const bits = type & 0x110;
  const cls: MessageClass = bits === 0x100 ? 'success' : bits === 0x110 ? 'error' : 'request';
  const method = type & ~0x110 & 0x3fff;
  const attrs = new Map<number, Buffer>();
  for (let at = 20; at + 4 <= 20 + length;) {
    const attrType = data.readUInt16BE(at);
    const attrLength = data.readUInt16BE(at + 2);
    if (at + 4 + attrLength > 20 + length) return null;
    if (!attrs.has(attrType)) attrs.set(attrType, data.subarray(at + 4, at + 4 + attrLength));
    at += 4 + Math.ceil(attrLength / 4) * 4;
  }
  return { method, cls, transaction: data.subarray(8, 20), attrs };
}

export const newTransaction = () => randomBytes(12);

/** An XOR-MAPPED-ADDRESS or XOR-RELAYED-ADDRESS (IPv4) as "a.b.c.d:port". */
export function xorAddress(value: Buffer | undefined): string | null {
  if (!value || value.length < 8 || value[1] !== 0x01) return null;
  const port = value.readUInt16BE(2) ^ (MAGIC >>> 16);
  const ip = value.readUInt32BE(4) ^ MAGIC;
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}:${port}`;
}

/** An IPv4 address as XOR-PEER-ADDRESS (port 9, discard: only the address matters). */
export function xorPeerAddress(ipv4: string): Buffer {
  const out = Buffer.alloc(8);
  out[1] = 0x01;
  out.writeUInt16BE(9 ^ (MAGIC >>> 16), 2);
  const ip = ipv4.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  out.writeUInt32BE((ip ^ MAGIC) >>> 0, 4);
  return out;
}

export function errorOf(message: StunMessage): { code: number; reason: string } | null {
  const value = message.attrs.get(Attr.ErrorCode);
  if (!value || value.length < 4) return null;
  return {
    code: (at(value, 2) & 7) * 100 + at(value, 3),
    reason: value.subarray(4).toString('utf8'),
  };
}

/** RFC 5389 §15.4: the long-term credential key. */
export const longTermKey = (username: string, realm: string, password: string) =>
  createHash('md5').update(`${username}:${realm}:${password}`).digest();

export const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
