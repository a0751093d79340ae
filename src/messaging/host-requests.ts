/** Requests the background sends to its network host (channel `host`). */
import { isArray, isEmpty, isObject, isOptional, isString, type Guarded } from '../core/guard';
import { isFrameText, isLinkId, isTrackerPeerId, type Ack } from './link-events';
import { defineRequest, type RequestMap } from './request-map';
import { isNetworkSettings, isTrackerUrl } from './settings';
import type { ConnectionTestResult, HostStatus } from './status';

/** The tracker key's 32-byte seed, base64url (43 characters). */
export const isTrackerKey = isString({ min: 43, max: 43, pattern: /^[A-Za-z0-9_-]+$/ });

export const isInviteToken = isString({ min: 22, max: 22, pattern: /^[A-Za-z0-9_-]+$/ });
/** A friend to look for; `invite`: the token our calls to them show (core/identity/invite-token.ts). */
export const isFriendAddress = isObject({
  peerId: isTrackerPeerId,
  tracker: isTrackerUrl,
  invite: isOptional(isInviteToken),
});
export type FriendAddress = Guarded<typeof isFriendAddress>;

export const hostRequests = {
  'host.status': defineRequest<HostStatus>()(isEmpty),
  /** Options › Network › "Test my connection". */
  'host.test-connection': defineRequest<ConnectionTestResult>()(isEmpty),
  /**
   * Idempotent: the same settings again change nothing and keep live connections. A new
   * `epoch` (a background that restarted) closes every link: their sessions died with it.
   */
  'host.configure': defineRequest<HostStatus>()(
    isObject({
      trackerKey: isTrackerKey,
      network: isNetworkSettings,
      friends: isArray(isFriendAddress, { max: 5000 }),
      /** The user's invite secrets still honoured (base64url): callers proving one come in. */
      inviteSecrets: isArray(isString({ min: 22, max: 22, pattern: /^[A-Za-z0-9_-]+$/ }), {
        max: 8,
      }),
      epoch: isString({ min: 1, max: 64 }),
    }),
  ),
  'host.link.send': defineRequest<Ack>()(isObject({ link: isLinkId, frame: isFrameText })),
  'host.link.close': defineRequest<Ack>()(isObject({ link: isLinkId })),
  /** The session on this link proved the friend's key: no unproven channel may replace it. */
  'host.link.authenticated': defineRequest<Ack>()(isObject({ link: isLinkId })),
} satisfies RequestMap;

export type HostRequests = typeof hostRequests;
