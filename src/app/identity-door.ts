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

/**
 * The identity as pages show it: card and invite link. The first view makes an invite secret;
 * `newSecret` says so, because the network host must then learn to admit calls proving it.
 */
async function identityView(ctx: AppContext, identity: Identity) {
  const invite = await currentInviteSecret(ctx.settings);
  const view = identityViewOf(identity, await ctx.ports.address(), invite.secret);
  return { view, newSecret: invite.made };
}

export function identityDoor(ctx: AppContext): AppHandlers<IdentityRequests> {
  const { life } = ctx;
  /** Started: the host learns our tracker key, friends and invite secrets, once, first. */
  const started = async (identity: Identity): Promise<IdentityView> => {
    const { view } = await identityView(ctx, identity);
    await ctx.ports.network.configure();
    return view;
  };
  return {
    'identity.get': async () => {
      const running = await ctx.runningOrNull();
      if (!running) return null;
      const { view, newSecret } = await identityView(ctx, running.identity);
      if (newSecret) ctx.friendsChanged();
      return view;
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
