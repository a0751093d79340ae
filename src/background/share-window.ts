/**
 * The "Also share on Murmur?" question is asked in a window of the extension's own
 * (share.html), not in Facebook's page: a page can restyle, cover or click-jack anything drawn
 * inside it, while it cannot reach a separate extension window at all. One such window at a
 * time; a post arriving while it is open waits in the queue it shows (app/pending-mirrors.ts).
 */
import browser from 'webextension-polyfill';

const SIZE = { width: 440, height: 560 };

/** The window we opened, while this background lives (a restarted worker may open another). */
let openWindow: number | null = null;

async function focusExisting(): Promise<boolean> {
  if (openWindow === null) return false;
  try {
    await browser.windows.update(openWindow, { focused: true });
    return true;
  } catch {
    // Closed by the user since.
    openWindow = null;
    return false;
  }
}

export async function showShareWindow(): Promise<void> {
  if (await focusExisting()) return;
  const created = await browser.windows.create({
    url: browser.runtime.getURL('share.html'),
    type: 'popup',
    focused: true,
    ...SIZE,
  });
  openWindow = created.id ?? null;
}
