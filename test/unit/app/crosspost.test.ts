/**
 * Facebook cross-posting (hostile-peers issue, point 15): the question is answered in Murmur's
 * own share window, never by the content script, and what waits for an answer is bounded in
 * number and time. The app decides, over the user's settings (in memory here).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  crosspost,
  crosspostView as viewOver,
  saveCrosspostSettings as saveOver,
} from '../../../src/app/crosspost';
import { memorySettings, type SettingsPort } from '../../../src/app/settings-port';
import {
  MAX_PENDING_MIRRORS,
  PENDING_MIRROR_TTL_MS,
  PendingMirrors,
} from '../../../src/app/pending-mirrors';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';

const facebookTab = {
  fromExtensionPage: false,
  fromContentScript: true,
  onFacebook: true,
  onInvitePage: false,
  url: '',
};
const shareWindowPage = {
  fromExtensionPage: true,
  fromContentScript: false,
  onFacebook: false,
  onInvitePage: false,
  url: '',
};
const ANN = 'a1'.repeat(20) as Fingerprint;
const post = (text: string) => ({ text, thumbnails: [], publishedAt: Date.now() });

function harness() {
  const published: { text: string; to: string[] | undefined }[] = [];
  let windowsShown = 0;
  const { content, shareWindow } = crosspost({
    settings,
    publish: async (text, to) => published.push({ text, to }),
    ask: async () => void windowsShown++,
    namesOf: async (fingerprints) => fingerprints.map((f) => `name of ${f}`),
  });
  return { content, shareWindow, published, windowsShown: () => windowsShown };
}

let settings: SettingsPort = memorySettings();
let pendingMirrors = new PendingMirrors(settings);
const crosspostView = () => viewOver(settings);
const saveCrosspostSettings = (chosen: Parameters<typeof saveOver>[1]) =>
  saveOver(settings, chosen);
beforeEach(() => {
  settings = memorySettings();
  pendingMirrors = new PendingMirrors(settings);
});

describe('the share window answers, the Facebook tab cannot', () => {
  it('the first post is asked about in the window, shows its text, and shares once on Share', async () => {
    const { content, shareWindow, published, windowsShown } = harness();
    await saveCrosspostSettings({ mode: 'auto', audience: [ANN] });
    const ack = await content['mirror.post'](post('At the crag'), facebookTab);
    expect(ack.outcome).toBe('ask');
    expect(windowsShown()).toBe(1);
    expect(published).toEqual([]);

    const pending = await shareWindow['mirror.pending']({}, shareWindowPage);
    expect(pending).toMatchObject({ text: 'At the crag', usualAudience: [`name of ${ANN}`] });
    expect((await crosspostView()).lastPost?.outcome).toBe('asking');

    const id = pending?.id ?? '';
    const answer = { id, audience: 'default' as const };
    expect((await shareWindow['mirror.share'](answer, shareWindowPage)).outcome).toBe('shared');
    // A second click, or a replayed answer, shares nothing more.
    expect((await shareWindow['mirror.share'](answer, shareWindowPage)).outcome).toBe('ignored');
    expect(published).toEqual([{ text: 'At the crag', to: [ANN] }]);
    expect(await shareWindow['mirror.pending']({}, shareWindowPage)).toBeNull();
  });

  it('a Facebook page that forges the answer to "share?" has no request to send it with', () => {
    const { content } = harness();
    expect(Object.keys(content).sort()).toEqual(['mirror.post', 'mirror.unrecognised']);
  });

  it('Skip shares nothing; off asks nothing; an answer after turning off shares nothing', async () => {
    const { content, shareWindow, published } = harness();
    await saveCrosspostSettings({ mode: 'ask', audience: 'all-friends' });
    await content['mirror.post'](post('Skipped'), facebookTab);
    const skipped = await shareWindow['mirror.pending']({}, shareWindowPage);
    await shareWindow['mirror.skip']({ id: skipped?.id ?? '' }, shareWindowPage);
    expect((await crosspostView()).lastPost?.outcome).toBe('skipped');

    await content['mirror.post'](post('Asked, then turned off'), facebookTab);
    const late = await shareWindow['mirror.pending']({}, shareWindowPage);
    await saveCrosspostSettings({ mode: 'off', audience: 'all-friends' });
    const answer = { id: late?.id ?? '', audience: 'all-friends' as const };
    expect((await shareWindow['mirror.share'](answer, shareWindowPage)).outcome).toBe('ignored');

    expect((await content['mirror.post'](post('Off'), facebookTab)).outcome).toBe('ignored');
    expect((await crosspostView()).lastPost?.outcome).toBe('off');
    expect(await shareWindow['mirror.pending']({}, shareWindowPage)).toBeNull();
    expect(published).toEqual([]);
  });
});

describe('what waits for an answer is bounded', () => {
  it(`keeps the newest ${MAX_PENDING_MIRRORS} posts, oldest first`, async () => {
    const now = Date.now();
    for (let i = 0; i < MAX_PENDING_MIRRORS + 3; i++)
      await pendingMirrors.add(post(`post ${i}`), now + i);
    const first = await pendingMirrors.first(now + 100);
    expect(first?.waiting).toBe(MAX_PENDING_MIRRORS);
    expect(first?.post.text).toBe('post 3');
  });

  it('lapses a question not answered within a day', async () => {
    const now = Date.now();
    const id = await pendingMirrors.add(post('yesterday'), now);
    expect(await pendingMirrors.first(now + PENDING_MIRROR_TTL_MS - 1)).not.toBeNull();
    expect(await pendingMirrors.first(now + PENDING_MIRROR_TTL_MS)).toBeNull();
    expect(await pendingMirrors.take(id, now + PENDING_MIRROR_TTL_MS)).toBeNull();
  });

  it('a Facebook tab that floods posts is stopped asking after ten', async () => {
    const { content, windowsShown } = harness();
    await saveCrosspostSettings({ mode: 'ask', audience: 'all-friends' });
    const outcomes = [];
    for (let i = 0; i < 12; i++)
      outcomes.push((await content['mirror.post'](post(`flood ${i}`), facebookTab)).outcome);
    expect(outcomes.filter((o) => o === 'busy').length).toBeGreaterThanOrEqual(2);
    expect(windowsShown()).toBeLessThanOrEqual(10);
    expect((await pendingMirrors.first())?.waiting).toBe(MAX_PENDING_MIRRORS);
    expect((await crosspostView()).lastPost?.outcome).toBe('busy');
  });
});
