/** Requests the background sends to its network host (channel `host`). */
import { isEmpty, isObject, isString } from '../core/guard';
import { defineRequest, type RequestMap } from './request-map';
import { isNetworkSettings } from './settings';
import type { HostStatus } from './status';

/** The tracker key's 32-byte seed, base64url (43 characters). */
export const isTrackerKey = isString({ min: 43, max: 43, pattern: /^[A-Za-z0-9_-]+$/ });

export const hostRequests = {
  'host.status': defineRequest<HostStatus>()(isEmpty),
  /** Idempotent: the same settings again change nothing and keep live connections. */
  'host.configure': defineRequest<HostStatus>()(
    isObject({ trackerKey: isTrackerKey, network: isNetworkSettings }),
  ),
} satisfies RequestMap;

export type HostRequests = typeof hostRequests;
