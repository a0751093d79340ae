/** Options › Network, as a person does it: replace the tracker list with one address and save. */
import type { ExtensionBrowser } from './extension-page';

export async function useTracker(browser: ExtensionBrowser, trackerUrl: string): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  // That form's own button: other sections' buttons may be disabled until something is typed.
  await options.waitFor(() => {
    const form = document.querySelector('#trackers')?.closest('form');
    return !!form && !form.querySelector('button[disabled]');
  }, null);
  await options.fill('#trackers', trackerUrl);
  await options.click('form:has(#trackers) button[type=submit]');
  await options.waitFor(
    () => document.querySelector('form:has(#trackers) [role=status]')?.textContent,
    null,
  );
  await options.close();
}
