/**
 * A person in a browser test: one browser profile with the built extension, kept on disk so
 * the person can go offline (close the browser) and come back (launch it again) as the same
 * Murmur. Talks to the background through the UI's own messaging (channel `ui`).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from '../../../tools/build';
import { launchChromium, type ChromiumExtensionBrowser } from '../../../tools/browsers/chromium';
import type {
  BrowserKind,
  ExtensionBrowser,
  ExtensionPage,
} from '../../../tools/browsers/extension-page';
import { launchFirefox } from '../../../tools/browsers/firefox';
import type { RequestOf, ResponseOf } from '../../../src/messaging/request-map';
import type { UiRequests } from '../../../src/messaging/ui-requests';
import type { FriendView } from '../../../src/messaging/views';
import { useTracker } from './profiles';

type Watched = { kind: 'texts'; texts: string[] } | { kind: 'online'; fingerprint: string };

export class Person {
  browser: ExtensionBrowser | null = null;
  private page: ExtensionPage | null = null;
  private dataDir = '';
  private readonly uuid = randomUUID();
  private configured = false;

  constructor(
    readonly name: string,
    readonly kind: BrowserKind,
    private readonly prefs: Record<string, string | number | boolean> = {},
    /** A launcher that runs the browser elsewhere (a NAT lab home), instead of the usual. */
    private readonly executablePath?: string,
  ) {}

  async launch(trackerUrl: string): Promise<void> {
    this.dataDir ||= await mkdtemp(join(tmpdir(), `murmur-e2e-${this.name}-`));
    const extensionDir = join(DIST, this.kind);
    this.browser =
      this.kind === 'chromium'
        ? await launchChromium({
            extensionDir,
            profile: this.name,
            headless: true,
            userDataDir: this.dataDir,
            executablePath: this.executablePath,
          })
        : await launchFirefox({
            extensionDir,
            profile: this.name,
            headless: true,
            userDataDir: this.dataDir,
            uuid: this.uuid,
            prefs: this.prefs,
            executablePath: this.executablePath,
          });
    if (!this.configured) {
      await useTracker(this.browser, trackerUrl);
      this.configured = true;
    }
    this.page = await this.browser.openExtensionPage('popup.html');
  }

  /** Closes the page we talk through: no extension page of ours stays open (nor polls). */
  async detach(): Promise<void> {
    await this.page?.close();
    this.page = null;
  }

  async attach(): Promise<void> {
    if (!this.browser) throw new Error(`${this.name} is offline`);
    this.page ??= await this.browser.openExtensionPage('popup.html');
  }

  get chromium(): ChromiumExtensionBrowser {
    if (this.browser?.kind !== 'chromium') throw new Error(`${this.name} is not in Chromium`);
    return this.browser as ChromiumExtensionBrowser;
  }

  /** One UI request, exactly as the popup sends it; throws the background's typed error. */
  async ui<K extends keyof UiRequests & string>(
    type: K,
    payload: RequestOf<UiRequests, K>,
  ): Promise<ResponseOf<UiRequests, K>> {
    if (!this.page) throw new Error(`${this.name} has no page open (offline or detached)`);
    const reply = (await this.page.evaluate(
      async (message) => {
        const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
        return (g.browser ?? g.chrome).runtime.sendMessage(message);
      },
      { murmur: 1, channel: 'ui', type, payload },
    )) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    if (!reply?.ok)
      throw new Error(`${this.name} ${type}: ${JSON.stringify(reply?.error ?? reply)}`);
    return reply.value as ResponseOf<UiRequests, K>;
  }

  /** Polls a UI request until `check` passes (the UI would re-render the same way). */
  async until<K extends keyof UiRequests & string>(
    type: K,
    payload: RequestOf<UiRequests, K>,
    check: (value: ResponseOf<UiRequests, K>) => boolean,
    what: string,
    timeoutMs = 20_000,
    everyMs = 100,
  ): Promise<ResponseOf<UiRequests, K>> {
    const deadline = Date.now() + timeoutMs;
    let last: ResponseOf<UiRequests, K> | undefined;
    while (Date.now() < deadline) {
      try {
        last = await this.ui(type, payload);
        if (check(last)) return last;
      } catch {
        // the background may be restarting; ask again
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
    throw new Error(
      `${this.name}: ${what} did not happen in ${timeoutMs} ms (last: ${JSON.stringify(last)})`,
    );
  }

  /**
   * Resolves with the time (ms since epoch, this machine's clock) at which a message with this
   * text was in this person's store, watched from their page every 5 ms.
   */
  async waitForText(text: string, timeoutMs = 20_000): Promise<number> {
    return this.waitForTexts([text], timeoutMs);
  }

  /** Like waitForText, for the moment the last of these texts was in the store. */
  async waitForTexts(texts: string[], timeoutMs = 20_000): Promise<number> {
    return this.watch({ kind: 'texts', texts }, timeoutMs);
  }

  /** The time at which this person's Murmur had a session with that friend (fingerprint). */
  async waitForOnline(fingerprint: string, timeoutMs = 20_000): Promise<number> {
    return this.watch({ kind: 'online', fingerprint }, timeoutMs);
  }

  /** Watches the store from this person's own page (no round trip to the test) every 5 ms. */
  private watch(what: Watched, timeoutMs: number): Promise<number> {
    if (!this.page) throw new Error(`${this.name} has no page open`);
    return this.page.evaluate(
      // No named inner functions: tsx would wrap them in a `__name` helper the page lacks.
      async ({ what, timeoutMs }) => {
        const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
        const runtime = (g.browser ?? g.chrome).runtime;
        const deadline = Date.now() + timeoutMs;
        while (Date.now() < deadline) {
          const reply = (await runtime.sendMessage(
            what.kind === 'online'
              ? { murmur: 1, channel: 'ui', type: 'friends.list', payload: {} }
              : {
                  murmur: 1,
                  channel: 'ui',
                  type: 'messages.list',
                  payload: { kind: 'direct', limit: Math.max(20, what.texts.length * 2) },
                },
          )) as {
            ok: boolean;
            value?: { fingerprint?: string; online?: boolean; text?: string }[];
          };
          const items = reply.value ?? [];
          const seen =
            what.kind === 'online'
              ? items.some((f) => f.fingerprint === what.fingerprint && f.online)
              : what.texts.every((t) => items.some((m) => m.text === t));
          if (seen) return Date.now();
          await new Promise((r) => setTimeout(r, 5));
        }
        throw new Error(`${what.kind}: not seen in ${timeoutMs} ms`);
      },
      { what, timeoutMs },
    );
  }

  /** Sends a direct message from this person's page; resolves with when it was sent. */
  async sendStamped(to: string, text: string): Promise<number> {
    if (!this.page) throw new Error(`${this.name} has no page open`);
    return this.page.evaluate(
      async ({ to, text }) => {
        const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
        const at = Date.now();
        await (g.browser ?? g.chrome).runtime.sendMessage({
          murmur: 1,
          channel: 'ui',
          type: 'messages.send',
          payload: { to, text },
        });
        return at;
      },
      { to, text },
    );
  }

  async goOffline(): Promise<void> {
    await this.browser?.close();
    this.browser = null;
    this.page = null;
  }

  async dispose(): Promise<void> {
    await this.goOffline();
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** Makes everyone friends with everyone in `pairs`, each side pasting the other's card. */
export async function befriend(pairs: [Person, Person][]): Promise<void> {
  for (const [a, b] of pairs) {
    const cardA = (await a.ui('identity.get', {}))!.card;
    const cardB = (await b.ui('identity.get', {}))!.card;
    await a.ui('friends.add', { card: cardB });
    await b.ui('friends.add', { card: cardA });
  }
}

/** Two people started with these names, made friends, and online to each other. */
export async function friendsOnline(
  [a, b]: [Person, Person],
  [nameA, nameB]: [string, string],
  trackerUrl: string,
): Promise<void> {
  await Promise.all([a.launch(trackerUrl), b.launch(trackerUrl)]);
  await a.ui('identity.create', { displayName: nameA });
  await b.ui('identity.create', { displayName: nameB });
  await befriend([[a, b]]);
  // Each side confirms the other once its own session is established: wait for both.
  const accepted = (f: FriendView[]) => f[0]?.online === true && !f[0].asked;
  await a.until('friends.list', {}, accepted, `${nameB} online, accepted`, 45_000);
  await b.until('friends.list', {}, accepted, `${nameA} online, accepted`, 45_000);
}
