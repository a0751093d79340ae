/**
 * What a screen reader announces: every control on every screen of the popup and the options
 * page has a role and an accessible name (Chromium's accessibility tree, as assistive technology
 * reads it) — and the first run works by keyboard alone.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumExtensionBrowser } from '../../tools/browsers/chromium';
import { DIST } from '../../tools/build';

const INTERACTIVE = new Set([
  'button',
  'textbox',
  'checkbox',
  'radio',
  'combobox',
  'link',
  'tab',
  'switch',
  'slider',
  'spinbutton',
  'searchbox',
  'listbox',
  'menuitem',
]);

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
  properties?: { name: string; value: { value?: unknown } }[];
}

/** Controls a screen reader would announce without a name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  const controls = nodes.filter((n) => !n.ignored && INTERACTIVE.has(n.role?.value ?? ''));
  // The tree must really hold the screen's controls, or an empty list would prove nothing.
  expect(controls.length).toBeGreaterThan(1);
  return controls
    .filter((n) => !n.name?.value?.trim())
    .map((n) => `${n.role?.value} without a name`);
}

describe('screen reader names (chromium)', () => {
  let browser: ChromiumExtensionBrowser;
  afterAll(() => browser?.close());

  it('every control in the popup and the options page has a name', async () => {
    browser = await launchChromium({
      extensionDir: join(DIST, 'chromium'),
      profile: 'a11y',
      headless: true,
    });
    const pageOf = async (path: string) => {
      await browser.openExtensionPage(path);
      return browser.context.pages().find((p) => p.url().endsWith(path))!;
    };
    const popup = await pageOf('popup.html');
    await popup.locator('#display-name').waitFor();
    const problems: Record<string, string[]> = { 'first run': await unnamedControls(popup) };

    // By keyboard alone, each of the three steps: the name field has the focus on open and
    // Enter goes on; the passphrase field has it next and Enter starts Murmur; then the invite
    // step's "Go to Murmur" has it, and Enter goes to the Friends screen.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('display-name');
    await popup.keyboard.type('Ada');
    await popup.keyboard.press('Enter');
    await popup.locator('#first-passphrase').waitFor();
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('first-passphrase');
    problems.passphrase = await unnamedControls(popup);
    await popup.keyboard.press('Enter');
    const go = popup.getByRole('button', { name: 'Go to Murmur' });
    await go.waitFor({ timeout: 20_000 });
    expect(await go.evaluate((b) => b === document.activeElement)).toBe(true);
    problems.invite = await unnamedControls(popup);
    await popup.keyboard.press('Enter');
    await popup.locator('#my-card').waitFor({ timeout: 20_000 });
    problems.friends = await unnamedControls(popup);
    await popup.click('#tab-feed');
    await popup.getByRole('button', { name: "What's new, Ada?" }).click();
    await popup.locator('#compose').waitFor();
    await popup.click('#audience-chosen');
    problems.feed = await unnamedControls(popup);
    await popup.click('#tab-chats');
    problems.chats = await unnamedControls(popup);

    const options = await pageOf('options.html');
    await options.locator('#backup-make').waitFor({ timeout: 20_000 });
    await options.locator('#profile-status').waitFor();
    problems.options = await unnamedControls(options);

    expect(problems).toEqual({
      'first run': [],
      passphrase: [],
      invite: [],
      friends: [],
      feed: [],
      chats: [],
      options: [],
    });
  });
});
