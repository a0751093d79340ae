/**
 * Sending, up to the outbox: the message sealed once for its friends, the outbox entry that
 * tracks each slot's delivery, and the user's own copy — written in one step, so a crash keeps
 * both or neither. Offering it to friends is the node's part.
 */
import { DEFAULT_HOP_LIMIT } from '../envelope/format';
import { seal } from '../envelope/seal';
import { signDetached } from '../identity/detached-signature';
import type { Message } from '../messages/kinds';
import type { OutboxEntry } from '../state/records';
import { nowSeconds, type NodeContext } from './context';
import { Refusal } from '../refusal';
import type { Fingerprint } from '../identity/fingerprint';
import type { Friend } from '../keyring';

export interface SendOptions {
  hopLimit?: number;
  /** How long relays may hold it (default 14 days). */
  ttlSeconds?: number;
}

export const DEFAULT_TTL_SECONDS = 14 * 24 * 3600;

export async function sealToOutbox(
  ctx: NodeContext,
  message: Message,
  recipients: Fingerprint[],
  options: SendOptions,
): Promise<OutboxEntry> {
  const friends = recipients.map((fp) => {
    const f = ctx.keyring.friend(fp);
    if (!f) throw new Refusal('not-a-friend', `not a friend: ${fp}`);
    if (f.keyExpiredAt !== null)
      throw new Refusal('friend-key-expired', `their key has expired: ${fp}`);
    return f;
  });
  refuseWhatAHomeMustNotRead(message, friends);
  const expiresAt = nowSeconds(ctx) + (options.ttlSeconds ?? DEFAULT_TTL_SECONDS);
  const sealed = await seal(message, friends, ctx.keyring.me, {
    expiresAt,
    hopLimit: options.hopLimit ?? DEFAULT_HOP_LIMIT,
  });
  const entry: OutboxEntry = {
    id: sealed.id,
    bytes: sealed.bytes,
    createdAt: ctx.now(),
    expiresAt,
    recipients: sealed.slots.map((s) => ({
      fingerprintHex: s.fingerprintHex,
      slot: s.slot,
      state: 'pending',
    })),
    heldBy: [],
    downstream: [],
    declinedBy: [],
  };
  const encoded = sealed.encodedMessage;
  await ctx.store.putSent(
    {
      id: sealed.id,
      authorFingerprint: ctx.keyring.me.fingerprintHex,
      kind: message.kind,
      message: encoded,
      conversationWith:
        message.kind === 'direct' && recipients.length === 1 ? (recipients[0] ?? null) : null,
      receivedAt: ctx.now(),
      signedData: encoded,
      signature: await signDetached(ctx.keyring.me, encoded),
    },
    entry,
  );
  return entry;
}

/**
 * A Murmur home carries what it is given and must read none of it: the only things sealed to a
 * home are its owner's instructions (its list of friends, its release), each to the home alone.
 */
function refuseWhatAHomeMustNotRead(message: Message, friends: readonly Friend[]): void {
  const homes = friends.filter((f) => f.homeOf !== null);
  const forHome = message.kind === 'home-friends' || message.kind === 'home-release';
  if (forHome ? homes.length === 1 && friends.length === 1 : homes.length === 0) return;
  throw new Refusal(
    'not-a-friend',
    forHome ? `${message.kind} goes to one home alone` : 'a Murmur home is never a recipient',
  );
}
