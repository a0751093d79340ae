/**
 * What asks for the user's attention when a friend writes: the toolbar badge with the number
 * of unread messages, and (unless switched off) a desktop notification. The count survives the
 * background being restarted; opening the popup clears it.
 */
import { extensionSettings } from './extension-settings';
import browser from 'webextension-polyfill';
import type { MessageView } from '../messaging/views';

const UNREAD = 'ui.unread';
const NOTIFY = 'settings.notifications';

async function unread(): Promise<number> {
  const stored = (await extensionSettings.get(UNREAD))[UNREAD];
  return typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
}

async function showBadge(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
}

export async function notificationsEnabled(): Promise<boolean> {
  return (await extensionSettings.get(NOTIFY))[NOTIFY] !== false;
}

export async function setNotificationsEnabled(enabled: boolean): Promise<void> {
  await extensionSettings.set({ [NOTIFY]: enabled });
}

/** Serialised: two messages arriving together must count as two. */
let chain: Promise<unknown> = Promise.resolve();

/** One more unread thing: the badge counts it, and a notification says what it is. */
function announce(id: string, title: string, message: string): void {
  chain = chain
    .then(async () => {
      const count = (await unread()) + 1;
      await extensionSettings.set({ [UNREAD]: count });
      await showBadge(count);
      if (await notificationsEnabled())
        await browser.notifications.create(id, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('icons/128.png'),
          // The OS shows these as plain text; a long message is cut, not rendered.
          title,
          message,
        });
    })
    // A notification the system refuses (none allowed, a focus mode) is not shown: the badge
    // and the feed still say it.
    .catch(() => undefined);
}

export function messageArrived(view: MessageView): void {
  if (!view.mine) announce(`murmur-${view.id}`, view.authorName, view.text.slice(0, 200));
}

export function requestArrived(displayName: string): void {
  announce(
    `murmur-request-${Date.now()}`,
    'Murmur',
    browser.i18n.getMessage('requestNotification', [displayName.slice(0, 64)]),
  );
}

export async function unreadCount(): Promise<number> {
  await chain;
  return unread();
}

export async function clearUnread(): Promise<void> {
  await chain;
  await extensionSettings.set({ [UNREAD]: 0 });
  await showBadge(0);
}

const LAST_READ = 'ui.lastRead';

/** When each conversation was last opened (ms), by friend fingerprint. */
export async function lastRead(): Promise<Record<string, number>> {
  const stored = (await extensionSettings.get(LAST_READ))[LAST_READ];
  return stored && typeof stored === 'object' ? (stored as Record<string, number>) : {};
}

export async function markRead(fingerprint: string): Promise<void> {
  await extensionSettings.set({
    [LAST_READ]: { ...(await lastRead()), [fingerprint]: Date.now() },
  });
}

const FEED_SEEN = 'ui.feedSeenAt';

/** Returns when the feed was last seen and marks it seen now: newer posts are "new". */
export async function feedSeen(): Promise<number> {
  const stored = (await extensionSettings.get(FEED_SEEN))[FEED_SEEN];
  await extensionSettings.set({ [FEED_SEEN]: Date.now() });
  return typeof stored === 'number' ? stored : 0;
}
