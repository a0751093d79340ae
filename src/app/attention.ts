/**
 * What asks for the user's attention when a friend writes: the number of unread things (a
 * toolbar badge in the extension) and, unless switched off, a notification. The count is kept
 * in settings, so it survives the host being restarted; opening the app clears it. When each
 * conversation was last read, and when the feed was last seen, live here too.
 */
import type { AttentionPort, Notice } from './app-ports';
import type { SettingsPort } from './settings-port';
import type { MessageView } from '../messaging/views';

const UNREAD = 'ui.unread';
const NOTIFY = 'settings.notifications';
const LAST_READ = 'ui.lastRead';
const FEED_SEEN = 'ui.feedSeenAt';
/** Counts that belong to this browser: a backup does not carry them. */
export const LOCAL_ATTENTION_KEYS = [UNREAD];
/** A notification shows the start of a message; the system cuts it further. */
const NOTICE_TEXT = 200;

export class Attention {
  /** Serialised: two messages arriving together must count as two. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: SettingsPort,
    private readonly port: AttentionPort,
  ) {}

  async notificationsEnabled(): Promise<boolean> {
    return (await this.settings.get(NOTIFY))[NOTIFY] !== false;
  }

  async setNotificationsEnabled(enabled: boolean): Promise<boolean> {
    await this.settings.set({ [NOTIFY]: enabled });
    return enabled;
  }

  messageArrived(view: MessageView): void {
    if (view.mine) return;
    const text = view.text.slice(0, NOTICE_TEXT);
    this.announce({ kind: 'message', id: view.id, authorName: view.authorName, text });
  }

  requestArrived(displayName: string): void {
    this.announce({ kind: 'request', displayName: displayName.slice(0, 64) });
  }

  /** One more unread thing: counted, shown, and (if allowed) notified. */
  private announce(notice: Notice): void {
    this.chain = this.chain
      .then(async () => {
        const count = (await this.unread()) + 1;
        await this.settings.set({ [UNREAD]: count });
        await this.port.showUnread(count);
        if (await this.notificationsEnabled()) await this.port.notify(notice);
      })
      // A notification the system refuses (none allowed, a focus mode) is not shown: the count
      // and the feed still say it.
      .catch(() => undefined);
  }

  async unreadCount(): Promise<number> {
    await this.chain;
    return this.unread();
  }

  async clearUnread(): Promise<number> {
    await this.chain;
    await this.settings.set({ [UNREAD]: 0 });
    await this.port.showUnread(0);
    return 0;
  }

  private async unread(): Promise<number> {
    const stored = (await this.settings.get(UNREAD))[UNREAD];
    return typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  }

  /** When each conversation was last opened (ms), by friend fingerprint. */
  async lastRead(): Promise<Record<string, number>> {
    const stored = (await this.settings.get(LAST_READ))[LAST_READ];
    if (!stored || typeof stored !== 'object') return {};
    const marks: Record<string, number> = {};
    for (const [who, at] of Object.entries(stored)) if (typeof at === 'number') marks[who] = at;
    return marks;
  }

  async markRead(fingerprint: string): Promise<boolean> {
    await this.settings.set({
      [LAST_READ]: { ...(await this.lastRead()), [fingerprint]: Date.now() },
    });
    return true;
  }

  /** When the feed was last looked at (ms, 0 if never), without moving the mark. */
  async feedSeenAt(): Promise<number> {
    const stored = (await this.settings.get(FEED_SEEN))[FEED_SEEN];
    return typeof stored === 'number' ? stored : 0;
  }

  /** Returns when the feed was last seen and marks it seen now: newer posts are "new". */
  async feedSeen(): Promise<number> {
    const before = await this.feedSeenAt();
    await this.settings.set({ [FEED_SEEN]: Date.now() });
    return before;
  }
}
