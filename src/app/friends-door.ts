/**
 * Friends: adding one from a card (or accepting their request), the list with how each is
 * reached, checking an invite before it is accepted, verifying, removing and blocking.
 */
import type { Fingerprint } from '../core/identity/fingerprint';
import { Refusal } from '../core/refusal';
import type { FriendView } from '../messaging/views';
import { addContact } from './add-contact';
import type { AppContext } from './app-context';
import type { AppHandlers } from './app-requests';
import { removeContact } from './contacts';
import { withConnections } from './friend-connection';
import { declineRequest, requestById } from './friend-requests';
import { friendViews } from './friend-view';
import { friendsOfFriendsSettings } from './friends-of-friends';
import { previewInvite, requestsToShow } from './request-checks';
import { setVerified } from './walls';

type FriendRequests =
  | 'friends.add'
  | 'invites.preview'
  | 'friends.remove'
  | 'friends.list'
  | 'friends.verify'
  | 'requests.list'
  | 'requests.answer';

/** Friends as the app knows them, without how the network reaches them. */
async function friends(ctx: AppContext): Promise<FriendView[]> {
  const { show } = await friendsOfFriendsSettings(ctx.settings);
  const contacts = await ctx.contacts();
  return friendViews(contacts, await ctx.runningOrNull(), show);
}

/** The Friends list with how each friend is reached now (unknown while the host sleeps). */
export async function friendsWithConnections(ctx: AppContext): Promise<FriendView[]> {
  const [list, reach, outbox] = await Promise.all([
    friends(ctx),
    ctx.ports.network.reach(),
    ctx.store.listOutbox(),
  ]);
  return withConnections(list, { reach, outbox, nowSeconds: Math.floor(Date.now() / 1000) });
}

/**
 * Adds the person whose card was pasted. If they already asked us, they are a friend at
 * once; otherwise they are asked (our card and `introduction`, handed over when they are
 * online) and become a friend when they accept.
 */
export async function addFriend(
  ctx: AppContext,
  cardText: string,
  introduction = '',
): Promise<FriendView> {
  const { node, identity, contactKeys } = await ctx.running();
  const active = await ctx.reachable();
  const added = await addContact(node, identity, ctx.store, active, cardText, introduction);
  contactKeys.set(added.fingerprint, { state: 'valid', expiresAt: added.keyExpiresAt });
  ctx.friendsChanged();
  const view = (await friends(ctx)).find((f) => f.fingerprint === added.fingerprint);
  if (!view) throw new Error('the new contact is missing from the friends list');
  return view;
}

/** Remove: no longer a friend (they may ask again). Block: nothing from them, ever. */
async function removeFriend(ctx: AppContext, who: Fingerprint, block: boolean): Promise<void> {
  const running = await ctx.runningOrNull();
  const ours = running && { keyring: running.node.keyring, contactKeys: running.contactKeys };
  if (await removeContact(ctx.store, who, block ? 'block' : 'remove', ours)) ctx.friendsChanged();
}

export function friendsDoor(ctx: AppContext): AppHandlers<FriendRequests> {
  const requests = async () => {
    await ctx.life.now();
    return requestsToShow(ctx.store, await ctx.viewer());
  };
  return {
    'friends.add': ({ card, introduction }) => addFriend(ctx, card, introduction),
    'invites.preview': async ({ card }) =>
      previewInvite(ctx.store, (await ctx.running()).identity, card),
    'friends.remove': async ({ fingerprint, block }) => {
      await removeFriend(ctx, fingerprint, block);
      return friendsWithConnections(ctx);
    },
    'friends.list': () => friendsWithConnections(ctx),
    'friends.verify': async ({ fingerprint, verified }) => {
      await setVerified(ctx.store, fingerprint, verified);
      return verified;
    },
    'requests.list': requests,
    /** Accept: they become a friend (and our browsers connect). Decline: never shown again. */
    'requests.answer': async ({ id, accept }) => {
      await ctx.node();
      const request = await requestById(ctx.store, id);
      if (!request) throw new Refusal('request-missing', 'no such request');
      if (accept) await addFriend(ctx, request.card);
      else await declineRequest(ctx.store, request);
      return requests();
    },
  };
}
