/**
 * The readable archive's entries: every post, reply and direct message the user can read, with
 * the exact bytes an OpenPGP signature covers and that signature. Received messages keep the
 * signature their author made (over the sealed content); the user's own messages keep the
 * detached signature made when they were sent (older ones, from before that, are signed now) —
 * either way `gpg --verify` checks them with the author's key.
 */
import * as openpgp from 'openpgp';
import { signDetached } from '../identity/detached-signature';
import type { Identity } from '../identity/identity';
import { decodeMessage } from '../messages/codec';
import type { Thumbnail } from '../messages/kinds';
import type { ContactRecord, StoredMessage } from '../state/records';
import type { MessageId } from '../messages/message-id';

export interface ArchiveEntry {
  id: string;
  kind: 'post' | 'reply' | 'direct';
  mine: boolean;
  authorFingerprint: string;
  authorName: string;
  createdAt: number;
  text: string;
  thumbnails: Thumbnail[];
  /** The other person of a conversation (direct messages). */
  conversationWith: string | null;
  /** Their name, as this user knows it. */
  conversationName: string | null;
  /** For replies: the post they answer (hex item id). */
  replyTo: MessageId | null;
  itemId: MessageId;
  mirroredFromFacebook: boolean;
  signedData: Uint8Array;
  /** Binary OpenPGP signature packet over signedData. */
  signature: Uint8Array;
}

export interface ArchiveKey {
  fingerprint: string;
  name: string;
  armoredPublicKey: string;
}

export async function archiveEntries(
  identity: Identity,
  contacts: ContactRecord[],
  messages: StoredMessage[],
  progress: (done: number, total: number) => void = () => undefined,
): Promise<ArchiveEntry[]> {
  const names = new Map(contacts.map((c) => [c.fingerprint, c.displayName]));
  const out: ArchiveEntry[] = [];
  let done = 0;
  for (const stored of messages) {
    if (++done % 1000 === 0) progress(done, messages.length);
    let message;
    try {
      message = decodeMessage(stored.message);
    } catch {
      continue; // A kind this version cannot read is left out, not guessed at.
    }
    if (message.kind !== 'post' && message.kind !== 'reply' && message.kind !== 'direct') continue;
    const mine = stored.authorFingerprint === identity.fingerprintHex;
    const signed =
      stored.signedData && stored.signature
        ? { data: stored.signedData, signature: stored.signature }
        : mine
          ? { data: stored.message, signature: await signDetached(identity, stored.message) }
          : null;
    if (!signed) continue;
    out.push({
      id: stored.id,
      kind: message.kind,
      mine,
      authorFingerprint: stored.authorFingerprint,
      authorName: mine
        ? identity.displayName
        : (names.get(stored.authorFingerprint) ?? stored.sharedBy?.authorName ?? '?'),
      createdAt: message.createdAt,
      text: message.text,
      thumbnails: message.kind === 'post' ? message.thumbnails : [],
      conversationWith: stored.conversationWith,
      conversationName: stored.conversationWith
        ? (names.get(stored.conversationWith) ?? stored.conversationWith)
        : null,
      replyTo: message.kind === 'reply' ? message.postId : null,
      itemId: message.id,
      mirroredFromFacebook: message.kind === 'post' && message.mirroredFrom !== null,
      signedData: signed.data,
      signature: signed.signature,
    });
  }
  progress(messages.length, messages.length);
  return out;
}

/**
 * The public keys that check the archive: the user's and every author's — friends' from their
 * contact, and those of people known only through replies a friend shared, from those replies.
 */
export async function archiveKeys(
  identity: Identity,
  contacts: ContactRecord[],
  authors: ReadonlySet<string>,
  messages: readonly StoredMessage[] = [],
): Promise<ArchiveKey[]> {
  const keys: ArchiveKey[] = [
    {
      fingerprint: identity.fingerprintHex,
      name: identity.displayName,
      armoredPublicKey: identity.publicKey.armor(),
    },
  ];
  for (const contact of contacts) {
    if (!authors.has(contact.fingerprint) || contact.fingerprint === identity.fingerprintHex)
      continue;
    const key = await openpgp.readKey({ binaryKey: contact.publicKey });
    keys.push({
      fingerprint: contact.fingerprint,
      name: contact.displayName,
      armoredPublicKey: key.armor(),
    });
  }
  const known = new Set(keys.map((k) => k.fingerprint));
  for (const m of messages) {
    if (!m.sharedBy || known.has(m.authorFingerprint) || !authors.has(m.authorFingerprint))
      continue;
    known.add(m.authorFingerprint);
    const key = await openpgp.readKey({ binaryKey: m.sharedBy.authorKey });
    keys.push({
      fingerprint: m.authorFingerprint,
      name: m.sharedBy.authorName,
      armoredPublicKey: key.armor(),
    });
  }
  return keys;
}
