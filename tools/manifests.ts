/**
 * Derives each browser's manifest from the one source `manifest.json`.
 * The source carries both background keys (it loads as-is in both browsers);
 * each build keeps only what its browser uses.
 */
import { invitePagePattern } from '../src/core/identity/invite-match';
import { LOCAL_TRACKER } from '../src/messaging/settings';

export type BrowserTarget = 'chromium' | 'firefox';

export const GECKO_ID = 'murmur@murmur-messenger.org';

/** The match pattern of the default tracker's invite page, where the invite content script runs. */
export function inviteMatchPattern(tracker: string): string {
  const pattern = invitePagePattern(tracker);
  if (!pattern) throw new Error(`the default tracker ${tracker} is not a tracker address`);
  return pattern;
}

type Json = Record<string, unknown>;

export function deriveManifest(
  source: Json,
  target: BrowserTarget,
  version: string,
  defaultTracker: string = LOCAL_TRACKER,
): Json {
  const manifest: Json = structuredClone(source);
  manifest.version = version;
  manifest.content_scripts = [
    ...((manifest.content_scripts as Json[] | undefined) ?? []),
    { matches: [inviteMatchPattern(defaultTracker)], js: ['invite.js'], run_at: 'document_start' },
  ];
  const permissions = [...((manifest.permissions as string[] | undefined) ?? [])];
  if (target === 'chromium') {
    // Service workers have no RTCPeerConnection, so PeerJS lives in an offscreen document.
    manifest.background = { service_worker: 'background.js' };
    permissions.push('offscreen');
    manifest.minimum_chrome_version = '116';
  } else {
    // Firefox MV3 runs an event page; it rejects a manifest with only `service_worker`.
    manifest.background = { scripts: ['background.js'] };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  manifest.permissions = permissions;
  return manifest;
}
