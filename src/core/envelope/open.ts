/**
 * open(): finds my slot by hint, decrypts only that slot's PKESK and the data, checks the
 * header against what the sender signed, and accepts the signature only from a friend —
 * or, when asked to, a friend request from a stranger whose enclosed card carries the key
 * that signed it. Every failure is a typed error; nothing throws.
 */
import * as openpgp from 'openpgp';
import { bytesEqual, concatBytes } from '../bytes';
import { DecodeError } from '../codec/decode-error';
import { decodeContactCard, type ContactCard } from '../identity/contact-card';
import { fingerprintBytes } from '../identity/key-material';
import { readFriendKey } from '../identity/friend-key';
import type { Friend, Keyring, SlotMatch } from '../keyring';
import { decodeMessage } from '../messages/codec';
import type { Message } from '../messages/kinds';
import { decodeEnvelope, headerBinding, type Envelope } from './format';
import { decodeInner } from './inner';
import { OpenError } from './open-error';
import { receiptTokenFor } from './pairwise';
import { unwrapPkesk } from './pkesk';
import { checkSharedReply, type UnwrappedReply } from './shared-reply';
import { verifyStoredSignature } from '../identity/detached-signature';
import { toleratedNow } from '../clock';
import { fingerprintFromBytes, type Fingerprint } from '../identity/fingerprint';
import { isPeerId } from '../tracker/peer-id';

export { OpenError, type OpenErrorCode } from './open-error';

export interface Opened {
  envelope: Envelope;
  message: Message;
  /** The sender as a friend, or null for a friend request from a stranger. */
  friend: Friend | null;
  senderFingerprintHex: Fingerprint;
  senderKey: openpgp.PublicKey;
  /** For a stranger's friend request: the card they enclosed. */
  requestCard: ContactCard | null;
  /** The exact bytes the signature covers, and the binary signature packet. */
  signedData: Uint8Array;
  signature: Uint8Array;
  slot: number;
  /** Revealed in a delivery receipt so relays can drop their copies; null for strangers. */
  receiptToken: Uint8Array | null;
  /** A shared reply's inner reply, checked and decoded once as it was opened; else null. */
  sharedReply: UnwrappedReply | null;
}

export type OpenResult = { ok: true; value: Opened } | { ok: false; error: OpenError };

export interface OpenOptions {
  /** Milliseconds since the epoch. */
  now: number;
  /**
   * On an introduction channel: try the few slots of a small envelope by trial decryption,
   * to accept a friend request from someone not yet a friend. Never on relayed traffic.
   */
  acceptRequestsFromStrangers?: boolean;
}

const MAX_TRIAL_SLOTS = 4;

/**
 * Murmur never compresses (seal() writes literal data), and a compressed packet is how a few
 * hundred bytes become hundreds of megabytes inside openpgp before any check of ours. A limit
 * of 0 bytes refuses every compressed packet on its first inflated chunk.
 */
const NO_DECOMPRESSION = { maxDecompressedMessageSize: 0 };
/**
 * What openpgp says of a compressed packet it would not inflate: the size limit for zip and
 * zlib, a parse failure of the packet for bzip2 (its decompressor fails before the limit is
 * asked). Either way it is compressed content, and said so, not "damaged" or "not for me".
 */
const DECOMPRESSION_REFUSED = /decompressed message size|CompressedDataPacket/i;

export async function open(
  bytes: Uint8Array,
  keyring: Keyring,
  options: OpenOptions,
): Promise<OpenResult> {
  return settle(() => openOrThrow(decodeEnvelope(bytes), keyring, options));
}

/**
 * open() for an envelope the caller already decoded, and possibly already matched against the
 * keyring (a node receiving a copy does both to decide what to keep): nothing is done twice.
 */
export function openEnvelope(
  envelope: Envelope,
  keyring: Keyring,
  options: OpenOptions,
  matches?: SlotMatch[],
): Promise<OpenResult> {
  return settle(() => openOrThrow(envelope, keyring, options, matches));
}

async function settle(run: () => Promise<Opened>): Promise<OpenResult> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof OpenError) return { ok: false, error };
    if (error instanceof DecodeError)
      return {
        ok: false,
        error: new OpenError(
          error.code === 'bad-checksum' ? 'malformed' : error.code,
          error.reason,
        ),
      };
    return { ok: false, error: new OpenError('malformed', `unexpected: ${String(error)}`) };
  }
}

