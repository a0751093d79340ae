/** What the user sends: a private message, a post to the friends they choose, a reply. */
import type { AppContext } from './app-context';
import type { AppHandlers } from './app-requests';
import { publish, sendDirect, sendReply } from './sending';
import { thumbnailsFrom } from './thumbnails';

type SendingRequests = 'messages.send' | 'posts.publish' | 'replies.send';

export function sendingDoor(ctx: AppContext): AppHandlers<SendingRequests> {
  return {
    'messages.send': async ({ to, text }) => sendDirect(await ctx.node(), to, text),
    'posts.publish': async ({ text, to, thumbnails }) =>
      publish(await ctx.node(), ctx.store, text, to, {
        thumbnails: thumbnailsFrom(thumbnails),
        mirroredFrom: null,
      }),
    'replies.send': async (request) => sendReply(await ctx.node(), ctx.store, request),
  };
}
