/**
 * Murmur profiles for browser tests: the built extension in a fresh browser profile, pointed
 * at the test's tracker through the options page, as a user would do it.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT } from '../../../tools/build';
import { launchChromium } from '../../../tools/browsers/chromium';
import type {
  BrowserKind,
  ExtensionBrowser,
  ExtensionPage,
} from '../../../tools/browsers/extension-page';
import { launchFirefox } from '../../../tools/browsers/firefox';
import { expectAccessible } from './accessible';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

export function launchProfile(
  kind: BrowserKind,
  profile: string,
  prefs?: Record<string, string | number | boolean>,
  theme: 'light' | 'dark' = 'light',
): Promise<ExtensionBrowser> {
  const extensionDir = join(DIST, kind);
  return kind === 'chromium'
    ? launchChromium({ extensionDir, profile, headless: true, colorScheme: theme })
    : launchFirefox({
        extensionDir,
        profile,
        headless: true,
        // 0 = dark, 1 = light: what prefers-color-scheme reports to pages.
        prefs: {
          'layout.css.prefers-color-scheme.content-override': theme === 'dark' ? 0 : 1,
          ...prefs,
        },
      });
}

export { useTracker } from '../../../tools/browsers/use-tracker';

export async function screenshot(
  browser: ExtensionBrowser,
  page: ExtensionPage,
  name: string,
): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${browser.kind}-${browser.profile}-${name}.png`);
  await page.screenshot(path);
  return path;
}

/**
 * The screen in the light theme and, where the driver can show it dark (Chromium), in the dark
 * one too — checked by axe-core there, since contrast is the theme's business. `-dark` names it.
 */
export async function screenshotBothThemes(
  browser: ExtensionBrowser,
  page: ExtensionPage,
  name: string,
): Promise<void> {
  await screenshot(browser, page, name);
  if (!(await page.emulateColorScheme('dark'))) return;
  try {
    await expectAccessible(page, `${name}, dark`);
    await screenshot(browser, page, `${name}-dark`);
  } finally {
    await page.emulateColorScheme('light');
  }
}

/** Sends a raw runtime message from an extension page, as any extension context could. */
export function sendRaw(page: ExtensionPage, message: unknown): Promise<unknown> {
  return page.evaluate(async (m) => {
    const g = globalThis as unknown as {
      browser?: typeof chrome;
      chrome: typeof chrome;
    };
    return (g.browser ?? g.chrome).runtime.sendMessage(m);
  }, message);
}
