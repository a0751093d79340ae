/**
 * The foundation's smoke test, run once per browser: several profiles at once, each with the
 * built extension; the background is up (with its offscreen host on Chromium), the popup shows
 * the status it got from the background, and the background registered with the tracker.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserKind, ExtensionBrowser } from '../../tools/browsers/extension-page';
import type { ChromiumExtensionBrowser } from '../../tools/browsers/chromium';
import { launchProfile, screenshot, sendRaw, useTracker } from './harness/profiles';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';

export function smokeSuite(kind: BrowserKind): void {
  describe(`smoke: ${kind}`, () => {
    let tracker: TrackerProcess;
    let profiles: ExtensionBrowser[] = [];

    beforeAll(async () => {
      tracker = await startTrackerProcess();
      profiles = await Promise.all(['alice', 'bob'].map((name) => launchProfile(kind, name)));
    });

    afterAll(async () => {
      await Promise.all(profiles.map((p) => p.close()));
      const exitCode = await tracker.stop();
      expect(exitCode, 'tracker exits cleanly on SIGTERM').toBe(0);
    });

    it('each profile registers with the tracker and Options › About shows the status', async () => {
      const seenIds: string[] = [];
      for (const profile of profiles) {
        await useTracker(profile, tracker.url);
        // The technical status lives in Options › About, not in the popup (product UI issue).
        const popup = await profile.openExtensionPage('options.html');
        const peerId = await popup
          .waitFor(
            () =>
              document
                .querySelector('[data-testid=status-tracker][data-state=connected]')
                ?.getAttribute('data-peer-id'),
            null,
            20_000,
          )
          .catch(async (error: unknown) => {
            // What the page said instead is the bug report.
            const said = await popup.evaluate(
              () => document.querySelector('[data-testid=status]')?.textContent ?? '(no status)',
              null,
            );
            throw new Error(`not connected; Options › About said: ${said}`, { cause: error });
          });
        const hostContext = await popup.evaluate(
          () => document.querySelector('[data-testid=status-host]')?.getAttribute('data-context'),
          null,
        );
        expect(hostContext).toBe(kind === 'chromium' ? 'offscreen' : 'background');
        expect(await popup.textOf('[data-testid=status-tracker]')).toContain(
          `connected as ${peerId}`,
        );
        expect(await popup.textOf('[data-testid=status-background]')).toMatch(
          /Murmur \d+\.\d+\.\d+/,
        );
        await tracker.waitForEvent((e) => e.event === 'peer-connected' && e.peerId === peerId);
        // Our content script runs inside facebook.com and can read storage.local: the tracker
        // key and every setting live elsewhere (hostile-peers issue, point 14).
        const readableByContentScripts = await popup.evaluate(async () => {
          type Area = { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } };
          const api =
            (globalThis as unknown as { browser?: Area; chrome?: Area }).browser ??
            (globalThis as unknown as { chrome: Area }).chrome;
          return Object.keys(await api.storage.local.get(null));
        }, null);
        expect(readableByContentScripts).toEqual([]);
        const shot = await screenshot(profile, popup, 'options-status');
        expect(existsSync(shot)).toBe(true);
        seenIds.push(peerId);
        await popup.close();
      }
      expect(new Set(seenIds).size, 'profiles have distinct peer ids').toBe(profiles.length);
    });

    if (kind === 'chromium') {
      it('the service worker runs and has created the offscreen network host', async () => {
        const browser = profiles[0] as ChromiumExtensionBrowser;
        expect((await browser.serviceWorker()).url()).toMatch(/\/background\.js$/);
        const targets = await browser.targets();
        expect(targets).toContainEqual({
          type: 'background_page',
          url: `chrome-extension://${browser.extensionId}/offscreen.html`,
        });
      });
    }

    it('bad messages get typed error replies and the background keeps working', async () => {
      const page = await profiles[0]!.openExtensionPage('popup.html');
      const replies = await Promise.all(
        [
          'hello',
          { murmur: 1, channel: 'ui', type: 'no-such-request', payload: {} },
          { murmur: 1, channel: 'ui', type: 'settings.network.set', payload: { trackers: 'x' } },
          { murmur: 1, channel: 'ui', type: 'status', payload: { extra: true } },
          { murmur: 1, channel: 'nowhere', type: 'status', payload: {} },
          { murmur: 2, channel: 'ui', type: 'status', payload: {} },
        ].map((m) => sendRaw(page, m)),
      );
      const codes = replies.map((r) => (r as { error?: { code: string } }).error?.code);
      expect(codes).toEqual([
        'malformed-message',
        'unknown-type',
        'invalid-payload',
        'invalid-payload',
        'unknown-channel',
        'malformed-message',
      ]);
      const status = (await sendRaw(page, {
        murmur: 1,
        channel: 'ui',
        type: 'status',
        payload: {},
      })) as {
        ok: boolean;
      };
      expect(status.ok).toBe(true);
      await page.close();
    });
  });
}
