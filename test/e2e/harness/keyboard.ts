/**
 * Moving about a page by keyboard alone, as a person without a mouse does: Tab (and Shift+Tab)
 * until the focus is on the control they want, then keys. The control is named by its role and
 * the name a screen reader would read; the walk is bounded, and a failure lists where the focus
 * went, which is the bug report.
 */
import { pollInPage, type ExtensionPage } from '../../../tools/browsers/extension-page';

export type Role = 'button' | 'tab' | 'textbox' | 'link' | 'checkbox';

export interface Target {
  role: Role;
  /**
   * The accessible name, whitespace collapsed; `startsWith` for rows named by more text, `any`
   * for the first control of the role.
   */
  name: string;
  match?: 'exact' | 'startsWith' | 'any';
}

/** Tab presses allowed to reach a control: more than any screen of ours has controls. */
const MAX_PRESSES = 120;

interface Controls {
  /** Every control in the Tab order (document order: no positive tabindex in Murmur). */
  list: { role: string; name: string }[];
  /** Where the focus is in it; -1 when on none (the page itself). */
  at: number;
}

/**
 * What a sighted keyboard user sees: the controls in Tab order with their roles and accessible
 * names (the parts of the computation we use), and which has the focus.
 */
const controls = (page: ExtensionPage): Promise<Controls> =>
  page.evaluate(() => {
    const candidates = document.querySelectorAll<HTMLElement>(
      'a[href], button, input, textarea, select, summary, [tabindex]',
    );
    const inOrder = [...candidates].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        el.getClientRects().length > 0 &&
        !el.closest('[hidden], [inert]'),
    );
    const list = inOrder.map((el) => {
      const tag = el.tagName.toLowerCase();
      const type = el.getAttribute('type') ?? '';
      const role =
        el.getAttribute('role') ??
        (tag === 'a'
          ? 'link'
          : tag === 'textarea' || (tag === 'input' && !['checkbox', 'radio'].includes(type))
            ? 'textbox'
            : tag === 'input'
              ? type
              : tag === 'button' || tag === 'summary'
                ? 'button'
                : tag);
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
      // Its own text, less what is hidden from assistive technology (decorative arrows, say).
      const shown = el.cloneNode(true) as HTMLElement;
      for (const hidden of shown.querySelectorAll('[aria-hidden=true]')) hidden.remove();
      const name =
        el.getAttribute('aria-label') ||
        labelledBy.trim() ||
        labels.map((l) => l.textContent ?? '').join(' ') ||
        (role === 'textbox' ? '' : shown.textContent) ||
        el.getAttribute('placeholder') ||
        el.getAttribute('title') ||
        '';
      return { role, name: name.replace(/\s+/g, ' ').trim() };
    });
    return { list, at: inOrder.indexOf(document.activeElement as HTMLElement) };
  }, null);

const focused = async (page: ExtensionPage) => {
  const { list, at } = await controls(page);
  return list[at] ?? { role: '', name: '' };
};

const matches = (at: { role: string; name: string }, target: Target) =>
  at.role === target.role &&
  (target.match === 'any' ||
    (target.match === 'startsWith' ? at.name.startsWith(target.name) : at.name === target.name));

/**
 * Moves the focus to `target` (the first such control on the page, reading down) with Tab, or
 * Shift+Tab when it is above — one press at a time, never past the page's ends, where the focus
 * would leave the page for the browser's own toolbar. From no control (the one focused went
 * away), Tab goes on from where it was, as browsers do. Waits for the control to show.
 */
export async function tabTo(page: ExtensionPage, target: Target): Promise<void> {
  // As a person waits for the screen to show it.
  await pollInPage(
    async () => (await controls(page)).list.some((control) => matches(control, target)),
    20_000,
    `${target.role} "${target.name}" to show`,
  ).catch(() => undefined); // the loop below says what the page held instead
  let seen = '';
  for (let press = 0; press <= MAX_PRESSES; press++) {
    const { list, at } = await controls(page);
    const to = list.findIndex((control) => matches(control, target));
    seen = list.map((c) => `${c.role}:${c.name.slice(0, 40)}`).join(' · ');
    if (at >= 0 && at === to) return;
    if (to < 0) break;
    await page.press(at >= 0 && to < at ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target.role} "${target.name}"; the Tab order: ${seen}`);
}

/** Tab to a control and press Enter on it. */
export async function activate(page: ExtensionPage, target: Target): Promise<void> {
  await tabTo(page, target);
  await page.press('Enter');
}

/** Tab to a text field and type into it. */
export async function typeInto(page: ExtensionPage, target: Target, text: string): Promise<void> {
  await tabTo(page, target);
  await page.type(text);
}

/**
 * Chooses a tab of a tab list as its keyboard users do: Tab reaches the list (only its chosen
 * tab is in the Tab order), the arrow keys go along it and choose.
 */
export async function chooseTab(page: ExtensionPage, name: string): Promise<void> {
  await tabTo(page, { role: 'tab', name: '', match: 'any' });
  for (let press = 0; press < 10; press++) {
    if (matches(await focused(page), { role: 'tab', name })) return;
    await page.press('ArrowRight');
  }
  throw new Error(`the arrow keys never reached the tab "${name}"`);
}

/** Waits until the focus is on `target` by itself (a screen that puts it there on opening). */
export async function focusIsOn(page: ExtensionPage, target: Target, timeoutMs = 20_000) {
  let last = { role: '', name: '' };
  try {
    await pollInPage(
      async () => matches((last = await focused(page)), target),
      timeoutMs,
      `the focus on ${target.role} "${target.name}"`,
    );
  } catch (error) {
    throw new Error(`the focus stayed on ${last.role} "${last.name}"`, { cause: error });
  }
}
