/** The host's side of the `link` channel: data-channel events sent to the background. */
import { toBase64Url } from '../core/bytes';
import type { Client } from '../messaging/client';
import type { LinkEvents } from '../messaging/link-events';
import type { LinkSink } from './friend-links';

/** Events go out in order: a frame never overtakes the open of its link. */
export function linkSinkTo(background: Client<LinkEvents>): LinkSink {
  let chain: Promise<unknown> = Promise.resolve();
  const post = (send: () => Promise<unknown>) => {
    // The background is gone (it restarts): its sessions died, so these frames have nowhere
    // to go; the next frames must still be sent, in order.
    chain = chain.then(send).catch(() => undefined);
  };
  return {
    open: (link, peerId, initiator, binding) =>
      post(() =>
        background.request('link.open', { link, peerId, initiator, binding: toBase64Url(binding) }),
      ),
    frame: (link, frame) =>
      post(() => background.request('link.frame', { link, frame: toBase64Url(frame) })),
    closed: (link) => post(() => background.request('link.closed', { link })),
    alive: () => post(() => background.request('link.alive', {})),
    changed: () => post(() => background.request('link.changed', {})),
  };
}
