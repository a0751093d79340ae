/**
 * Launches Debian's Chromium with the built extension in a fresh profile (playwright-core).
 * Flags measured in shared/BROWSER-TESTING.md: without the background-networking ones
 * Chromium floods the closed network with refused connections.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pollInPage, type ExtensionBrowser, type ExtensionPage } from './extension-page';

export const CHROMIUM_PATH = process.env.MURMUR_CHROMIUM ?? '/usr/bin/chromium';

export interface ChromiumOptions {
  extensionDir: string;
  profile: string;
  headless: boolean;
  /** Reuse this profile directory (kept on close) instead of a fresh temporary one. */
  userDataDir?: string;
  /** The system theme the pages see (prefers-color-scheme). */
  colorScheme?: 'light' | 'dark';
  /** Another Chromium launcher, e.g. one that runs it inside a NAT lab's namespace. */
  executablePath?: string;
}

export interface ChromiumExtensionBrowser extends ExtensionBrowser {
  kind: 'chromium';
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** CDP targets of the browser, e.g. to find the offscreen document (a `background_page`). */
  targets(): Promise<{ type: string; url: string }[]>;
  /** Stops every service worker, as Chromium does to an idle extension. */
  stopServiceWorkers(): Promise<void>;
}

export function wrapPlaywrightPage(page: Page): ExtensionPage {
  const evaluate = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
    page.evaluate(fn as (arg: unknown) => Promise<R>, arg);
  return {
    evaluate,
    evaluateSource: (source) => page.evaluate(source),
    waitFor: (fn, arg, timeoutMs = 10_000) =>
      pollInPage(() => evaluate(fn, arg), timeoutMs, fn.toString().slice(0, 80)),
    fill: (selector, text) => page.locator(selector).first().fill(text),
    click: (selector) => page.locator(selector).first().click(),
    clickButton: (name) => page.getByRole('button', { name, exact: true }).click(),
    clickTab: (name) => page.getByRole('tab', { name, exact: true }).click(),
    fillField: (name, text) => page.getByRole('textbox', { name, exact: true }).fill(text),
    setInputFile: (selector, path) => page.locator(selector).first().setInputFiles(path),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    textOf: async (selector, timeoutMs = 10_000) =>
      page.locator(selector).first().innerText({ timeout: timeoutMs }),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    resize: (width, height) => page.setViewportSize({ width, height }),
    emulateColorScheme: async (colorScheme) => {
      await page.emulateMedia({ colorScheme });
      return true;
    },
    isClosed: async () => page.isClosed(),
    close: () => page.close(),
  };
}

export async function launchChromium(options: ChromiumOptions): Promise<ChromiumExtensionBrowser> {
  const userDataDir =
    options.userDataDir ?? (await mkdtemp(join(tmpdir(), `murmur-${options.profile}-`)));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    headless: options.headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
    ],
    viewport: { width: 420, height: 600 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const serviceWorker = async () =>
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  const cdp = async () => context.newCDPSession(context.pages()[0] ?? (await context.newPage()));

  return {
    kind: 'chromium',
    profile: options.profile,
    context,
    extensionId,
    serviceWorker,
    closed: new Promise((resolve) => context.once('close', () => resolve())),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return wrapPlaywrightPage(page);
    },
    async openWebPage(url, serve) {
      const page = await context.newPage();
      if (process.env.MURMUR_DEBUG) page.on('console', (m) => console.log('page:', m.text()));
      await page.route('**/*', async (route) => {
        const response = serve(route.request().url());
        if (!response) return route.abort('internetdisconnected');
        await route.fulfill({
          status: 200,
          body: response.body,
          contentType: response.contentType,
        });
      });
      await page.goto(url);
      return wrapPlaywrightPage(page);
    },
    async openUrl(url) {
      const page = await context.newPage();
      await page.goto(url);
      return wrapPlaywrightPage(page);
    },
    async extensionWindow(path, timeoutMs = 15_000) {
      const url = `chrome-extension://${extensionId}/${path}`;
      const isThere = (p: Page) => p.url() === url || p.url().startsWith(`${url}#`);
      const page =
        context.pages().find((p) => isThere(p) && !p.isClosed()) ??
        (await context.waitForEvent('page', { predicate: isThere, timeout: timeoutMs }));
      await page.waitForLoadState('load');
      return wrapPlaywrightPage(page);
    },
    async targets() {
      const session = await cdp();
      const { targetInfos } = (await session.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string }[];
      };
      await session.detach();
      return targetInfos.map(({ type, url }) => ({ type, url }));
    },
    async stopServiceWorkers() {
      const session = await cdp();
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await session.detach();
    },
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
