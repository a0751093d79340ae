/**
 * What a Murmur node keeps, as plain records. Both store implementations (memory, Dexie) hold
 * exactly these; every write is a put by key, so repeating a step after a crash is harmless.
 */
import type { ReceiptKey } from './receipt-key';
import type { Fingerprint } from '../identity/fingerprint';
import type { PeerId } from '../tracker/peer-id';
import type { EnvelopeId } from '../envelope/envelope-id';
import type { ContentKey } from './content-key';

/** A message this user can read: received (opened) or written by the user. */
export interface StoredMessage {
  /** The envelope id it travelled in (hex). */
  id: EnvelopeId;
  /** Hex fingerprint of the author (this user's own for sent messages). */
  authorFingerprint: Fingerprint;
  /** Message kind code name, for indexes (post, direct, reply, …). */
  kind: string;
  /** The encoded message (core/messages/codec). */
  message: Uint8Array;
  /** For direct messages and private replies: the other person; else null. */
  conversationWith: Fingerprint | null;
  /** When this node got (or sent) it, ms. */
  receivedAt: number;
  /**
   * Signed content and the binary signature over it, to verify later: for received messages
   * the sealed content their author signed; for own ones the encoded message, signed detached
   * when sent (null for own messages from before that).
   */
  signedData: Uint8Array | null;
  signature: Uint8Array | null;
  /**
   * For a public reply passed on by the post's author (a shared reply): who passed it on, and
   * the replier's name and key as they enclosed them. The record itself is the reply, with its
   * author's own signature; open() checked it.
   */
  sharedBy?: { fingerprint: Fingerprint; authorName: string; authorKey: Uint8Array };
}

export type RecipientState = 'pending' | 'delivered';

/** A sealed envelope this user sent, until every recipient has it or it expires. */
export interface OutboxEntry {
  id: EnvelopeId;
  bytes: Uint8Array;
  createdAt: number;
  /** Unix seconds. */
  expiresAt: number;
  recipients: { fingerprintHex: Fingerprint; slot: number; state: RecipientState }[];
  /** Friends known to hold a copy (acknowledged it, or told us they have it). */
  heldBy: Fingerprint[];
  /** Those of heldBy that took the body from us: receipts follow the copy's path to these. */
  downstream: Fingerprint[];
  /** Friends that declined it (not for them and could not relay it). */
  declinedBy: Fingerprint[];
}

/** A foreign sealed copy held for others: unreadable, kept apart from the user's messages. */
export interface RelayCopy {
  id: EnvelopeId;
  /** Envelope bytes as held (hopsLeft already lowered by the hand-off). */
  bytes: Uint8Array;
  size: number;
  receivedAt: number;
  /** Unix seconds: the envelope's expiry or the policy's longest hold, whichever is sooner. */
  dropAt: number;
  hopsLeft: number;
  /** The friend it came from (receipts travel back this way). */
  fromPeer: Fingerprint;
  /** Friends known to hold it (took it from us, or told us they have it): not offered again. */
  heldBy: Fingerprint[];
  /** Those of heldBy that took the body from us (receipts go to them). */
  downstream: Fingerprint[];
  declinedBy: Fingerprint[];
  /** Slots whose delivery receipt this node has verified. */
  deliveredSlots: number[];
}

/** A delivery receipt token, kept until its envelope expires, and whom it was sent to. */
export interface ReceiptRecord {
  key: ReceiptKey;
  id: EnvelopeId;
  slot: number;
  token: Uint8Array;
  /** Unix seconds. */
  expiresAt: number;
  /** Friends this receipt should reach (kept up to date as friends come to hold the copy). */
  audience: Fingerprint[];
  /** Friends that acknowledged it (or sent it to us). */
  sentTo: Fingerprint[];
}

/** An id this node has finished with (delivered to it, or relay copy dropped on receipt). */
export interface SeenRecord {
  /** An envelope's id, or the key of content delivered (content-seen.ts). */
  id: EnvelopeId | ContentKey;
  /** Unix seconds: kept until then, so a late copy is recognised as a duplicate. */
  expiresAt: number;
  /** The header bytes, so receipts for it can still be checked and forwarded. */
  header: Uint8Array | null;
  /** For envelopes this node opened: the friend who sent it and the one who delivered it. */
  sender: Fingerprint | null;
  deliveredBy: Fingerprint | null;
  /** Friends to pass receipts for it on to (where a dropped copy came from, who held it). */
  notify: Fingerprint[];
}

/** The user's own identity, as stored: the armored private key (passphrase-protected or not). */
export interface IdentityRecord {
  armoredPrivateKey: string;
  displayName: string;
  createdAt: number;
  /** True when armoredPrivateKey is encrypted with the user's passphrase. */
  protected: boolean;
}

/**
 * friend: both sides agreed. requested: we asked (sent our card); they have not answered.
 * declined: they asked and we said no. blocked: nothing from them, ever.
 */
export type ContactState = 'friend' | 'requested' | 'declined' | 'blocked';

/** Someone this user knows: a friend, a pending request, or a blocked person. */
export interface ContactRecord {
  fingerprint: Fingerprint;
  /** Binary OpenPGP public key. */
  publicKey: Uint8Array;
  /**
   * The user's own name for them (a petname): from their card when added, never changed by
   * them — a friend renaming itself to another friend's name must not pass for that friend.
   */
  displayName: string;
  /** The name they call themselves, from their latest profile, when they sent one. */
  theirName?: string;
  peerId: PeerId;
  tracker: string;
  state: ContactState;
  addedAt: number;
  /** For a request we sent: what we wrote, and when it last went out. */
  introduction?: string;
  /** The secret of the invite link we added them from, which our calls prove until they accept. */
  inviteSecret?: Uint8Array;
  requestSentAt?: number;
  /** Their profile, as they last sent it (displayName above is its name). */
  status?: string;
  avatar?: { type: 'jpeg' | 'png' | 'webp'; width: number; height: number; data: Uint8Array };
  profileUpdatedAt?: number;
  /** When our own profile last went to them (ms). */
  profileSentAt?: number;
  /** Who their friends are, if they chose to share it (friends-of-friends visibility). */
  friendList?: { fingerprint: Fingerprint; name: string }[];
  friendListUpdatedAt?: number;
  /** When the user said the safety number matched what this friend sees (ms). */
  verifiedAt?: number;
  /** This contact is a Murmur home, of this person (our own fingerprint: our home). */
  homeOf?: Fingerprint;
}

export interface RelayPolicy {
  /** Largest envelope this node relays for others (bytes); larger go direct only. */
  maxMessageBytes: number;
  /** Longest time a foreign copy is held (seconds). */
  maxHoldSeconds: number;
  /** Total bytes of foreign copies held. */
  quotaBytes: number;
}

export const DEFAULT_RELAY_POLICY: RelayPolicy = {
  maxMessageBytes: 64 * 1024,
  maxHoldSeconds: 14 * 24 * 3600,
  quotaBytes: 50 * 1024 * 1024,
};
