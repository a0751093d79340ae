/**
 * Requests the Facebook content script may send (channel `content`). This is an untrusted
 * context: its map is the whole of what it can ask, and no reply may carry Murmur data.
 * Empty until cross-posting lands (issue 7): every content request is refused as unknown.
 */
import type { RequestMap } from './request-map';

export const contentRequests = {} satisfies RequestMap;

export type ContentRequests = typeof contentRequests;
