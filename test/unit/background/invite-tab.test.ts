/**
 * An invite link opened in the browser opens Murmur's own tab (never the web page), and a page
 * cannot flood the browser with tabs: one tab serves every invite, reused, and nothing opens more
 * than once a second; what is not a well-formed card opens nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contactCardToText } from '../../../src/core/identity/contact-card';
import { createIdentity } from '../../../src/core/identity/identity';
// vi.mock below is hoisted above this import: the module sees the fake browser.
import { showInvite } from '../../../src/background/invite-tab';
import type { InviteOpening } from '../../../src/core/identity/invite-opening';
import { readInviteTabFragment } from '../../../src/messaging/invite-tab-address';

const tabs = vi.hoisted(() => ({
  created: [] as string[],
  updated: [] as [number, string][],
  /** Every address shown, created or updated, in order. */
  shown: [] as string[],
  closed: new Set<number>(),
  next: 1,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: (path: string) => `moz-extension://murmur/${path}` },
    tabs: {
      create: async ({ url }: { url: string }) => {
        tabs.created.push(url);
        tabs.shown.push(url);
        return { id: tabs.next++ };
      },
      update: async (id: number, { url }: { url: string }) => {
        if (tabs.closed.has(id)) throw new Error(`Invalid tab ID: ${id}`);
        tabs.updated.push([id, url]);
        tabs.shown.push(url);
        return { id };
      },
    },
  },
}));

/** A site of its own for each call, where a test is about the tab and not about sites. */
let sites = 0;
const anySite = (): InviteOpening => ({ ok: true, site: `site-${++sites}.example` });

describe('an opened invite link', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('opens one Murmur tab, reused, at most once a second, and nothing for a bad card', async () => {
    const ann = await createIdentity('Ann');
    const card = contactCardToText({
      publicKey: ann.publicKey.write(),
      displayName: 'Ann',
      peerId: `m${'a'.repeat(32)}`,
      tracker: 'wss://tracker.example/murmur',
      inviteSecret: null,
    });
    vi.setSystemTime(10_000);
    expect(await showInvite(card, anySite())).toEqual({});
    expect(tabs.created).toHaveLength(1);
    expect(tabs.created[0]).toMatch(/^moz-extension:\/\/murmur\/murmur\.html#invite=murmur1\./);

    // A page reloading itself in a loop: nothing more within the second.
    for (let i = 0; i < 50; i++) await showInvite(card, anySite());
    expect(tabs.created).toHaveLength(1);
    expect(tabs.updated).toHaveLength(0);

    // A second later, the same tab shows it again.
    vi.setSystemTime(11_000);
    await showInvite(card, anySite());
    expect(tabs.updated.map(([id]) => id)).toEqual([1]);
    expect(tabs.created).toHaveLength(1);

    // The person closed that tab: a new one opens.
    tabs.closed.add(1);
    vi.setSystemTime(12_000);
    await showInvite(card, anySite());
    expect(tabs.created).toHaveLength(2);

    // Not a card (or a damaged one): nothing opens, and it spends no allowance.
    vi.setSystemTime(20_000);
    for (const bad of ['', 'hello', `${card.slice(0, -4)}AAAA`, card.repeat(2)])
      expect(await showInvite(bad, anySite())).toEqual({});
    expect(tabs.created).toHaveLength(2);
    expect(tabs.updated).toHaveLength(1);
    await showInvite(card, anySite());
    expect(tabs.updated.map(([id]) => id)).toEqual([1, 2]);
  });

  it('opens at most three times a minute for one site, while other sites still can', async () => {
    const ann = await createIdentity('Ann');
    const card = contactCardToText({
      publicKey: ann.publicKey.write(),
      displayName: 'Ann',
      peerId: `m${'b'.repeat(32)}`,
      tracker: 'wss://tracker.example/murmur',
      inviteSecret: null,
    });
    const opened = () => tabs.created.length + tabs.updated.length;
    const before = opened();
    const pushy: InviteOpening = { ok: true, site: 'pushy.example' };
    // A page that navigates from invite to invite, a little more than a second apart.
    for (let i = 0; i < 10; i++) {
      vi.setSystemTime(100_000 + i * 1100);
      await showInvite(card, pushy);
    }
    expect(opened() - before).toBe(3);
    vi.setSystemTime(120_000);
    await showInvite(card, { ok: true, site: 'calm.example' });
    expect(opened() - before).toBe(4);
    // A minute on, the pushy site has one more.
    vi.setSystemTime(170_000);
    await showInvite(card, pushy);
    expect(opened() - before).toBe(5);
  });

  it('tells the tab the site, or why it refused: a redirect, or plain http off this computer', async () => {
    const ann = await createIdentity('Ann');
    const card = contactCardToText({
      publicKey: ann.publicKey.write(),
      displayName: 'Ann',
      peerId: `m${'c'.repeat(32)}`,
      tracker: 'wss://tracker.example/murmur',
      inviteSecret: null,
    });
    const last = () => tabs.shown.at(-1) ?? '';
    vi.setSystemTime(300_000);
    await showInvite(card, { ok: true, site: 'tracker.example' });
    expect(readInviteTabFragment(new URL(last()).hash)).toEqual({
      kind: 'offer',
      card,
      site: 'tracker.example',
    });
    vi.setSystemTime(302_000);
    await showInvite(card, { ok: false, reason: 'redirected', site: 'tracker.example' });
    expect(readInviteTabFragment(new URL(last()).hash)).toEqual({
      kind: 'refused',
      reason: 'redirected',
      site: 'tracker.example',
    });
    expect(last()).not.toContain(card.slice(0, 40)); // a refused card never reaches the tab
  });
});
