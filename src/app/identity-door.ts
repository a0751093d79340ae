/**
 * The user's identity: made, imported, locked and unlocked, its passphrase and exported keys.
 * A new or unlocked identity starts the node, and the host learns who we are before the
 * answer goes back.
 */
import type { Identity } from '../core/identity/identity';
import type { IdentityView } from '../messaging/views';
import { identityViewOf } from './account';
import type { AppContext } from './app-context';
import type { AppHandlers } from './app-requests';
import { currentInviteSecret } from './invite-secrets';

type IdentityRequests =
  | 'identity.get'
  | 'identity.create'
  | 'identity.lock-state'
  | 'identity.unlock'
  | 'identity.passphrase'
  | 'identity.import'
  | 'identity.export';

/** The identity as pages show it: card, invite link (a new invite secret is made once). */
export async function identityView(ctx: AppContext, identity: Identity): Promise<IdentityView> {
  const invite = await currentInviteSecret(ctx.settings);
  // A new secret: the network host admits calls proving it from now on.
  if (invite.made) ctx.friendsChanged();
  return identityViewOf(identity, await ctx.ports.address(), invite.secret);
}

export function identityDoor(ctx: AppContext): AppHandlers<IdentityRequests> {
  const { life } = ctx;
  /** Started: the host learns our tracker key, friends and invite secrets first. */
  const started = async (identity: Identity) => {
    const view = await identityView(ctx, identity);
    await ctx.ports.network.configure();
    return view;
  };
  return {
    'identity.get': async () => {
      const running = await ctx.runningOrNull();
      return running ? identityView(ctx, running.identity) : null;
    },
    'identity.create': async ({ displayName, passphrase }) =>
      started(await life.create(displayName, passphrase)),
    'identity.lock-state': () => life.lockState(),
    'identity.unlock': async ({ passphrase }) => started(await life.unlock(passphrase)),
    'identity.passphrase': async ({ current, next }) => {
      await life.setPassphrase(current, next);
      return life.lockState();
    },
    'identity.import': async ({ armored, passphrase }) =>
      started(await life.import(armored, passphrase)),
    'identity.export': ({ passphrase }) => life.exportKeys(passphrase),
  };
}
