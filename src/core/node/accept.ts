/**
 * A requested envelope arrives. If it is for this user: open it, store the message, keep a
 * receipt token. If hops allow (or other recipients may be reachable), keep a sealed copy in
 * the relay store. Each write is a put by id, in an order that makes repeating safe.
 */
import { decodeWith } from '../codec/decode-error';
import { decodeEnvelope } from '../envelope/format';
import { decodeInner } from '../envelope/inner';
import { openEnvelope, type Opened, type OpenErrorCode } from '../envelope/open';
import type { Friend } from '../keyring';
import type { StoredMessage } from '../state/records';
import { SessionError } from '../sync/session-error';
import { nowSeconds, type NodeContext } from './context';
import { contentKeyOf, contentSeenRecord } from './content-seen';
import { trackReceipt } from './receipts';
import { storeWithinQuota } from './relay-store';
import { receiptKey, type ReceiptKey } from '../state/receipt-key';
import { relayDecision } from './relay-decision';
import type { Fingerprint } from '../identity/fingerprint';
import type { EnvelopeId } from '../envelope/envelope-id';

/**
 * Failures that may be over by the next offer: a signature "from the future" (the sender's clock
 * ahead of ours by more than the tolerance), or a key not valid yet. Anything else is final.
 */
const MAY_PASS: ReadonlySet<OpenErrorCode> = new Set(['bad-signature']);

export interface Accepted {
  /** The message was for this user and is new. */
  opened: Opened | null;
  /** A relay copy is now held (and may be offered on). */
  relayed: boolean;
  /** A receipt to send now (to the sender and whoever delivered it): key and sender. */
  acknowledge: { key: ReceiptKey; sender: string } | null;
  /**
   * It was for us and did not open for a reason that may pass (a signature from a clock further
   * ahead than the tolerance): nothing is recorded, and it is fetched again when next offered.
   */
  retryLater: boolean;
}

export function conversationOf(opened: Opened, myFingerprint: Fingerprint): Fingerprint | null {
  const m = opened.message;
  if (m.kind === 'direct' || (m.kind === 'reply' && m.visibility === 'private'))
    return opened.senderFingerprintHex === myFingerprint ? null : opened.senderFingerprintHex;
  return null;
}

export function storedMessageOf(
  opened: Opened,
  receivedAt: number,
  myFingerprint: Fingerprint,
): StoredMessage {
  const m = opened.message;
  if (m.kind === 'shared-reply' && opened.sharedReply) {
    // Kept as the reply it carries, signed by its author, so it lists and archives as theirs.
    const { authorFingerprintHex, encodedReply } = opened.sharedReply;
    return {
      id: opened.envelope.id,
      authorFingerprint: authorFingerprintHex,
      kind: 'reply',
      message: encodedReply,
      conversationWith: null,
      receivedAt,
      signedData: m.signedData,
      signature: m.signature,
      sharedBy: {
        fingerprint: opened.senderFingerprintHex,
        authorName: m.authorName,
        authorKey: m.authorKey,
      },
    };
  }
  return {
    id: opened.envelope.id,
    authorFingerprint: opened.senderFingerprintHex,
    kind: opened.message.kind,
    message: decodeInner(opened.signedData).message,
    conversationWith: conversationOf(opened, myFingerprint),
    receivedAt,
    signedData: opened.signedData,
    signature: opened.signature,
  };
}

