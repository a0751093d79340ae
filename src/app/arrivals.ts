/**
 * What each thing that arrives means, hooked into the node's events the way Briar's clients
 * hook into its sync layer: a friend's profile or friend list updates their contact; a message
 * is announced (badge, notification), and a public reply to the user's post is shared with
 * its audience; a stranger's request is announced once; a session with someone the user asked
 * confirms them and catches them up on the user's profile. Every change tells the pages.
 */
import type { Fingerprint } from '../core/identity/fingerprint';
import type { MurmurNode, NodeOptions } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import type { UpdateTopic } from '../messaging/page-updates';
import type { MessageView } from '../messaging/views';
import { confirmContact } from './contacts';
import { announceIfNew } from './friend-requests';
import { applyFriendUpdate } from './friend-updates';
import { catchUpProfile } from './profiles';
import { shareReply } from './reply';
import type { SettingsPort } from './settings-port';
import type { EnvelopeId } from '../core/envelope/envelope-id';

export interface ArrivalContext {
  store: NodeStore;
  settings: SettingsPort;
  /** Friends' names by fingerprint, as the user knows them. */
  names: ReadonlyMap<string, string>;
  changed: (...topics: UpdateTopic[]) => void;
  messageArrived?: (view: MessageView) => void;
  requestArrived?: (displayName: string) => void;
  /** A stored message as the user reads it. */
  viewOf(id: EnvelopeId): Promise<MessageView | null>;
  /** The node while Murmur runs (not during a restore, when the store is being replaced). */
  runningNode(): Promise<MurmurNode | null>;
}

export function arrivals(ctx: ArrivalContext) {
  return (node: () => MurmurNode): Pick<NodeOptions, 'events' | 'onSessionEstablished'> => ({
    onSessionEstablished: (peer) => void confirmed(ctx, peer.fingerprintHex),
    events: {
      friendRequest: (opened) => {
        ctx.changed('requests');
        void announceIfNew(ctx.store, opened, ctx.requestArrived);
      },
      message: (opened) => {
        const update = applyFriendUpdate(ctx.store, opened);
        if (update) {
          void update.then(() => ctx.changed('friends'));
          return;
        }
        ctx.changed('messages', 'unread');
        void shareReply(node(), ctx.store, opened, ctx.names);
        void ctx.viewOf(opened.envelope.id).then((view) => {
          if (view) ctx.messageArrived?.(view);
        });
      },
      outbox: () => ctx.changed('messages'),
      carried: () => ctx.changed('relay'),
    },
  });
}

/** A session with someone we had asked: they accepted. */
async function confirmed(ctx: ArrivalContext, fingerprint: Fingerprint): Promise<void> {
  await confirmContact(ctx.store, fingerprint);
  ctx.changed('friends');
  const node = await ctx.runningNode();
  if (node) await catchUpProfile(node, ctx.store, ctx.settings, fingerprint);
}
