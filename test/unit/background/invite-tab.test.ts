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

const tabs = vi.hoisted(() => ({
  created: [] as string[],
  updated: [] as [number, string][],
  closed: new Set<number>(),
  next: 1,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: (path: string) => `moz-extension://murmur/${path}` },
    tabs: {
      create: async ({ url }: { url: string }) => {
        tabs.created.push(url);
        return { id: tabs.next++ };
      },
      update: async (id: number, { url }: { url: string }) => {
        if (tabs.closed.has(id)) throw new Error(`Invalid tab ID: ${id}`);
        tabs.updated.push([id, url]);
        return { id };
      },
    },
  },
}));

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
    expect(await showInvite(card)).toEqual({});
    expect(tabs.created).toHaveLength(1);
    expect(tabs.created[0]).toMatch(/^moz-extension:\/\/murmur\/murmur\.html#invite=murmur1\./);

    // A page reloading itself in a loop: nothing more within the second.
    for (let i = 0; i < 50; i++) await showInvite(card);
    expect(tabs.created).toHaveLength(1);
    expect(tabs.updated).toHaveLength(0);

    // A second later, the same tab shows it again.
    vi.setSystemTime(11_000);
    await showInvite(card);
    expect(tabs.updated).toEqual([[1, tabs.created[0]]]);
    expect(tabs.created).toHaveLength(1);

    // The person closed that tab: a new one opens.
    tabs.closed.add(1);
    vi.setSystemTime(12_000);
    await showInvite(card);
    expect(tabs.created).toHaveLength(2);

    // Not a card (or a damaged one): nothing opens, and it spends no allowance.
    vi.setSystemTime(20_000);
    for (const bad of ['', 'hello', `${card.slice(0, -4)}AAAA`, card.repeat(2)])
      expect(await showInvite(bad)).toEqual({});
    expect(tabs.created).toHaveLength(2);
    expect(tabs.updated).toHaveLength(1);
    await showInvite(card);
    expect(tabs.updated).toEqual([
      [1, tabs.created[0]],
      [2, tabs.created[0]],
    ]);
  });
});
