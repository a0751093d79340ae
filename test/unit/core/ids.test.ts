/**
 * Typed ids (house issue, point 3): each kind of id is made in one place, and what comes from
 * outside (a page, a backup, a card) is checked on the way in, so one kind cannot pass as
 * another.
 */
import { describe, expect, it } from 'vitest';
import { createIdentity } from '../../../src/core/identity/identity';
import { fingerprintFromBytes, isFingerprint } from '../../../src/core/identity/fingerprint';
import { fingerprintOfKey } from '../../../src/core/identity/key-material';
import { isReceiptKey, receiptKey } from '../../../src/core/state/receipt-key';
import { isPeerId, peerIdOf } from '../../../src/core/tracker/peer-id';
import { fromHex } from '../../../src/core/bytes';
import { envelopeIdFromBytes, isEnvelopeId } from '../../../src/core/envelope/envelope-id';
import { envelopeId } from '../../../src/core/envelope/format';
import { seal } from '../../../src/core/envelope/seal';
import { Keyring } from '../../../src/core/keyring';
import {
  isMessageId,
  messageIdFromBytes,
  newMessageId,
} from '../../../src/core/messages/message-id';
import { decodeMessage, encodeMessage } from '../../../src/core/messages/codec';

async function sealedForOne() {
  const [me, you] = await Promise.all([createIdentity('Me'), createIdentity('You')]);
  const friend = new Keyring(me).addFriend(you.publicKey);
  const message = {
    kind: 'direct' as const,
    id: messageIdFromBytes(new Uint8Array(16)),
    createdAt: 0,
    text: 'hi',
  };
  return seal(message, [friend], me, { expiresAt: 2_000_000_000 });
}

describe('fingerprints', () => {
  it('are made from a key’s 20 bytes, the same way everywhere', async () => {
    const me = await createIdentity('Ida');
    expect(me.fingerprintHex).toBe(me.publicKey.getFingerprint());
    expect(fingerprintOfKey(me.publicKey)).toBe(me.fingerprintHex);
    expect(fingerprintFromBytes(me.fingerprint)).toBe(me.fingerprintHex);
    expect(() => fingerprintFromBytes(new Uint8Array(19))).toThrow(RangeError);
  });

  it('from outside are 40 lowercase hex digits or refused', async () => {
    const me = await createIdentity('Ida');
    expect(isFingerprint(me.fingerprintHex)).toEqual({ ok: true, value: me.fingerprintHex });
    const peerId = `m${'ab'.repeat(16)}`;
    for (const wrong of [me.fingerprintHex.toUpperCase(), peerId, 'ab'.repeat(19), 40, null])
      expect(isFingerprint(wrong).ok).toBe(false);
  });
});

describe('peer ids', () => {
  it('are made from a tracker key, or checked: "m" and 32 lowercase hex digits', () => {
    const id = peerIdOf(new Uint8Array(32));
    expect(isPeerId(id)).toEqual({ ok: true, value: id });
    for (const wrong of ['mfay', id.toUpperCase(), `${id}0`, id.slice(1), 33])
      expect(isPeerId(wrong).ok).toBe(false);
  });
});

describe('envelope ids', () => {
  it('are the hash of the envelope, or 32 bytes from a frame, or checked hex', async () => {
    const sealed = await sealedForOne();
    expect(envelopeId(sealed.bytes)).toBe(sealed.id);
    expect(envelopeIdFromBytes(fromHex(sealed.id))).toBe(sealed.id);
    expect(() => envelopeIdFromBytes(new Uint8Array(31))).toThrow(RangeError);
    expect(isEnvelopeId(sealed.id)).toEqual({ ok: true, value: sealed.id });
    for (const wrong of [sealed.id.toUpperCase(), sealed.id.slice(2), `m${'ab'.repeat(16)}`, 64])
      expect(isEnvelopeId(wrong).ok).toBe(false);
  });
});

describe('receipt keys', () => {
  it('are one envelope’s one slot, spelt one way', () => {
    const id = 'cd'.repeat(32);
    expect(receiptKey(id, 3)).toBe(`${id}:3`);
    expect(isReceiptKey(`${id}:3`).ok).toBe(true);
    expect(isReceiptKey(`${id}:03`).ok).toBe(false);
    expect(isReceiptKey(`${id.slice(2)}:3`).ok).toBe(false);
  });
});

describe('message ids', () => {
  it('are fresh for each new message, 16 bytes on the wire, checked hex from a page', () => {
    const ids = new Set(Array.from({ length: 50 }, newMessageId));
    expect(ids.size).toBe(50);
    const id = newMessageId();
    expect(isMessageId(id)).toEqual({ ok: true, value: id });
    const reply = {
      kind: 'reply' as const,
      id,
      createdAt: 0,
      postAuthor: new Uint8Array(20),
      postId: messageIdFromBytes(new Uint8Array(16).fill(1)),
      parentReplyId: null,
      visibility: 'public' as const,
      text: 'yes',
    };
    const bytes = encodeMessage(reply);
    expect(bytes.length).toBe(2 + 16 + 8 + 20 + 16 + 1 + 1 + 4 + 3);
    expect(decodeMessage(bytes)).toEqual(reply);
    expect(() => messageIdFromBytes(new Uint8Array(15))).toThrow(RangeError);
    // An envelope id is not a message id, nor is upper case or a short one.
    for (const wrong of ['ab'.repeat(32), id.toUpperCase(), id.slice(2), 16])
      expect(isMessageId(wrong).ok).toBe(false);
  });
});
