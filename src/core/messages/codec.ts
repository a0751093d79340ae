/**
 * Binary encoding of message kinds (v1): kind u8 | version u8 = 1 | fields in order.
 * Decoding validates every limit and never reads past a field; unknown kinds or versions are
 * `unsupported-version` so a newer client's messages fail clearly.
 */
import { DecodeError } from '../codec/decode-error';
import { Reader } from '../codec/reader';
import { Writer } from '../codec/writer';
import {
  KIND_CODES,
  MESSAGE_LIMITS as L,
  type Audience,
  type ImageType,
  type Message,
  type MessageKind,
  type Thumbnail,
} from './kinds';
import { MESSAGE_ID_BYTES, messageIdBytes, messageIdFromBytes, type MessageId } from './message-id';
import { PAIRING_PROOF_BYTES } from '../identity/home-pairing';

const KIND_VERSION = 1;
const FINGERPRINT_BYTES = 20;
const IMAGE_TYPES: ImageType[] = ['jpeg', 'png', 'webp'];
const KIND_BY_CODE = new Map(Object.entries(KIND_CODES).map(([k, v]) => [v, k as MessageKind]));

const readId = (r: Reader, what: string): MessageId =>
  messageIdFromBytes(r.fixed(MESSAGE_ID_BYTES, what));

function writeThumbnail(w: Writer, t: Thumbnail): void {
  w.u8(IMAGE_TYPES.indexOf(t.type) + 1)
    .u16(t.width)
    .u16(t.height)
    .bytesOf(4, L.thumbnailBytes, t.data);
}

function readThumbnail(r: Reader): Thumbnail {
  const type = IMAGE_TYPES[r.u8('image type') - 1];
  if (!type) throw new DecodeError('malformed', 'message: unknown image type');
  const width = r.u16('width');
  const height = r.u16('height');
  if (width === 0 || height === 0 || width > L.thumbnailSide || height > L.thumbnailSide)
    throw new DecodeError('malformed', `message: thumbnail ${width}×${height} out of range`);
  return { type, width, height, data: r.bytesOf(4, L.thumbnailBytes, 'thumbnail') };
}

function writeAudience(w: Writer, a: Audience): void {
  if (a.kind === 'list') w.u8(3).text(1, L.listNameBytes, a.name);
  else w.u8(a.kind === 'all-friends' ? 1 : 2);
}

function readAudience(r: Reader): Audience {
  const code = r.u8('audience');
  if (code === 1) return { kind: 'all-friends' };
  if (code === 2) return { kind: 'chosen' };
  if (code === 3) return { kind: 'list', name: r.text(1, L.listNameBytes, 'list name') };
  throw new DecodeError('malformed', `message: unknown audience ${code}`);
}

export function encodeMessage(m: Message): Uint8Array {
  const w = new Writer().u8(KIND_CODES[m.kind]).u8(KIND_VERSION);
  switch (m.kind) {
    case 'post':
      w.fixed(messageIdBytes(m.id), MESSAGE_ID_BYTES)
        .time(m.createdAt)
        .text(4, L.textBytes, m.text);
      if (m.thumbnails.length > L.thumbnails) throw new RangeError('too many thumbnails');
      w.u8(m.thumbnails.length);
      for (const t of m.thumbnails) writeThumbnail(w, t);
      writeAudience(w, m.audience);
      if (m.mirroredFrom) w.u8(1).time(m.mirroredFrom.publishedAt);
      else w.u8(0);
      break;
    case 'direct':
      w.fixed(messageIdBytes(m.id), MESSAGE_ID_BYTES)
        .time(m.createdAt)
        .text(4, L.textBytes, m.text);
      break;
    case 'reply':
      w.fixed(messageIdBytes(m.id), MESSAGE_ID_BYTES)
        .time(m.createdAt)
        .fixed(m.postAuthor, FINGERPRINT_BYTES)
        .fixed(messageIdBytes(m.postId), MESSAGE_ID_BYTES)
        .u8(m.parentReplyId ? 1 : 0);
      if (m.parentReplyId) w.fixed(messageIdBytes(m.parentReplyId), MESSAGE_ID_BYTES);
      w.u8(m.visibility === 'public' ? 1 : 2).text(4, L.textBytes, m.text);
      break;
    case 'profile':
      w.time(m.updatedAt)
        .text(1, L.nameBytes, m.name)
        .text(2, L.statusBytes, m.status)
        .u8(m.avatar ? 1 : 0);
      if (m.avatar) writeThumbnail(w, m.avatar);
      w.u8(m.home ? 1 : 0);
      if (m.home) w.bytesOf(2, L.homeCardBytes, m.home);
      break;
    case 'friend-request':
      w.fixed(messageIdBytes(m.id), MESSAGE_ID_BYTES)
        .time(m.createdAt)
        .text(2, L.introductionBytes, m.introduction)
        .bytesOf(2, L.cardBytes, m.card)
        .u8(m.pairingProof ? 1 : 0);
      if (m.pairingProof) w.fixed(m.pairingProof, PAIRING_PROOF_BYTES);
      break;
    case 'friend-list':
      if (m.friends.length > L.friendListEntries)
        throw new RangeError(`at most ${L.friendListEntries} friends in a list`);
      w.time(m.updatedAt).u16(m.friends.length);
      for (const f of m.friends) w.fixed(f.fingerprint, 20).text(1, L.nameBytes, f.name);
      break;
    case 'shared-reply':
      w.time(m.createdAt)
        .text(1, L.nameBytes, m.authorName)
        .bytesOf(2, L.publicKeyBytes, m.authorKey)
        .bytesOf(2, L.sharedSignedBytes, m.signedData)
        .bytesOf(2, L.signatureBytes, m.signature);
      break;
    case 'home-friends':
      if (m.cards.length > L.homeFriends)
        throw new RangeError(`at most ${L.homeFriends} cards for a home`);
      w.time(m.updatedAt).u16(m.cards.length);
      for (const card of m.cards) w.bytesOf(2, L.homeCardBytes, card);
      break;
    case 'home-release':
      w.time(m.releasedAt);
      break;
  }
  return w.finish();
}

