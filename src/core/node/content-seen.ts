/**
 * Delivered content, remembered by who wrote it and its own id, beside the envelope ids.
 *
 * An envelope id names bytes; the same signed message in other bytes (sealed again by its
 * sender, or shared again by a post's author) would otherwise be stored and announced once per
 * envelope. The key is always under a signature checked by open(): nobody can use it to
 * suppress someone else's message.
 */
import { concatBytes, fromHex, toHex, utf8 } from '../bytes';
import { sha256 } from '../crypto/hash';
import type { Opened } from '../envelope/open';
import type { SeenRecord } from '../state/records';
import type { ContentKey } from '../state/content-key';
import { messageIdBytes, type MessageId } from '../messages/message-id';

const keyOf = (authorHex: string, id: MessageId): ContentKey =>
  toHex(
    sha256(concatBytes(utf8('murmur content seen'), fromHex(authorHex), messageIdBytes(id))),
  ) as ContentKey;

/** Author and item id of what the envelope carried; null for kinds where a repeat is harmless. */
export function contentKeyOf(opened: Opened): ContentKey | null {
  const m = opened.message;
  switch (m.kind) {
    case 'post':
    case 'direct':
    case 'reply':
    case 'friend-request':
      return keyOf(opened.senderFingerprintHex, m.id);
    case 'shared-reply': {
      const shared = opened.sharedReply;
      return shared ? keyOf(shared.authorFingerprintHex, shared.reply.id) : null;
    }
    default:
      // Profiles and friend lists replace older ones by time; answers and receipts are idempotent.
      return null;
  }
}

/** The marker kept in the seen table until the envelope that brought the content expires. */
export const contentSeenRecord = (key: ContentKey, expiresAt: number): SeenRecord => ({
  id: key,
  expiresAt,
  header: null,
  sender: null,
  deliveredBy: null,
  notify: [],
});
