/**
 * What travels inside a sealed envelope. Every kind has a fixed numeric code on the wire and
 * limits that keep messages small (images only as thumbnails).
 */
import type { MessageId } from './message-id';

export const MESSAGE_LIMITS = {
  textBytes: 16 * 1024,
  thumbnailBytes: 64 * 1024,
  thumbnails: 4,
  thumbnailSide: 1024,
  nameBytes: 64,
  statusBytes: 280,
  listNameBytes: 64,
  introductionBytes: 1024,
  cardBytes: 8 * 1024,
  publicKeyBytes: 4096,
  signatureBytes: 1024,
  friendListEntries: 1000,
  /** A Murmur home serves one person: at most this many of their friends' cards. */
  homeFriends: 1000,
  homeCardBytes: 2 * 1024,
  /** A shared reply's signed content: the inner framing (53 bytes) and a reply. */
  sharedSignedBytes: 16 * 1024 + 1024,
} as const;

export const KIND_CODES = {
  post: 1,
  direct: 2,
  reply: 3,
  profile: 4,
  'friend-request': 5,
  // 6–10 are reserved (PROTOCOL.md §6): kinds planned once, never sent; not to be reused.
  'friend-list': 11,
  'shared-reply': 12,
  'home-friends': 13,
  'home-release': 14,
} as const;

export type MessageKind = keyof typeof KIND_CODES;

export type ImageType = 'jpeg' | 'png' | 'webp';

export interface Thumbnail {
  type: ImageType;
  width: number;
  height: number;
  data: Uint8Array;
}

export type Audience =
  { kind: 'all-friends' } | { kind: 'chosen' } | { kind: 'list'; name: string };

export interface PostMessage {
  kind: 'post';
  id: MessageId;
  createdAt: number;
  text: string;
  thumbnails: Thumbnail[];
  audience: Audience;
  /** Set when the post mirrors one published elsewhere (Facebook), with its original time. */
  mirroredFrom: { source: 'facebook'; publishedAt: number } | null;
}

export interface DirectMessage {
  kind: 'direct';
  id: MessageId;
  createdAt: number;
  text: string;
}

export interface ReplyMessage {
  kind: 'reply';
  id: MessageId;
  createdAt: number;
  /** The post replied to: its author's fingerprint and its id. */
  postAuthor: Uint8Array;
  postId: MessageId;
  /** The reply this one answers, for threads; null for a reply to the post itself. */
  parentReplyId: MessageId | null;
  /** public: sent to the post's audience; private: to the post's author only. */
  visibility: 'public' | 'private';
  text: string;
}

export interface ProfileMessage {
  kind: 'profile';
  updatedAt: number;
  name: string;
  status: string;
  avatar: Thumbnail | null;
  /** The sender's Murmur home (its card, binary, no secret): friends hand it copies for them. */
  home: Uint8Array | null;
}

export interface FriendRequestMessage {
  kind: 'friend-request';
  id: MessageId;
  createdAt: number;
  introduction: string;
  /** The requester's contact card (binary), whose key must have signed the request. */
  card: Uint8Array;
  /** Set when the requester pairs with a Murmur home it owns (core/identity/home-pairing.ts). */
  pairingProof: Uint8Array | null;
}

/**
 * A public reply to the sender's own post, passed on by the post's author to the post's
 * audience: the replier's signed content and signature exactly as the author received them,
 * with the replier's key (readers need not know them) and the name the author knows them by.
 */
export interface SharedReplyMessage {
  kind: 'shared-reply';
  createdAt: number;
  authorName: string;
  /** The replier's binary OpenPGP public key. */
  authorKey: Uint8Array;
  /** The replier's sealed content (inner framing + reply) and their signature over it. */
  signedData: Uint8Array;
  signature: Uint8Array;
}

export type Message =
  | PostMessage
  | DirectMessage
  | ReplyMessage
  | ProfileMessage
  | FriendRequestMessage
  | FriendListMessage
  | SharedReplyMessage
  | HomeFriendsMessage
  | HomeReleaseMessage;

/**
 * From a person to their own Murmur home only (PROTOCOL.md §15): their friends' cards (binary,
 * no secrets), so the home knows whom it may serve. Newer `updatedAt` replaces older; the
 * only kind ever sealed to a home.
 */
export interface HomeFriendsMessage {
  kind: 'home-friends';
  updatedAt: number;
  cards: Uint8Array[];
}

/**
 * From a person to their own Murmur home only (PROTOCOL.md §15): unpaired. The home forgets its
 * owner, the owner's friends and every copy it carries, and offers a pairing link again.
 */
export interface HomeReleaseMessage {
  kind: 'home-release';
  releasedAt: number;
}

/**
 * Who the sender's friends are, for friends-of-friends visibility: sent only when the sender
 * chose to share it (an empty list withdraws it). Newer `updatedAt` replaces older.
 */
export interface FriendListMessage {
  kind: 'friend-list';
  updatedAt: number;
  friends: { fingerprint: Uint8Array; name: string }[];
}
