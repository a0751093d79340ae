/** What a person sees of the layout: buttons that touch, a label larger than what it labels. */
import type { ExtensionPage } from '../../../tools/browsers/extension-page';

/**
 * The space in CSS pixels between a button named `first` and the next one on screen after it,
 * named `second` (0 or less: they touch or overlap); null when no such pair is on screen.
 */
export function gapAfterButton(
  page: ExtensionPage,
  first: string,
  second: string,
): Promise<number | null> {
  return page.evaluate(
    ([a, b]) => {
      for (const button of document.querySelectorAll('button')) {
        if (button.textContent?.trim() !== a) continue;
        // The next thing on screen: what is hidden between (a folded list) takes no place.
        let next = button.nextElementSibling;
        while (next && next.getClientRects().length === 0) next = next.nextElementSibling;
        if (!(next instanceof HTMLButtonElement) || next.textContent?.trim() !== b) continue;
        return next.getBoundingClientRect().left - button.getBoundingClientRect().right;
      }
      return null;
    },
    [first, second] as const,
  );
}

/** The rendered font size, in CSS pixels, of the first element matching `selector`. */
export function fontSizeOf(page: ExtensionPage, selector: string): Promise<number | null> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    return element ? parseFloat(getComputedStyle(element).fontSize) : null;
  }, selector);
}
