/**
 * Errors a person reads are in their language (house issue, point 7): a refusal travels from
 * the app through the router as a code, and the page shows the German sentence for it — never
 * the exception's English text. Every refusal has a sentence in every language we ship.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAccount, unlockIdentity } from '../../../src/app/account';
import { isObject, isString } from '../../../src/core/guard';
import { MemoryStore } from '../../../src/core/state/memory-store';
import { REFUSAL_CODES } from '../../../src/core/refusal';
import { createClient } from '../../../src/messaging/client';
import { defineRequest } from '../../../src/messaging/request-map';
import { dispatch, route } from '../../../src/messaging/router';
import { errorText, refusalKey } from '../../../src/ui/error-text';

type Catalogue = Record<string, { message: string }>;
const LOCALES = join(__dirname, '../../../src/_locales');
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;

// The page's i18n, as the browser would answer it for a German user.
const german = catalogue('de');
vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: {
      getMessage: (key: string, substitutions: string[] = []) =>
        (german[key]?.message ?? '').replace(/\$\w+\$/g, () => substitutions[0] ?? ''),
    },
  },
}));

const keepQuiet = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);

describe('errors in the user’s language', () => {
  it('a wrong passphrase reaches a German page as German, with no English in it', async () => {
    keepQuiet();
    const store = new MemoryStore();
    await createAccount(store, { get: async () => null, set: async () => undefined }, 'Jo', 'pw1');
    const map = {
      unlock: defineRequest<string>()(isObject({ passphrase: isString({ max: 99 }) })),
    };
    const handlers = {
      unlock: async ({ passphrase }: { passphrase: string }) => {
        const cache = { get: async () => null, set: async () => undefined };
        return (await unlockIdentity(store, cache, passphrase)).displayName;
      },
    };
    const routes = { ui: route(map, handlers, () => true) };
    const page = createClient<typeof map>('ui', async (m) =>
      dispatch(m, null, routes, { foreignChannels: [], answerMalformed: true }),
    );
    const shown = errorText(await page.request('unlock', { passphrase: 'nope' }).catch((e) => e));
    expect(shown).toBe('Diese Passphrase entsperrt den Schlüssel nicht.');
    expect(await page.request('unlock', { passphrase: 'pw1' })).toBe('Jo');
  });

  it('a bug is one German sentence with its code, not the exception text', () => {
    keepQuiet();
    const shown = errorText(new RangeError('Invalid time value'));
    expect(shown).toContain('schiefgegangen');
    expect(shown).not.toContain('Invalid time value');
  });

  it('every refusal, and every message, has a sentence in every shipped language', () => {
    const english = catalogue('en');
    for (const code of REFUSAL_CODES) expect(english[refusalKey(code)]?.message).toBeTruthy();
    for (const lang of readdirSync(LOCALES)) {
      const keys = Object.keys(catalogue(lang)).sort();
      expect(keys, `${lang} has the same messages as en`).toEqual(Object.keys(english).sort());
    }
  });
});
