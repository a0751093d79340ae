/**
 * A stranger's friend request, on an introduction channel: opened by trial decryption,
 * accepted only as a friend request (anything else from a stranger is refused).
 */
import { open } from '../envelope/open';
import { SessionError } from '../sync/session-error';
import { storedMessageOf } from './accept';
import type { NodeContext } from './context';

export async function introduction(ctx: NodeContext, envelope: Uint8Array): Promise<void> {
  const result = await open(envelope, ctx.keyring, {
    now: ctx.now(),
    acceptRequestsFromStrangers: true,
  });
  if (!result.ok) throw new SessionError('protocol', `introduction refused: ${result.error.code}`);
  if (result.value.message.kind !== 'friend-request')
    throw new SessionError('protocol', 'an introduction must be a friend request');
  const isNew = !(await ctx.store.getMessage(result.value.envelope.id));
  await ctx.store.putMessage(
    storedMessageOf(result.value, ctx.now(), ctx.keyring.me.fingerprintHex),
  );
  if (isNew) ctx.events.friendRequest?.(result.value);
}
