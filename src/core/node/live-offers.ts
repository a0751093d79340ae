/**
 * Offers made while sessions run, rather than at a session's start: a message just sent, a
 * relay copy just kept (or with more hops than before), and what is still undelivered when a
 * friend leaves (messages we would have handed them directly may now need relays).
 */
import type { EnvelopeId } from '../envelope/envelope-id';
import type { OutboxEntry } from '../state/records';
import { nowSeconds, type NodeContext } from './context';
import type { LiveSessions } from './live-sessions';
import { offerOfCopy, offerOfOutbox, shouldOfferCopy, shouldOfferOutbox } from './offers';

/** A message just sealed: offered at once to every friend it may go to. */
export function offerOutboxLive(ctx: NodeContext, sessions: LiveSessions, entry: OutboxEntry) {
  const now = nowSeconds(ctx);
  sessions.offer((peer, policy) =>
    policy &&
    shouldOfferOutbox(entry, peer, policy, now, sessions.has, ctx.keyring.me.fingerprintHex)
      ? offerOfOutbox(entry)
      : null,
  );
}

/** A session ended: what is undelivered is offered again to the friends that remain. */
export async function reofferOutbox(ctx: NodeContext, sessions: LiveSessions): Promise<void> {
  if (!sessions.anyWithPolicy()) return;
  for (const entry of await ctx.store.listOutbox())
    if (entry.bytes.length > 0) offerOutboxLive(ctx, sessions, entry);
}

/** A relay copy (new, or with more hops than before), to the friends it may serve. */
export async function offerCopyLive(
  ctx: NodeContext,
  sessions: LiveSessions,
  id: EnvelopeId,
  except?: string,
): Promise<void> {
  const copy = await ctx.store.getRelayCopy(id);
  if (copy)
    sessions.offer(
      (peer) =>
        shouldOfferCopy(copy, peer, nowSeconds(ctx), ctx.homeOf) ? offerOfCopy(copy) : null,
      except,
    );
}
