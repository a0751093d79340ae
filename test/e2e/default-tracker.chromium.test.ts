/**
 * A store build made with `npm run package -- --tracker wss://…` starts with that tracker, and
 * the first screen says which tracker Murmur will use, with a way to change it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../tools/build';
import { launchChromium, type ChromiumExtensionBrowser } from '../../tools/browsers/chromium';
import { sendRaw } from './harness/profiles';

const STORE_TRACKER = 'wss://tracker.example.org/murmur';

describe('a store build with a default tracker', () => {
  let dist = '';
  let browser: ChromiumExtensionBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
    if (dist) await rm(dist, { recursive: true, force: true });
  });

  it('names it on the first screen and uses it', async () => {
    dist = await mkdtemp(join(tmpdir(), 'murmur-store-build-'));
    await buildAll({ defaultTracker: STORE_TRACKER, dist });
    browser = await launchChromium({
      extensionDir: join(dist, 'chromium'),
      profile: 'store',
      headless: true,
    });
    const popup = await browser.openExtensionPage('popup.html');
    const line = await popup.textOf('[data-testid=first-run-tracker]', 15_000);
    expect(line).toContain(`Murmur finds your friends through the tracker ${STORE_TRACKER}.`);
    expect(line).toContain('Change');
    const settings = await sendRaw(popup, {
      murmur: 1,
      channel: 'ui',
      type: 'settings.network.get',
      payload: {},
    });
    expect(settings).toMatchObject({ ok: true, value: { trackers: [STORE_TRACKER] } });
    // "Change" opens Options, where the tracker list is.
    const opened = browser.context.waitForEvent('page');
    await popup.click('[data-testid=first-run-tracker] button');
    const options = await opened;
    await options.waitForURL(/\/options\.html/);
    await options.locator('#trackers').waitFor();
    expect(await options.locator('#trackers').inputValue()).toBe(STORE_TRACKER);
  });
});
