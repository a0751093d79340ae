/**
 * Requests the Facebook content script may send (channel `content`). This is an untrusted
 * context: its map is the whole of what it can ask, every payload is size-limited, and every
 * reply is an acknowledgement — never Murmur data (no names, no messages, no keys).
 */
import { isArray, isInteger, isLiteral, isObject, isString, type Guarded } from '../core/guard';
import { MESSAGE_LIMITS } from '../core/messages/kinds';
import { defineRequest, type RequestMap } from './request-map';
import { isThumbnailData } from '../core/messages/thumbnail-data';

const isMirroredPost = {
  text: isString({ min: 1, max: MESSAGE_LIMITS.textBytes }),
  /** Pictures attached on Facebook, shrunk in the page. */
  thumbnails: isArray(isThumbnailData, { max: MESSAGE_LIMITS.thumbnails }),
  /** When it was published on Facebook (ms). */
  publishedAt: isInteger({ min: 0, max: Number.MAX_SAFE_INTEGER }),
};

/**
 * shared: it went to Murmur. ask: Murmur asks the user in its own window. ignored:
 * cross-posting is off. skipped: the user said no. noted: the status was recorded. busy: too
 * many at once. (The content script gets no more than this, and never the user's answer.)
 */
export type MirrorOutcome = 'shared' | 'ask' | 'ignored' | 'skipped' | 'noted' | 'busy';
export interface MirrorAck {
  outcome: MirrorOutcome;
}

export const contentRequests = {
  /** The user published this on Facebook: share it if the settings say so, or say "ask". */
  'mirror.post': defineRequest<MirrorAck>()(isObject(isMirroredPost)),
  /** A composer was seen but not recognised: the options page shows it, nothing is sent. */
  'mirror.unrecognised': defineRequest<MirrorAck>()(
    isObject({
      reason: isString({ min: 1, max: 200 }),
      host: isLiteral('www.facebook.com', 'web.facebook.com', 'm.facebook.com'),
    }),
  ),
} satisfies RequestMap;

export type ContentRequests = typeof contentRequests;
export type MirroredPost = {
  [K in keyof typeof isMirroredPost]: Guarded<(typeof isMirroredPost)[K]>;
};
