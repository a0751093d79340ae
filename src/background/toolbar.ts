/**
 * How the extension asks for the user's attention (the app decides when, `app/attention.ts`):
 * the number on the toolbar icon, and the system's notifications.
 */
import browser from 'webextension-polyfill';
import type { AttentionPort, Notice } from '../app/app-ports';

function titleAndText(notice: Notice): { id: string; title: string; message: string } {
  if (notice.kind === 'message')
    return { id: `murmur-${notice.id}`, title: notice.authorName, message: notice.text };
  return {
    id: `murmur-request-${Date.now()}`,
    title: 'Murmur',
    message: browser.i18n.getMessage('requestNotification', [notice.displayName]),
  };
}

export const toolbarAttention: AttentionPort = {
  async showUnread(count) {
    await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 999)) : '' });
  },
  async notify(notice) {
    const { id, title, message } = titleAndText(notice);
    // The OS shows these as plain text; a long message is cut, not rendered.
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/128.png'),
      title,
      message,
    });
  },
};