export async function acceptEnvelope(
  ctx: NodeContext,
  peer: Friend,
  bytes: Uint8Array,
  id: EnvelopeId,
): Promise<Accepted> {
  const parsed = decodeWith(() => decodeEnvelope(bytes, id));
  if (!parsed.ok)
    throw new SessionError(
      parsed.error.code === 'too-large' ? 'too-large' : 'malformed',
      parsed.error.reason,
    );
  const envelope = parsed.value;
  const now = nowSeconds(ctx);
  if (envelope.header.expiresAt < now)
    return { opened: null, relayed: false, acknowledge: null, retryLater: false };

  const { store, keyring } = ctx;
  const matches = keyring.matchSlots(envelope.header.nonce, envelope.header.slots);
  const mine = matches.length > 0;
  let opened: Opened | null = null;
  let acknowledge: Accepted['acknowledge'] = null;
  if (mine) {
    const result = await openEnvelope(envelope, keyring, { now: ctx.now() }, matches);
    const seen = {
      id,
      expiresAt: envelope.header.expiresAt,
      header: null,
      sender: result.ok ? result.value.senderFingerprintHex : null,
      deliveredBy: peer.fingerprintHex,
      notify: [],
    };
    if (result.ok) {
      const token = result.value.receiptToken;
      // Only introductions open without a receipt token, and they never arrive as an offer.
      if (token === null) {
        await store.putSeen(seen);
        console.warn('Murmur: an offered envelope opened without a receipt token');
        return { opened: null, relayed: false, acknowledge: null, retryLater: false };
      }
      ctx.refusedForNow.forget(id);
      const isNew = !(await store.getMessage(id));
      const contentKey = contentKeyOf(result.value);
      const repeat =
        isNew && contentKey !== null && (await store.getSeen(contentKey)) !== undefined;
      opened = result.value;
      const receipt = {
        key: receiptKey(id, opened.slot),
        id,
        slot: opened.slot,
        token,
        expiresAt: envelope.header.expiresAt,
        audience: [...new Set([opened.senderFingerprintHex, peer.fingerprintHex])],
        sentTo: [],
      };
      if (repeat) {
        // The same content in other bytes: acknowledged (so copies stop travelling), not shown.
        await store.putReceipt(receipt);
        await store.putSeen(seen);
        trackReceipt(ctx, receipt);
        return {
          opened: null,
          relayed: false,
          acknowledge: { key: receipt.key, sender: opened.senderFingerprintHex },
          retryLater: false,
        };
      }
      // One step: message, receipt token and seen marker, so a crash cannot keep one without the others.
      await store.putDelivery(
        storedMessageOf(opened, ctx.now(), keyring.me.fingerprintHex),
        receipt,
        seen,
      );
      if (contentKey) await store.putSeen(contentSeenRecord(contentKey, envelope.header.expiresAt));
      trackReceipt(ctx, receipt);
      if (isNew) acknowledge = { key: receipt.key, sender: opened.senderFingerprintHex };
      else opened = null;
    } else if (MAY_PASS.has(result.error.code)) {
      ctx.refusedForNow.refused(id, ctx.now());
      console.warn(`Murmur: an envelope for us did not open yet (${result.error.code})`);
      return { opened: null, relayed: false, acknowledge: null, retryLater: true };
    } else {
      // It was ours but can never open: never fetch it again.
      await store.putSeen(seen);
      console.warn(`Murmur: an envelope for us did not open (${result.error.code})`);
    }
  }

  // Keep a sealed copy for others: as a relay (we asked for it as one), or as a recipient of a
  // message with other recipients who may be our friends too.
  const policy = await store.getRelayPolicy();
  const verdict = relayDecision({
    kind: 'arrived',
    mine,
    slotCount: envelope.header.slots.length,
    size: bytes.length,
    policy,
  });
  let relayed = false;
  if (verdict.act === 'keep') {
    relayed = await storeWithinQuota(
      store,
      {
        id,
        bytes,
        size: bytes.length,
        receivedAt: ctx.now(),
        dropAt: Math.min(envelope.header.expiresAt, now + policy.maxHoldSeconds),
        hopsLeft: envelope.header.hopsLeft,
        fromPeer: peer.fingerprintHex,
        heldBy: [],
        downstream: [],
        declinedBy: [],
        deliveredSlots: opened ? [opened.slot] : [],
      },
      policy,
      keyring.size,
    );
  }
  if (relayed) ctx.events.carried?.(id);
  if (opened) ctx.events.message?.(opened);
  return { opened, relayed, acknowledge, retryLater: false };
}
