/**
 * What each thing that arrives means, hooked into the node's events the way Briar's clients
 * hook into its sync layer: a friend's profile or friend list updates their contact; a message
 * is announced (badge, notification), and a public reply to the user's post is shared with
 * its audience; a stranger's request is announced once; a session with someone the user asked
 * confirms them and catches them up on the user's profile. Every change tells the pages.
 */
import type { Fingerprint } from '../core/identity/fingerprint';
import type { MurmurNode, NodeOptions } from '../core/node/node';
import type { AppContext } from './app-context';
import type { Attention } from './attention';
import { confirmContact } from './contacts';
import { announceIfNew } from './friend-requests';
import { applyFriendUpdate } from './friend-updates';
import { catchUpProfile } from './profiles';
import { viewOf } from './reading-door';
import { shareReply } from './reply';
import { applyHomeFriends } from './home-friends';
import { applyHomeRelease } from './home-release';
import { applyFriendHome } from './friend-homes';
import { announceHome, sawOurHome } from './my-home';
import { pairIfProven } from './home-role';
import { addFriend } from './friends-door';
import type { Opened } from '../core/envelope/open';
import { StoreClosedError } from '../core/state/store-port';

export function arrivals(attention: Attention) {
  return (ctx: AppContext) =>
    (
      node: () => MurmurNode,
    ): Pick<NodeOptions, 'events' | 'onSessionEstablished' | 'onSessionClosed'> => {
      const { store, ports } = ctx;
      return {
        onSessionEstablished: (peer) => {
          inBackground(confirmed(ctx, peer.fingerprintHex));
          inBackground(sawOurHome(ctx, peer.fingerprintHex));
        },
        onSessionClosed: (peer) => {
          if (peer) inBackground(sawOurHome(ctx, peer.fingerprintHex));
        },
        events: {
          friendRequest: (opened) => {
            if (ports.role === 'home') return inBackground(servedOwner(ctx, opened));
            ports.changed('requests');
            inBackground(announceIfNew(store, opened, (name) => attention.requestArrived(name)));
          },
          message: (opened) => {
            if (opened.message.kind === 'home-friends') {
              inBackground(
                applyHomeFriends(ctx, opened).then((applied) => applied && friendsMoved(ctx)),
              );
              return;
            }
            if (opened.message.kind === 'home-release') {
              inBackground(
                applyHomeRelease(ctx, opened).then((released) => released && friendsMoved(ctx)),
              );
              return;
            }
            const update = applyFriendUpdate(store, opened);
            if (update) {
              inBackground(
                update
                  .then(() => applyFriendHome(ctx, opened))
                  .then((homeMoved) => (homeMoved ? friendsMoved(ctx) : ports.changed('friends'))),
              );
              return;
            }
            ports.changed('messages', 'unread');
            inBackground(ctx.names().then((names) => shareReply(node(), store, opened, names)));
            inBackground(
              viewOf(ctx, opened.envelope.id).then((view) => {
                if (view) attention.messageArrived(view);
              }),
            );
          },
          outbox: () => ports.changed('messages'),
          carried: () => ports.changed('relay'),
          retired: () => ports.changed('relay'),
        },
      };
    };
}

/**
 * Work an arrival starts and nobody awaits. A store closed under it (the host is stopping) is
 * the expected end; anything else is a fault to see, never a rejection nobody handles.
 */
function inBackground(work: Promise<unknown>): void {
  work.catch((error: unknown) => {
    if (!(error instanceof StoreClosedError))
      console.error('Murmur: work after an arrival failed', error);
  });
}

/** Whom the network looks for changed, and the pages show friends afresh. */
function friendsMoved(ctx: AppContext): void {
  ctx.friendsChanged();
  ctx.ports.changed('friends');
}

/** A home takes no requests but its owner's pairing (home-role.ts); others are not kept. */
async function servedOwner(ctx: AppContext, opened: Opened): Promise<void> {
  const paired = await pairIfProven(ctx, opened, (card) => addFriend(ctx, card));
  await ctx.store.deleteMessage(opened.envelope.id);
  if (paired) ctx.ports.changed('friends');
}

/** A session with someone we had asked: they accepted. */
async function confirmed(ctx: AppContext, fingerprint: Fingerprint): Promise<void> {
  const homeNow = await confirmContact(ctx.store, fingerprint);
  ctx.ports.changed('friends');
  if (homeNow) await announceHome(ctx);
  const running = await ctx.runningOrNull();
  if (running) await catchUpProfile(running.node, ctx.store, ctx.settings, fingerprint);
}
