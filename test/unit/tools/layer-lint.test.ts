/** The architecture's boundaries are enforced by the linter: these imports must fail it. */
import { describe, expect, it } from 'vitest';
import { untypedLint } from './untyped-lint';

const eslint = untypedLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

/** Unread-count policy written into the background, as it once was. */
const BADGE_POLICY = `import browser from 'webextension-polyfill';
export async function announce(mine: boolean): Promise<void> {
  if (mine) return;
  const { unread, notify } = await browser.storage.local.get(['unread', 'notify']);
  const count = typeof unread === 'number' && unread >= 0 ? unread + 1 : 1;
  await browser.action.setBadgeText({ text: count > 999 ? '999' : String(count) });
  if (notify !== false) await browser.notifications.create({ type: 'basic', title: 'x', message: 'y', iconUrl: '' });
}
`;

describe('layer boundaries', () => {
  it.each([
    [
      'src/core/x.ts',
      "import Dexie from 'dexie';\nexport const d = Dexie;\n",
      'no-restricted-imports',
    ],
    [
      'src/core/x.ts',
      "import { Peer } from 'peerjs';\nexport const p = Peer;\n",
      'no-restricted-imports',
    ],
    [
      'src/core/x.ts',
      "import b from 'webextension-polyfill';\nexport const p = b;\n",
      'no-restricted-imports',
    ],
    ['src/core/x.ts', 'export const id = chrome.runtime.id;\n', 'no-restricted-globals'],
    ['src/core/x.ts', 'export const t = document.title;\n', 'no-restricted-globals'],
    ['src/core/x.ts', "export { dispatch } from '../messaging/router';\n", 'no-restricted-imports'],
    [
      'src/popup/x.ts',
      "export { startBackground } from '../background/main';\n",
      'no-restricted-imports',
    ],
    ['src/background/x.ts', "export * from '../popup/index';\n", 'no-restricted-imports'],
    ['src/content/x.ts', "export * from '../transport/network-host';\n", 'no-restricted-imports'],
    [
      'src/popup/x.ts',
      "import Dexie from 'dexie';\nexport const d = Dexie;\n",
      'no-restricted-imports',
    ],
    // The full tab is a context of its own: the screens it shares with the popup are a room.
    ['src/tab/x.ts', "export * from '../popup/index';\n", 'no-restricted-imports'],
    ['src/screens/x.ts', "export * from '../background/main';\n", 'no-restricted-imports'],
    ['src/background/x.ts', "export * from '../screens/murmur-app';\n", 'no-restricted-imports'],
    // The tracker imports only the core.
    ['signaling-server/x.ts', "export * from '../src/app/murmur';\n", 'no-restricted-imports'],
    [
      'signaling-server/x.ts',
      "export * from '../src/messaging/settings';\n",
      'no-restricted-imports',
    ],
    [
      'signaling-server/x.ts',
      "import { Peer } from 'peerjs';\nexport const p = Peer;\n",
      'no-restricted-imports',
    ],
    // A browser decision outside the wiring: the app never touches the browser...
    [
      'src/app/x.ts',
      "export const unread = () => browser.storage.local.get('ui.unread');\n",
      'no-restricted-globals',
    ],
    ['src/app/x.ts', "export { default } from 'webextension-polyfill';\n", 'no-restricted-imports'],
    // ...and the background only wires: deciding there, from what the browser says, is refused.
    ['src/background/x.ts', BADGE_POLICY, 'complexity'],
  ])('%s: %j is refused', async (file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it('allows what the layers permit', async () => {
    expect(
      await ruleIds('src/background/x.ts', "export * from '../transport/network-host';\n"),
    ).toEqual([]);
    // Wiring: one guard, then hand over.
    const wiring =
      "import browser from 'webextension-polyfill';\n" +
      'export async function badge(count: number) {\n' +
      '  if (count < 0) return;\n  await browser.action.setBadgeText({ text: String(count) });\n}\n';
    expect(await ruleIds('src/background/x.ts', wiring)).toEqual([]);
    expect(await ruleIds('src/popup/x.ts', "export * from '../ui/i18n';\n")).toEqual([]);
    expect(await ruleIds('src/core/x.ts', "export * from './guard';\n")).toEqual([]);
    expect(await ruleIds('src/tab/x.ts', "export * from '../screens/murmur-app';\n")).toEqual([]);
    expect(
      await ruleIds('signaling-server/x.ts', "export * from '../src/core/tracker/frames';\n"),
    ).toEqual([]);
  });
});
