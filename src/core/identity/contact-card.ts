/**
 * A contact card: what one user hands another to become friends — public key, display name,
 * peer id, tracker address, optional one-time invite secret. Text form:
 *   murmur1.<base64url(card || checksum)>        link form: web+murmur:<text form>
 * and as an invite link, https://tracker/…/invite#<text form> (invite-link.ts).
 * The 4-byte checksum (SHA-256 prefix) turns a typo into a clear error instead of a wrong key.
 */
import { bytesEqual, concatBytes, fromBase64Url, toBase64Url } from '../bytes';
import { DecodeError } from '../codec/decode-error';
import { Reader } from '../codec/reader';
import { Writer } from '../codec/writer';
import { sha256 } from '../crypto/hash';
import { isPeerId, type PeerId } from '../tracker/peer-id';
import { INVITE_PAGE } from './invite-link';

export interface ContactCard {
  /** Binary transferable OpenPGP public key (v4). */
  publicKey: Uint8Array;
  displayName: string;
  peerId: string;
  tracker: string;
  /** 16 random bytes that let the holder's friend request be accepted without asking. */
  inviteSecret: Uint8Array | null;
}

export const CARD_VERSION = 1;
export const CARD_PREFIX = 'murmur1.';
export const CARD_LINK_SCHEME = 'web+murmur:';
export const CARD_LIMITS = { publicKey: 4096, displayName: 64, peerId: 64, tracker: 512 } as const;
const INVITE_SECRET_BYTES = 16;

export function encodeContactCard(card: ContactCard): Uint8Array {
  return new Writer()
    .u8(CARD_VERSION)
    .bytesOf(2, CARD_LIMITS.publicKey, card.publicKey)
    .text(1, CARD_LIMITS.displayName, card.displayName)
    .text(1, CARD_LIMITS.peerId, card.peerId)
    .text(2, CARD_LIMITS.tracker, card.tracker)
    .bytesOf(1, INVITE_SECRET_BYTES, card.inviteSecret ?? new Uint8Array())
    .finish();
}

export function decodeContactCard(bytes: Uint8Array): ContactCard {
  const r = new Reader(bytes, 'contact card');
  const version = r.u8('version');
  if (version !== CARD_VERSION)
    throw new DecodeError('unsupported-version', `contact card version ${version}`);
  const card: ContactCard = {
    publicKey: r.bytesOf(2, CARD_LIMITS.publicKey, 'public key'),
    displayName: r.text(1, CARD_LIMITS.displayName, 'display name'),
    peerId: r.text(1, CARD_LIMITS.peerId, 'peer id'),
    tracker: r.text(2, CARD_LIMITS.tracker, 'tracker'),
    inviteSecret: null,
  };
  const secret = r.bytesOf(1, INVITE_SECRET_BYTES, 'invite secret');
  if (secret.length !== 0 && secret.length !== INVITE_SECRET_BYTES)
    throw new DecodeError('malformed', 'contact card: invite secret must be 16 bytes');
  card.inviteSecret = secret.length ? secret : null;
  r.end();
  if (card.publicKey.length === 0)
    throw new DecodeError('malformed', 'contact card: no public key');
  return card;
}

export function contactCardToText(card: ContactCard): string {
  const body = encodeContactCard(card);
  return CARD_PREFIX + toBase64Url(concatBytes(body, sha256(body).slice(0, 4)));
}

export function contactCardToLink(card: ContactCard): string {
  return CARD_LINK_SCHEME + contactCardToText(card);
}

/** Accepts the text, link or invite-link form, with any whitespace a copy-paste may have added. */
export function contactCardFromText(text: string): ContactCard {
  let compact = text.replace(/\s+/g, '');
  if (compact.startsWith(CARD_LINK_SCHEME)) compact = compact.slice(CARD_LINK_SCHEME.length);
  compact = cardTextOfInviteLink(compact) ?? compact;
  if (!compact.startsWith(CARD_PREFIX))
    throw new DecodeError('malformed', `a contact card starts with "${CARD_PREFIX}"`);
  if (compact.length > 16_384) throw new DecodeError('too-large', 'contact card text is too long');
  const raw = fromBase64Url(compact.slice(CARD_PREFIX.length));
  if (!raw || raw.length < 5)
    throw new DecodeError('bad-checksum', 'contact card text is damaged (bad characters)');
  const body = raw.subarray(0, raw.length - 4);
  if (!bytesEqual(sha256(body).slice(0, 4), raw.subarray(raw.length - 4)))
    throw new DecodeError('bad-checksum', 'contact card text is damaged (checksum mismatch)');
  return decodeContactCard(body);
}

/**
 * The card's peer id, checked: whoever adds the card dials it, so only the form of §13 is taken
 * ("m" and 32 lowercase hex digits); the codec itself stays as lenient as §2's vector.
 */
export function peerIdOfCard(card: ContactCard): PeerId {
  const checked = isPeerId(card.peerId);
  if (!checked.ok) throw new DecodeError('malformed', `contact card: ${checked.reason}`);
  return checked.value;
}

/**
 * The card text inside an invite link (null if `text` is not one): what follows `#` on a page
 * named "invite". A pasted link and a link opened in the browser are read the same way.
 */
export function cardTextOfInviteLink(text: string): string | null {
  const hash = text.indexOf('#');
  if (hash < 0) return null;
  const page = text.slice(0, hash);
  const fragment = text.slice(hash + 1);
  if (!/^https?:\/\/[^/]/.test(page) || !page.endsWith(`/${INVITE_PAGE}`)) return null;
  return fragment.startsWith(CARD_PREFIX) ? fragment : null;
}
