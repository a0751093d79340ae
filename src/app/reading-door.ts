/**
 * What the user reads: the feed and conversations, a wall, the chats list, pictures of the
 * people who wrote, a sent message's delivery; and what they have read (unread count, read
 * marks).
 */
import type { EnvelopeId } from '../core/envelope/envelope-id';
import type { MessageView } from '../messaging/views';
import type { AppContext } from './app-context';
import type { AppHandlers } from './app-requests';
import type { Attention } from './attention';
import { authorPictures } from './author-pictures';
import { conversationList } from './conversations';
import { listMessageViews, messageView } from './message-view';
import { profileOf } from './profiles';
import { wallOf } from './walls';
import { tabMarks } from './tab-marks';

type ReadingRequests =
  | 'messages.list'
  | 'conversations.list'
  | 'wall.get'
  | 'pictures.list'
  | 'outbox.status'
  | 'conversations.read'
  | 'feed.seen'
  | 'tabs.marks'
  | 'unread.get'
  | 'unread.clear';

/** A stored message as the user reads it. */
export async function viewOf(ctx: AppContext, id: EnvelopeId): Promise<MessageView | null> {
  const stored = await ctx.store.getMessage(id);
  return stored ? messageView(stored, await ctx.viewer(), await ctx.names()) : null;
}

export function readingDoor(ctx: AppContext, attention: Attention): AppHandlers<ReadingRequests> {
  const { store, settings } = ctx;
  return {
    'messages.list': async (query) =>
      listMessageViews(store, query, await ctx.viewer(), await ctx.names(), await ctx.online()),
    'conversations.list': async () =>
      conversationList(store, await ctx.contacts(), await ctx.online(), await attention.lastRead()),
    'wall.get': async ({ fingerprint }) => {
      const { node, identity } = await ctx.running();
      const profile = await profileOf(settings, identity);
      const [names, online] = [await ctx.names(), await ctx.online()];
      return wallOf(fingerprint, {
        store,
        me: identity,
        keyring: node.keyring,
        names,
        online,
        profile,
      });
    },
    'pictures.list': async () => authorPictures(store, settings, await ctx.viewer()),
    'outbox.status': async ({ id }) => (await ctx.node()).status(id),
    'conversations.read': ({ with: fingerprint }) => attention.markRead(fingerprint),
    'feed.seen': () => attention.feedSeen(),
    'tabs.marks': () => tabMarks(ctx, attention),
    'unread.get': () => attention.unreadCount(),
    'unread.clear': () => attention.clearUnread(),
  };
}
