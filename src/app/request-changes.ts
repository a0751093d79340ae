/**
 * What each request from a page changes, so every other open page is told (the popup and the
 * options page may both be open). Requests that only read are absent.
 */
import type { ContentRequests } from '../messaging/content-requests';
import { UPDATE_TOPICS, type UpdateTopic } from '../messaging/page-updates';
import type { UiRequests } from '../messaging/ui-requests';

type Changes<M> = { readonly [K in keyof M]?: readonly UpdateTopic[] };

/** A node that starts (or an identity restored) changes everything a page may show. */
const STARTED = UPDATE_TOPICS;

export const UI_REQUEST_CHANGES: Changes<UiRequests> = {
  'settings.network.set': ['settings', 'status'],
  'identity.create': STARTED,
  'identity.unlock': STARTED,
  'identity.import': STARTED,
  'identity.passphrase': ['identity'],
  'friends.add': ['friends'],
  'friends.verify': ['friends'],
  'friends.remove': ['friends', 'messages', 'unread'],
  'requests.answer': ['requests', 'friends'],
  'messages.send': ['messages'],
  'posts.publish': ['messages'],
  'replies.send': ['messages'],
  'relay.set': ['relay'],
  'conversations.read': ['unread'],
  // The feed was looked at: the Feed tab's mark for new posts goes.
  'feed.seen': ['unread'],
  'unread.clear': ['unread'],
  'settings.notifications.set': ['settings'],
  'profile.set': ['settings'],
  'fof.set': ['settings'],
  'lists.set': ['settings'],
  'crosspost.set': ['settings'],
  'mirror.share': ['messages', 'settings'],
  'mirror.skip': ['settings'],
  'backup.reminder.dismiss': ['settings'],
  'home.pair': ['friends'],
  'home.unpair': ['friends'],
};

/** A post handed over from Facebook changes what Options says about the last one (and the feed). */
export const CONTENT_REQUEST_CHANGES: Changes<ContentRequests> = {
  'mirror.post': ['messages', 'settings'],
  'mirror.unrecognised': ['settings'],
};

type Handler = (request: unknown, ctx: unknown) => Promise<unknown>;

/** The same handlers, each telling the pages what it changed once it has succeeded. */
export function tellingChanges<H extends object>(
  handlers: H,
  changes: Changes<Record<string, unknown>>,
  tell: (...topics: UpdateTopic[]) => void,
): H {
  const wrapped: Record<string, unknown> = { ...(handlers as Record<string, unknown>) };
  for (const [type, handle] of Object.entries(handlers) as [string, Handler][]) {
    const topics = changes[type];
    if (!topics) continue;
    wrapped[type] = async (request: unknown, ctx: unknown) => {
      const response = await handle(request, ctx);
      tell(...topics);
      return response;
    };
  }
  return wrapped as H;
}
