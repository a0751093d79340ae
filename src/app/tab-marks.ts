/**
 * What the Feed and Chats tabs carry, so news shows wherever the reader is: how many messages in
 * chats are unread (the sum of the chats list's counts), and how many friends' posts arrived
 * since the feed was last looked at (no further than the feed's first page: the mark says there
 * is something new, not how much).
 */
import type { TabMarksView } from '../messaging/views';
import type { AppContext } from './app-context';
import type { Attention } from './attention';
import { conversationList } from './conversations';

/** At most this many new posts are counted (the feed's first page). */
export const NEW_POSTS_COUNTED = 20;

export async function tabMarks(ctx: AppContext, attention: Attention): Promise<TabMarksView> {
  const [contacts, online, lastRead, seenAt, me] = await Promise.all([
    ctx.contacts(),
    ctx.online(),
    attention.lastRead(),
    attention.feedSeenAt(),
    ctx.viewer(),
  ]);
  const chats = await conversationList(ctx.store, contacts, online, lastRead);
  const posts = await ctx.store.listMessages({ kind: 'post', limit: NEW_POSTS_COUNTED });
  return {
    unreadInChats: chats.reduce((sum, c) => sum + c.unread, 0),
    newPosts: posts.filter(
      (p) => p.receivedAt > seenAt && p.authorFingerprint !== me?.fingerprintHex,
    ).length,
  };
}
