/**
 * Facebook cross-posting in the background: the content script's "mirror this post" requests
 * are answered here, from the user's settings, with an acknowledgement only. The first post
 * Murmur sees is always asked about, whatever the setting; after that, off means nothing is
 * shared, ask means the in-page prompt decides, automatic shares to the default audience.
 */
import { extensionSettings } from './extension-settings';
import type { Thumbnail } from '../core/messages/kinds';
import { TokenBucket } from '../core/token-bucket';
import type { ContentRequests, MirrorAck, MirroredPost } from '../messaging/content-requests';
import type { Handlers } from '../messaging/request-map';
import {
  DEFAULT_CROSSPOST_SETTINGS,
  isCrosspostSettings,
  type CrosspostSettings,
} from '../messaging/settings';
import type { CrosspostView } from '../messaging/views';
import type { SenderContext } from './sender';
import { thumbnailsFrom } from './thumbnails';

const SETTINGS = 'crosspost.settings';
/** The first-time question was answered (shared or skipped). */
const ASKED = 'crosspost.asked';
const UNRECOGNISED = 'crosspost.unrecognised';
const LAST_SHARED = 'crosspost.lastSharedAt';
/** A post's time on Facebook must be about now: this is a mirror, not an import. */
const PUBLISHED_SLACK_MS = 24 * 3600_000;

export interface CrosspostDeps {
  publish: (
    text: string,
    to: string[] | undefined,
    extra: { thumbnails: Thumbnail[]; mirroredFrom: { source: 'facebook'; publishedAt: number } },
  ) => Promise<unknown>;
}

export async function loadCrosspostSettings(): Promise<CrosspostSettings> {
  const stored = (await extensionSettings.get(SETTINGS))[SETTINGS];
  const checked = isCrosspostSettings(stored);
  return checked.ok ? checked.value : DEFAULT_CROSSPOST_SETTINGS;
}

export async function saveCrosspostSettings(settings: CrosspostSettings): Promise<CrosspostView> {
  await extensionSettings.set({ [SETTINGS]: settings });
  return crosspostView();
}

export async function crosspostView(): Promise<CrosspostView> {
  const stored = await extensionSettings.get([UNRECOGNISED, LAST_SHARED]);
  const unrecognised = stored[UNRECOGNISED] as CrosspostView['unrecognised'] | undefined;
  const last = stored[LAST_SHARED];
  return {
    ...(await loadCrosspostSettings()),
    unrecognised: unrecognised ?? null,
    lastSharedAt: typeof last === 'number' ? last : null,
  };
}

export function crosspostHandlers(deps: CrosspostDeps): Handlers<ContentRequests, SenderContext> {
  // Even a compromised Facebook tab cannot make us post in a loop: ten in a row, then one
  // every six seconds, is more than anyone writes.
  const bucket = new TokenBucket(10 / 60, 10);
  const asked = async () => (await extensionSettings.get(ASKED))[ASKED] === true;
  const ack = (outcome: MirrorAck['outcome']): MirrorAck => ({ outcome });

  async function share(
    post: MirroredPost,
    audience: 'all-friends' | 'default',
  ): Promise<MirrorAck> {
    if (Math.abs(post.publishedAt - Date.now()) > PUBLISHED_SLACK_MS)
      throw new RangeError('publishedAt is not about now');
    const settings = await loadCrosspostSettings();
    const to =
      audience === 'default' && settings.audience !== 'all-friends' ? settings.audience : undefined;
    await deps.publish(post.text, to, {
      thumbnails: thumbnailsFrom(post.thumbnails),
      mirroredFrom: { source: 'facebook', publishedAt: post.publishedAt },
    });
    await extensionSettings.set({ [LAST_SHARED]: Date.now(), [ASKED]: true });
    return ack('shared');
  }

  return {
    'mirror.post': async (post) => {
      if (!bucket.take()) return ack('busy');
      // The composer was recognised again: the warning in Options goes away.
      await extensionSettings.remove(UNRECOGNISED);
      const { mode } = await loadCrosspostSettings();
      if (!(await asked())) return ack('ask');
      if (mode === 'off') return ack('ignored');
      if (mode === 'ask') return ack('ask');
      return share(post, 'default');
    },
    'mirror.confirm': async (post) => {
      if (!bucket.take()) return ack('busy');
      // Only an answer to a prompt we asked for: with cross-posting off, nothing is shared.
      const { mode } = await loadCrosspostSettings();
      if ((await asked()) && mode === 'off') return ack('ignored');
      return share(post, post.audience);
    },
    'mirror.skip': async () => {
      await extensionSettings.set({ [ASKED]: true });
      return ack('skipped');
    },
    'mirror.unrecognised': async ({ reason, host }) => {
      const known = (await extensionSettings.get(UNRECOGNISED))[UNRECOGNISED];
      if (!known)
        await extensionSettings.set({ [UNRECOGNISED]: { since: Date.now(), reason, host } });
      return ack('noted');
    },
  };
}
