/** Requests the background sends to its network host (channel `host`). */
import { isEmpty, isObject, isString } from '../core/guard';
import { defineRequest, type RequestMap } from './request-map';
import { isNetworkSettings } from './settings';
import type { HostStatus } from './status';

/** PeerJS ids: alphanumeric at both ends, dashes and underscores between. */
export const isPeerId = isString({ min: 2, max: 64, pattern: /^[A-Za-z0-9][\w-]*[A-Za-z0-9]$/ });

export const hostRequests = {
  'host.status': defineRequest<HostStatus>()(isEmpty),
  /** Idempotent: the same settings again change nothing and keep live connections. */
  'host.configure': defineRequest<HostStatus>()(
    isObject({ peerId: isPeerId, network: isNetworkSettings }),
  ),
} satisfies RequestMap;

export type HostRequests = typeof hostRequests;
