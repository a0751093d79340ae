/**
 * The network host tells the background about data channels to friends (channel `link`), and
 * the background answers with frames to send (host requests `host.link.*`). Frames are the
 * core's sync frames, base64url on the way (runtime messaging is JSON in Chromium).
 */
import { isBoolean, isEmpty, isObject, isString, type Guard } from '../core/guard';
import { MAX_FRAME_BYTES } from '../core/sync/frames';
import { isPeerId } from '../core/tracker/peer-id';
import { defineRequest, type RequestMap } from './request-map';

export const isLinkId = isString({ min: 1, max: 64, pattern: /^[\w-]+$/ });
export const isTrackerPeerId = isPeerId;
/** base64url of at most one sync frame. */
export const isFrameText: Guard<string> = isString({
  max: Math.ceil((MAX_FRAME_BYTES * 4) / 3) + 4,
  pattern: /^[A-Za-z0-9_-]*$/,
});

export type Ack = Record<string, never>;

export const linkEvents = {
  /** A data channel to a friend's peer id is open; binding = both DTLS fingerprints. */
  'link.open': defineRequest<Ack>()(
    isObject({
      link: isLinkId,
      peerId: isTrackerPeerId,
      initiator: isBoolean,
      binding: isString({ max: 1024, pattern: /^[A-Za-z0-9_-]*$/ }),
    }),
  ),
  'link.frame': defineRequest<Ack>()(isObject({ link: isLinkId, frame: isFrameText })),
  'link.closed': defineRequest<Ack>()(isObject({ link: isLinkId })),
  /** Channels to friends are open: a message every 20 s keeps Chromium's worker from sleeping. */
  'link.alive': defineRequest<Ack>()(isEmpty),
  /** What the host would report changed: a tracker's state, how a friend is reached. */
  'link.changed': defineRequest<Ack>()(isEmpty),
} satisfies RequestMap;

export type LinkEvents = typeof linkEvents;
