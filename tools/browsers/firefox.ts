/**
 * Launches Firefox ESR with the built extension as a temporary add-on (puppeteer-core over
 * WebDriver BiDi; Playwright's Firefox needs a patched build). Facts from
 * shared/BROWSER-TESTING.md: the moz-extension UUID is pinned by a pref so pages can be
 * opened, and `page.goto` on such a URL never resolves, so we start it and poll.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
import { GECKO_ID } from '../manifests';
import { pollInPage, type ExtensionBrowser, type ExtensionPage } from './extension-page';

export const FIREFOX_PATH = process.env.MURMUR_FIREFOX ?? '/usr/bin/firefox-esr';

export interface FirefoxOptions {
  extensionDir: string;
  profile: string;
  headless: boolean;
  /** Extra prefs, e.g. `extensions.background.idle.timeout` to force suspension sooner. */
  prefs?: Record<string, string | number | boolean>;
  /** Reuse this profile directory (and the add-on's storage in it) across launches. */
  userDataDir?: string;
  /** The moz-extension UUID to pin (the same one again finds the same IndexedDB). */
  uuid?: string;
  /** Another Firefox launcher, e.g. one that runs it inside a NAT lab's namespace. */
  executablePath?: string;
}

export interface FirefoxExtensionBrowser extends ExtensionBrowser {
  kind: 'firefox';
  browser: Browser;
  uuid: string;
}

/**
 * Replaces a field's text as a paste over a selection does: one edit, with its input event.
 * Not Puppeteer's `fill`: that empties the field by setting `value` (no event) and then types,
 * so a page that re-renders in between (Preact puts its state's value back) ends up with the
 * old text and the new one run together — a tracker address "ws://…:9000/murmurws://…/murmur/".
 */
async function replaceText(field: ElementHandle<Element>, text: string): Promise<void> {
  const now = await field.evaluate((el, value) => {
    const element = el as HTMLElement;
    element.focus();
    if (element.isContentEditable) getSelection()?.selectAllChildren(element);
    else (element as HTMLInputElement).select();
    // execCommand is the one way to edit a field as the user does (it fires `input`).
    if (value) document.execCommand('insertText', false, value);
    else document.execCommand('delete');
    // No named helpers in here: tsx (benchmarks, tools) wraps them in a __name() the page lacks.
    const input = element as HTMLInputElement;
    if (!element.isContentEditable && input.value !== value) {
      // Fields whose text cannot be selected (type=number): set it, with its input event.
      input.value = value;
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }
    // A rich text editor may add its own line breaks: what it holds is its business.
    return element.isContentEditable ? value : input.value;
  }, text);
  if (now !== text) throw new Error(`the field holds "${now}" after typing "${text}"`);
}

function wrapPuppeteerPage(page: Page): ExtensionPage {
  const evaluate = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) =>
    page.evaluate(fn as (arg: unknown) => Promise<R>, arg) as Promise<R>;
  return {
    evaluate,
    evaluateSource: (source) => page.evaluate(source),
    waitFor: (fn, arg, timeoutMs = 15_000) =>
      pollInPage(() => evaluate(fn, arg), timeoutMs, fn.toString().slice(0, 80)),
    // A person switches to the tab before using it; Puppeteer's locators also need it: Firefox
    // runs no animation frames in a background tab, and they wait for one.
    fill: async (selector, text) => {
      await page.bringToFront();
      await replaceText(await page.locator(selector).waitHandle(), text);
    },
    click: async (selector) => {
      await page.bringToFront();
      await page.locator(selector).click();
    },
    clickButton: async (name) => {
      await page.bringToFront();
      await page.locator(`::-p-aria(${name}[role="button"])`).click();
    },
    clickTab: async (name) => {
      await page.bringToFront();
      await page.locator(`::-p-aria(${name}[role="tab"])`).click();
    },
    fillField: async (name, text) => {
      await page.bringToFront();
      await replaceText(
        await page.locator(`::-p-aria(${name}[role="textbox"])`).waitHandle(),
        text,
      );
    },
    press: async (key) => {
      await page.bringToFront();
      // Chords as Playwright writes them ("Shift+Tab"): Puppeteer presses one key at a time.
      const keys = key.length > 1 ? key.split('+') : [key];
      const last = keys.pop() as KeyInput;
      for (const modifier of keys) await page.keyboard.down(modifier as KeyInput);
      await page.keyboard.press(last);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier as KeyInput);
    },
    type: async (text) => {
      await page.bringToFront();
      await page.keyboard.type(text);
    },
    setInputFile: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
    textOf: (selector, timeoutMs = 15_000) =>
      pollInPage(
        () => evaluate((s) => document.querySelector<HTMLElement>(s)?.innerText ?? null, selector),
        timeoutMs,
        `text of ${selector}`,
      ),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    resize: (width, height) => page.setViewport({ width, height }),
    // Puppeteer emulates media features over CDP only, which Firefox does not speak.
    emulateColorScheme: async () => false,
    // Puppeteer is not told when an extension page closes its own window (the target stays
    // listed), but the browsing context is gone: evaluating in it fails with "no such frame".
    isClosed: async () =>
      page.isClosed() ||
      (await page
        .evaluate(() => false)
        .catch((error: unknown) => /no such frame/.test(String(error)))),
    close: () => page.close(),
  };
}

export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxExtensionBrowser> {
  const uuid = options.uuid ?? randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: options.executablePath ?? FIREFOX_PATH,
    headless: options.headless,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 420, height: 600 },
    userDataDir: options.userDataDir,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // A temporary add-on is uninstalled when the browser closes; a reused profile keeps
      // its storage so the next launch is the same Murmur.
      ...(options.userDataDir
        ? {
            'extensions.webextensions.keepStorageOnUninstall': true,
            'extensions.webextensions.keepUuidOnUninstall': true,
          }
        : {}),
      ...options.prefs,
    },
  });
  await browser.installExtension(options.extensionDir);
  return {
    kind: 'firefox',
    profile: options.profile,
    browser,
    uuid,
    closed: new Promise((resolve) => browser.once('disconnected', () => resolve())),
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${uuid}/${path}`;
      // Not awaited on purpose: it never resolves for moz-extension:// URLs.
      page.goto(url).catch(() => undefined);
      await pollInPage(
        () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url),
        15_000,
        `${path} to load`,
      );
      return wrapPuppeteerPage(page);
    },
    async openWebPage(url, serve) {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const response = serve(request.url());
        // Anything not served (favicon, …) is a plain 404; a request the browser already
        // dropped is no error of ours.
        request
          .respond(
            response
              ? { status: 200, body: response.body, contentType: response.contentType }
              : { status: 404, body: '', contentType: 'text/plain' },
          )
          .catch(() => undefined);
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return wrapPuppeteerPage(page);
    },
    async openUrl(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return wrapPuppeteerPage(page);
    },
    async extensionWindow(path, timeoutMs = 15_000) {
      const url = `moz-extension://${uuid}/${path}`;
      // BiDi reports no navigation to moz-extension:// URLs (targets stay "about:blank"), so
      // each page is asked where it is.
      const isThere = async (page: Page) =>
        !page.isClosed() &&
        (await page
          .evaluate(
            (u) =>
              (location.href === u || location.href.startsWith(`${u}#`)) &&
              document.readyState === 'complete',
            url,
          )
          .catch(() => false));
      const page = await pollInPage(
        async () => {
          for (const candidate of await browser.pages())
            if (await isThere(candidate)) return candidate;
          return null;
        },
        timeoutMs,
        `${path} to open`,
      );
      return wrapPuppeteerPage(page);
    },
    async close() {
      await browser.close();
    },
  };
}
