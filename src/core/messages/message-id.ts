/**
 * A message's own id: 16 random bytes its author chose, naming a post, direct message, reply or
 * friend request (replies name their post and parent by it). Messages carry it as lowercase hex,
 * branded, made only here: fresh for a new message, from the wire's 16 bytes, or checked when a
 * page names one. Not the envelope id, which names one sealed copy (envelope-id.ts).
 */
import { fromHex, randomBytes } from '../bytes';
import { hexId } from '../hex-id';

export type MessageId = string & { readonly brand: 'MessageId' };

export const MESSAGE_ID_BYTES = 16;

const MESSAGE_ID = hexId<MessageId>(MESSAGE_ID_BYTES, 'a message id');

/** An id for a message being written now. */
export const newMessageId = (): MessageId => MESSAGE_ID.fromBytes(randomBytes(MESSAGE_ID_BYTES));

/** An id as the message codec carries it: 16 bytes. */
export const messageIdFromBytes = MESSAGE_ID.fromBytes;

/** An id from a page: 32 lowercase hex digits, or refused. */
export const isMessageId = MESSAGE_ID.guard;

/** The 16 bytes the codec writes. */
export const messageIdBytes = (id: MessageId): Uint8Array => fromHex(id);
