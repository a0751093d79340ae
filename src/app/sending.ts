/**
 * What the user sends: a direct message, a wall post (to all friends who accepted, or the chosen
 * ones), a reply. Each is sealed by the node and answered with its delivery status.
 */
import type { Message, PostMessage } from '../core/messages/kinds';
import type { MurmurNode } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import type { OutboxView } from '../messaging/views';
import { acceptedFriends } from './accepted-friends';
import { addressReply, type ReplyRequest } from './reply';
import { Refusal } from '../core/refusal';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { EnvelopeId } from '../core/envelope/envelope-id';
import { newMessageId } from '../core/messages/message-id';

export type PostExtras = Pick<PostMessage, 'thumbnails' | 'mirroredFrom'>;
export const NO_EXTRAS: PostExtras = { thumbnails: [], mirroredFrom: null };

export async function sendDirect(
  node: MurmurNode,
  to: Fingerprint,
  text: string,
): Promise<OutboxView> {
  const message: Message = { kind: 'direct', id: newMessageId(), createdAt: Date.now(), text };
  const entry = await node.send(message, [to]);
  return statusOfSent(node, entry.id);
}

/**
 * A wall post to all friends, or to the chosen ones (a saved list may name someone who is no
 * longer a friend: they are left out); `extra` for pictures and mirrored posts.
 */
export async function publish(
  node: MurmurNode,
  store: NodeStore,
  text: string,
  to: Fingerprint[] | undefined,
  extra: PostExtras,
): Promise<OutboxView> {
  const recipients =
    to?.filter((fp) => node.keyring.writableFriend(fp)) ??
    (await acceptedFriends(node.keyring, store));
  if (recipients.length === 0)
    throw new Refusal('no-recipients', 'add a friend first: nobody would see it');
  const message: PostMessage = {
    kind: 'post',
    id: newMessageId(),
    createdAt: Date.now(),
    text,
    audience: to ? { kind: 'chosen' } : { kind: 'all-friends' },
    ...extra,
  };
  const entry = await node.send(message, recipients);
  return statusOfSent(node, entry.id);
}

export async function sendReply(
  node: MurmurNode,
  store: NodeStore,
  request: ReplyRequest,
): Promise<OutboxView> {
  const { message, recipients } = await addressReply(
    store,
    node.keyring.me.fingerprintHex,
    request,
  );
  const entry = await node.send(message, recipients);
  return statusOfSent(node, entry.id);
}

/** A message just sent is in the outbox: its status is there. */
async function statusOfSent(node: MurmurNode, id: EnvelopeId): Promise<OutboxView> {
  const status = await node.status(id);
  if (!status) throw new Error('a message just sent is missing from the outbox');
  return status;
}