async function openOrThrow(
  envelope: Envelope,
  keyring: Keyring,
  options: OpenOptions,
  knownMatches?: SlotMatch[],
): Promise<Opened> {
  if (options.now / 1000 > envelope.header.expiresAt)
    throw new OpenError(
      'expired',
      `expired at ${new Date(envelope.header.expiresAt * 1000).toISOString()}`,
    );

  const matches = knownMatches ?? keyring.matchSlots(envelope.header.nonce, envelope.header.slots);
  for (const { slot, friend } of matches) {
    const decrypted = await decryptSlot(envelope, slot, keyring, friend.publicKey);
    if (!decrypted) continue; // a hint collision, or damage: see below
    const { inner, message, signature } = decrypted;
    if (!bytesEqual(inner.senderFingerprint, friend.fingerprint))
      throw new OpenError(
        'bad-signature',
        'the content names another sender than the one the hint belongs to',
      );
    if (!(await signature.verified))
      throw new OpenError('bad-signature', 'signature does not verify');
    const sharedReply =
      message.kind === 'shared-reply' ? await checkSharedReply(message, friend.fingerprint) : null;
    return {
      envelope,
      message,
      friend,
      senderFingerprintHex: friend.fingerprintHex,
      senderKey: friend.publicKey,
      requestCard: null,
      signedData: decrypted.signedData,
      signature: decrypted.signatureBytes,
      slot,
      receiptToken: receiptTokenFor(friend.keys, envelope.header.nonce, friend.dirToMe),
      sharedReply,
    };
  }

  if (matches.length > 0)
    throw new OpenError('malformed', 'a slot is addressed to me but does not decrypt (damaged?)');

  if (options.acceptRequestsFromStrangers && envelope.header.slots.length <= MAX_TRIAL_SLOTS) {
    for (let slot = 0; slot < envelope.header.slots.length; slot++) {
      const decrypted = await decryptSlot(envelope, slot, keyring, null);
      if (decrypted) return acceptStrangerRequest(envelope, slot, keyring, decrypted);
    }
  }
  throw new OpenError('not-for-me', 'no slot of this envelope is addressed to me');
}

interface Decrypted {
  inner: ReturnType<typeof decodeInner>;
  message: Message;
  signedData: Uint8Array;
  signatureBytes: Uint8Array;
  signature: { verified: Promise<boolean> };
}

/** Decrypts one slot; null when that slot is not ours. Header and signature checks follow. */
async function decryptSlot(
  envelope: Envelope,
  slot: number,
  keyring: Keyring,
  verificationKey: openpgp.PublicKey | null,
): Promise<Decrypted | null> {
  let result: openpgp.DecryptMessageResult & { data: Uint8Array };
  try {
    const pkesk = envelope.pkesks[slot];
    if (!pkesk) throw new OpenError('not-for-me', `no slot ${slot}`);
    // Murmur's own packet shape is unwrapped here; anything else goes the general way.
    const sessionKey = await unwrapPkesk(pkesk, keyring.me);
    result = await openpgp.decrypt<Uint8Array>({
      message: await openpgp.readMessage({
        binaryMessage: sessionKey
          ? envelope.encryptedData
          : concatBytes(pkesk, envelope.encryptedData),
      }),
      ...(sessionKey
        ? { sessionKeys: { data: sessionKey, algorithm: 'aes256' as const } }
        : { decryptionKeys: keyring.me.privateKey }),
      verificationKeys: verificationKey ? [verificationKey] : [],
      format: 'binary',
      config: NO_DECOMPRESSION,
      // A friend's clock may run ahead of ours: their signature is not "in the future" for that.
      // The real clock, not options.now: signatures are made on real clocks (the simulator's
      // virtual time would put every one in the future).
      date: toleratedNow(Date.now()),
    });
  } catch (error) {
    if (DECOMPRESSION_REFUSED.test(String(error)))
      throw new OpenError('malformed', 'compressed content: Murmur never compresses');
    return null;
  }
  const inner = decodeInner(result.data);
  if (!bytesEqual(inner.binding, headerBinding(envelope.header, envelope.pkesks)))
    throw new OpenError('bad-signature', 'the header differs from the one the sender signed');
  const [sig, ...more] = result.signatures;
  if (!sig || more.length)
    throw new OpenError('bad-signature', `${result.signatures.length} signatures`);
  const signatureBytes = (await sig.signature).write();
  return {
    inner,
    message: decodeMessage(inner.message),
    signedData: result.data,
    signatureBytes,
    signature: {
      verified: sig.verified.then(
        () => true,
        () => false,
      ),
    },
  };
}

async function acceptStrangerRequest(
  envelope: Envelope,
  slot: number,
  keyring: Keyring,
  decrypted: Decrypted,
): Promise<Opened> {
  const message = decrypted.message;
  if (message.kind !== 'friend-request')
    throw new OpenError('unknown-sender', `a ${message.kind} from someone who is not a friend`);
  const card = decodeContactCard(message.card);
  if (!isPeerId(card.peerId).ok)
    throw new OpenError('malformed', "the enclosed card's peer id is not a peer id");
  let key: openpgp.PublicKey;
  try {
    key = await readFriendKey(card.publicKey);
  } catch (error) {
    throw new OpenError('malformed', `the enclosed card's key is unusable: ${String(error)}`);
  }
  if (!bytesEqual(fingerprintBytes(key), decrypted.inner.senderFingerprint))
    throw new OpenError('bad-signature', 'the request is not signed by the key on its card');
  if (!(await verifyStoredSignature(decrypted.signedData, decrypted.signatureBytes, key)))
    throw new OpenError('bad-signature', 'signature does not verify');
  return {
    envelope,
    message,
    friend: null,
    senderFingerprintHex: fingerprintFromBytes(decrypted.inner.senderFingerprint),
    senderKey: key,
    requestCard: card,
    signedData: decrypted.signedData,
    signature: decrypted.signatureBytes,
    slot,
    receiptToken: null,
    sharedReply: null,
  };
}
