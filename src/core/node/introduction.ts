/**
 * A stranger's friend request, on an introduction channel: opened by trial decryption,
 * accepted only as a friend request (anything else from a stranger is refused).
 *
 * Requests are cheap to make (anyone with the user's card), so: at most a few a minute are
 * even opened; only the newest request per person is kept (a new one replaces the older);
 * a person is announced once, on their first request; requests older than REQUEST_KEPT_MS are
 * dropped unanswered.
 */
import { open } from '../envelope/open';
import type { StoredMessage } from '../state/records';
import { SessionError } from '../sync/session-error';
import { TokenBucket } from '../token-bucket';
import { storedMessageOf } from './accept';
import type { NodeContext } from './context';

/** How long an unanswered request is kept and shown: as long as a request envelope lives. */
export const REQUEST_KEPT_MS = 14 * 86_400_000;

/** Introductions opened: a burst of 10, then 10 a minute, whoever sends them. */
export const newIntroductionLimit = (now: () => number) => new TokenBucket(10 / 60, 10, now);

export async function introduction(
  ctx: NodeContext,
  envelope: Uint8Array,
  limit: TokenBucket,
): Promise<void> {
  if (!limit.take()) throw new SessionError('rate-limited', 'too many friend requests');
  const result = await open(envelope, ctx.keyring, {
    now: ctx.now(),
    acceptRequestsFromStrangers: true,
  });
  if (!result.ok) throw new SessionError('protocol', `introduction refused: ${result.error.code}`);
  if (result.value.message.kind !== 'friend-request')
    throw new SessionError('protocol', 'an introduction must be a friend request');
  const id = result.value.envelope.id;
  if (await ctx.store.getMessage(id)) return;
  const sender = result.value.senderFingerprintHex;
  const earlier = await requestsKept(ctx, sender);
  await ctx.store.putMessage(
    storedMessageOf(result.value, ctx.now(), ctx.keyring.me.fingerprintHex),
  );
  for (const old of earlier) await ctx.store.deleteMessage(old.id);
  if (earlier.length === 0) ctx.events.friendRequest?.(result.value);
}

/** Requests kept from this sender; expired ones (from anyone) are deleted on the way. */
async function requestsKept(ctx: NodeContext, sender: string): Promise<StoredMessage[]> {
  const kept: StoredMessage[] = [];
  for (const m of await ctx.store.listMessages({ kind: 'friend-request' })) {
    if (m.receivedAt < ctx.now() - REQUEST_KEPT_MS) await ctx.store.deleteMessage(m.id);
    else if (m.authorFingerprint === sender) kept.push(m);
  }
  return kept;
}
