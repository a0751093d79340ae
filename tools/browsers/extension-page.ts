/**
 * What tests and the run script need from an extension page, the same in both browsers
 * (Playwright drives Chromium, Puppeteer over WebDriver BiDi drives Firefox).
 */
export type BrowserKind = 'chromium' | 'firefox';

export interface ExtensionPage {
  /** Runs `fn` in the page (serialised: it may use only its argument and page globals). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Runs a script's source in the page as the test driver does (not page code, so the page's
   * content security policy, which forbids eval, does not apply): e.g. to install axe-core.
   */
  evaluateSource(source: string): Promise<unknown>;
  /** Polls `fn` in the page until it returns a truthy value, which is returned. */
  waitFor<A, R>(
    fn: (arg: A) => R | Promise<R>,
    arg: A,
    timeoutMs?: number,
  ): Promise<NonNullable<R>>;
  /** Types into a field as a person would (replacing what was there). */
  fill(selector: string, text: string): Promise<void>;
  click(selector: string): Promise<void>;
  /** Clicks the button with this accessible name, as a person would (once it is enabled). */
  clickButton(name: string): Promise<void>;
  /** Chooses the tab with this accessible name. */
  clickTab(name: string): Promise<void>;
  /** Types into the text field with this accessible name (its label), replacing what was there. */
  fillField(name: string, text: string): Promise<void>;
  /** Presses a key or chord (e.g. "Enter", "Shift+Tab") in the focused element, as a person would. */
  press(key: string): Promise<void>;
  /** Types text key by key into the focused element, as a person would. */
  type(text: string): Promise<void>;
  /** Chooses a file in a file input, as a person picking it in the dialog. */
  setInputFile(selector: string, path: string): Promise<void>;
  /** Visible text of the first element matching `selector`, waiting for it to exist. */
  textOf(selector: string, timeoutMs?: number): Promise<string>;
  screenshot(path: string): Promise<void>;
  /** The size of the page's window, as when a person makes it wider (CSS pixels). */
  resize(width: number, height: number): Promise<void>;
  /**
   * Shows the page as under a light or dark system theme, when the driver can (Chromium's);
   * false when it cannot (Firefox's theme is a launch preference: launch a dark profile).
   */
  emulateColorScheme(scheme: 'light' | 'dark'): Promise<boolean>;
  /** Whether the page is gone (closed by itself, the user or close()). */
  isClosed(): Promise<boolean>;
  close(): Promise<void>;
}

export interface WebResponse {
  body: string | Buffer;
  contentType: string;
}

export interface ExtensionBrowser {
  kind: BrowserKind;
  /** A label for logs and screenshot names, e.g. "alice". */
  profile: string;
  /** Opens popup.html, options.html, … of the installed extension in a new tab. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /**
   * Opens a web page at a real https URL whose responses come from `serve` (request
   * interception; nothing reaches the network): the real manifest match patterns and the
   * real content script apply. Requests `serve` does not answer fail.
   */
  openWebPage(url: string, serve: (url: string) => WebResponse | null): Promise<ExtensionPage>;
  /** Opens a real address (a loopback server of the test's own) in a new tab, as a person would. */
  openUrl(url: string): Promise<ExtensionPage>;
  /**
   * A page of the extension that the extension opened itself in a window or tab of its own
   * (e.g. share.html, or murmur.html with any #fragment), once loaded: one already open, or the
   * next to open within `timeoutMs`.
   */
  extensionWindow(path: string, timeoutMs?: number): Promise<ExtensionPage>;
  /** Resolves when the browser goes away (closed by the user or by close()). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export async function pollInPage<R>(
  attempt: () => Promise<R>,
  timeoutMs: number,
  what: string,
): Promise<NonNullable<R>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await attempt();
      if (value) return value;
    } catch (error) {
      // The page may still be loading (e.g. "Execution context was destroyed"); try again.
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${String(lastError)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