export function decodeMessage(bytes: Uint8Array): Message {
  const r = new Reader(bytes, 'message');
  const code = r.u8('kind');
  const kind = KIND_BY_CODE.get(code as never);
  if (!kind) throw new DecodeError('unsupported-version', `unknown message kind ${code}`);
  const version = r.u8('version');
  if (version !== KIND_VERSION)
    throw new DecodeError('unsupported-version', `${kind} version ${version}`);
  const message = decodeBody(kind, r);
  r.end();
  return message;
}

function decodeBody(kind: MessageKind, r: Reader): Message {
  switch (kind) {
    case 'post': {
      const id = readId(r, 'id');
      const createdAt = r.time('created');
      const text = r.text(4, L.textBytes, 'text');
      const count = r.u8('thumbnail count');
      if (count > L.thumbnails) throw new DecodeError('too-large', `${count} thumbnails`);
      const thumbnails = Array.from({ length: count }, () => readThumbnail(r));
      const audience = readAudience(r);
      const mirrored = r.u8('mirrored flag');
      if (mirrored > 1) throw new DecodeError('malformed', 'message: bad mirrored flag');
      const mirroredFrom = mirrored
        ? { source: 'facebook' as const, publishedAt: r.time('published') }
        : null;
      return { kind, id, createdAt, text, thumbnails, audience, mirroredFrom };
    }
    case 'direct':
      return {
        kind,
        id: readId(r, 'id'),
        createdAt: r.time('created'),
        text: r.text(4, L.textBytes, 'text'),
      };
    case 'reply': {
      const id = readId(r, 'id');
      const createdAt = r.time('created');
      const postAuthor = r.fixed(FINGERPRINT_BYTES, 'post author');
      const postId = readId(r, 'post id');
      const hasParent = r.u8('parent flag');
      if (hasParent > 1) throw new DecodeError('malformed', 'message: bad parent flag');
      const parentReplyId = hasParent ? readId(r, 'parent') : null;
      const v = r.u8('visibility');
      if (v !== 1 && v !== 2) throw new DecodeError('malformed', 'message: bad visibility');
      const text = r.text(4, L.textBytes, 'text');
      return {
        kind,
        id,
        createdAt,
        postAuthor,
        postId,
        parentReplyId,
        visibility: v === 1 ? 'public' : 'private',
        text,
      };
    }
    case 'profile': {
      const updatedAt = r.time('updated');
      const name = r.text(1, L.nameBytes, 'name');
      const status = r.text(2, L.statusBytes, 'status');
      const hasAvatar = r.u8('avatar flag');
      if (hasAvatar > 1) throw new DecodeError('malformed', 'message: bad avatar flag');
      const avatar = hasAvatar ? readThumbnail(r) : null;
      const hasHome = r.u8('home flag');
      if (hasHome > 1) throw new DecodeError('malformed', 'message: bad home flag');
      const home = hasHome ? r.bytesOf(2, L.homeCardBytes, 'home card') : null;
      return { kind, updatedAt, name, status, avatar, home };
    }
    case 'friend-request': {
      const request = {
        kind,
        id: readId(r, 'id'),
        createdAt: r.time('created'),
        introduction: r.text(2, L.introductionBytes, 'introduction'),
        card: r.bytesOf(2, L.cardBytes, 'card'),
      };
      const hasProof = r.u8('pairing flag');
      if (hasProof > 1) throw new DecodeError('malformed', 'message: bad pairing flag');
      return {
        ...request,
        pairingProof: hasProof ? r.fixed(PAIRING_PROOF_BYTES, 'pairing proof') : null,
      };
    }
    case 'friend-list': {
      const updatedAt = r.time('updated');
      const count = r.u16('friend count');
      if (count > L.friendListEntries) throw new DecodeError('too-large', `${count} friends`);
      const friends = Array.from({ length: count }, () => ({
        fingerprint: r.fixed(20, 'friend fingerprint'),
        name: r.text(1, L.nameBytes, 'friend name'),
      }));
      return { kind, updatedAt, friends };
    }
    case 'shared-reply':
      return {
        kind,
        createdAt: r.time('created'),
        authorName: r.text(1, L.nameBytes, 'author name'),
        authorKey: r.bytesOf(2, L.publicKeyBytes, 'author key'),
        signedData: r.bytesOf(2, L.sharedSignedBytes, 'signed data'),
        signature: r.bytesOf(2, L.signatureBytes, 'signature'),
      };
    case 'home-friends': {
      const updatedAt = r.time('updated');
      const count = r.u16('card count');
      if (count > L.homeFriends) throw new DecodeError('too-large', `${count} cards`);
      const cards = Array.from({ length: count }, () =>
        r.bytesOf(2, L.homeCardBytes, 'friend card'),
      );
      return { kind, updatedAt, cards };
    }
    case 'home-release':
      return { kind, releasedAt: r.time('released') };
  }
}
