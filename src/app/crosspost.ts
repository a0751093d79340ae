/**
 * Facebook cross-posting: the content script's "mirror this post" requests
 * are answered here, from the user's settings, with an acknowledgement only. The first post
 * Murmur sees is always asked about, whatever the setting; after that, off means nothing is
 * shared, ask means the user decides in the share window, automatic shares to the default
 * audience. The answer comes from that window (an extension page, channel `ui`), never from the
 * content script: Facebook's page can forge nothing that reaches it.
 */
import type { SettingsPort } from './settings-port';
import type { Thumbnail } from '../core/messages/kinds';
import { TokenBucket } from '../core/token-bucket';
import type { ContentRequests, MirrorAck, MirroredPost } from '../messaging/content-requests';
import type { UiRequests } from '../messaging/ui-requests';
import type { Handlers } from '../messaging/request-map';
import {
  DEFAULT_CROSSPOST_SETTINGS,
  isCrosspostSettings,
  type CrosspostSettings,
} from '../messaging/settings';
import type { CrosspostView, LastPostOutcome } from '../messaging/views';
import { thumbnailsFrom } from './thumbnails';
import { PendingMirrors } from './pending-mirrors';
import type { Fingerprint } from '../core/identity/fingerprint';

const SETTINGS = 'crosspost.settings';
/** The first-time question was answered (shared or skipped). */
const ASKED = 'crosspost.asked';
const UNRECOGNISED = 'crosspost.unrecognised';
const LAST_POST = 'crosspost.lastPost';
/** A post's time on Facebook must be about now: this is a mirror, not an import. */
const PUBLISHED_SLACK_MS = 24 * 3600_000;

export interface CrosspostDeps {
  settings: SettingsPort;
  publish: (
    text: string,
    to: Fingerprint[] | undefined,
    extra: { thumbnails: Thumbnail[]; mirroredFrom: { source: 'facebook'; publishedAt: number } },
  ) => Promise<unknown>;
  /** Opens (or brings forward) the window that asks about pending posts. */
  ask: () => Promise<void>;
  /** Display names of these contacts, for "your usual audience". */
  namesOf: (fingerprints: string[]) => Promise<string[]>;
}

export async function loadCrosspostSettings(settings: SettingsPort): Promise<CrosspostSettings> {
  const stored = (await settings.get(SETTINGS))[SETTINGS];
  const checked = isCrosspostSettings(stored);
  return checked.ok ? checked.value : DEFAULT_CROSSPOST_SETTINGS;
}

export async function saveCrosspostSettings(
  settings: SettingsPort,
  chosen: CrosspostSettings,
): Promise<CrosspostView> {
  await settings.set({ [SETTINGS]: chosen });
  return crosspostView(settings);
}

export async function crosspostView(settings: SettingsPort): Promise<CrosspostView> {
  const stored = await settings.get([UNRECOGNISED, LAST_POST]);
  const unrecognised = stored[UNRECOGNISED] as CrosspostView['unrecognised'] | undefined;
  const last = stored[LAST_POST] as CrosspostView['lastPost'] | undefined;
  return {
    ...(await loadCrosspostSettings(settings)),
    unrecognised: unrecognised ?? null,
    lastPost: last ?? null,
  };
}

export interface Crosspost {
  /** For our content script on Facebook: acknowledgements only. */
  content: Handlers<ContentRequests, unknown>;
  /** For the share window (an extension page): the pending post, and the user's answer. */
  shareWindow: Pick<
    Handlers<UiRequests, unknown>,
    'mirror.pending' | 'mirror.share' | 'mirror.skip'
  >;
}

export function crosspost(deps: CrosspostDeps): Crosspost {
  const { settings } = deps;
  const pendingMirrors = new PendingMirrors(settings);
  // Even a compromised Facebook tab cannot make us post or ask in a loop: ten in a row, then
  // one every six seconds, is more than anyone writes.
  const bucket = new TokenBucket(10 / 60, 10);
  const asked = async () => (await settings.get(ASKED))[ASKED] === true;
  const ack = (outcome: MirrorAck['outcome']): MirrorAck => ({ outcome });
  let busyNoted = false;

  async function share(
    post: MirroredPost,
    audience: 'all-friends' | 'default',
  ): Promise<MirrorAck> {
    if (Math.abs(post.publishedAt - Date.now()) > PUBLISHED_SLACK_MS)
      throw new RangeError('publishedAt is not about now');
    const chosen = await loadCrosspostSettings(settings);
    const to =
      audience === 'default' && chosen.audience !== 'all-friends' ? chosen.audience : undefined;
    await deps.publish(post.text, to, {
      thumbnails: thumbnailsFrom(post.thumbnails),
      mirroredFrom: { source: 'facebook', publishedAt: post.publishedAt },
    });
    await settings.set({ [ASKED]: true });
    await noteLastPost('shared');
    return ack('shared');
  }

  async function askAbout(post: MirroredPost): Promise<MirrorAck> {
    await pendingMirrors.add(post);
    await noteLastPost('asking');
    await deps.ask();
    return ack('ask');
  }

  /** Options says what became of the last post, so "why is it not on Murmur?" has an answer. */
  const noteLastPost = (outcome: LastPostOutcome) =>
    settings.set({ [LAST_POST]: { at: Date.now(), outcome } });

  const content: Crosspost['content'] = {
    'mirror.post': async (post) => {
      if (!bucket.take()) {
        // Noted once per flood: a tab sending thousands must not cost a write each.
        if (!busyNoted) await noteLastPost('busy');
        busyNoted = true;
        return ack('busy');
      }
      busyNoted = false;
      // The composer was recognised again: the warning in Options goes away.
      await settings.set({ [UNRECOGNISED]: null });
      const { mode } = await loadCrosspostSettings(settings);
      if (!(await asked())) return askAbout(post);
      if (mode === 'off') {
        await noteLastPost('off');
        return ack('ignored');
      }
      if (mode === 'ask') return askAbout(post);
      return share(post, 'default');
    },
    'mirror.unrecognised': async ({ reason, host }) => {
      const known = (await settings.get(UNRECOGNISED))[UNRECOGNISED];
      if (!known) await settings.set({ [UNRECOGNISED]: { since: Date.now(), reason, host } });
      return ack('noted');
    },
  };

  const shareWindow: Crosspost['shareWindow'] = {
    'mirror.pending': async () => {
      const first = await pendingMirrors.first();
      if (!first) return null;
      const { post, waiting } = first;
      const { audience } = await loadCrosspostSettings(settings);
      return {
        id: post.id,
        text: post.text,
        thumbnails: post.thumbnails,
        publishedAt: post.publishedAt,
        usualAudience: audience === 'all-friends' ? audience : await deps.namesOf(audience),
        waiting,
      };
    },
    'mirror.share': async ({ id, audience }) => {
      const post = await pendingMirrors.take(id);
      // Answered already, or lapsed: nothing to share.
      if (!post) return ack('ignored');
      // Turned off since the question was asked (the first-time question is always answered).
      const { mode } = await loadCrosspostSettings(settings);
      if ((await asked()) && mode === 'off') {
        await noteLastPost('off');
        return ack('ignored');
      }
      return share(post, audience);
    },
    'mirror.skip': async ({ id }) => {
      await pendingMirrors.take(id);
      await settings.set({ [ASKED]: true });
      await noteLastPost('skipped');
      return ack('skipped');
    },
  };

  return { content, shareWindow };
}
