/**
 * Unread counts, notifications and read marks are the app's decisions, tested in Node (the
 * house, second pass, point 2): the host only shows what it is told.
 */
import { expect, it } from 'vitest';
import type { Notice } from '../../../src/app/app-ports';
import { Attention } from '../../../src/app/attention';
import { memorySettings } from '../../../src/app/settings-port';
import type { MessageView } from '../../../src/messaging/views';

function shown() {
  const counts: number[] = [];
  const notices: Notice[] = [];
  const port = {
    showUnread: async (count: number) => void counts.push(count),
    notify: async (notice: Notice) => void notices.push(notice),
  };
  return { counts, notices, port };
}

const message = (id: string, mine = false) =>
  ({ id, mine, authorName: 'Paul', text: 'x'.repeat(500) }) as MessageView;

it('two messages arriving together count as two; the user’s own count for nothing', async () => {
  const { counts, notices, port } = shown();
  const attention = new Attention(memorySettings(), port);
  attention.messageArrived(message('a'));
  attention.messageArrived(message('b'));
  attention.messageArrived(message('c', true));
  expect(await attention.unreadCount()).toBe(2);
  expect(counts).toEqual([1, 2]);
  expect(notices.map((n) => n.kind === 'message' && n.text.length)).toEqual([200, 200]);
  expect(await attention.clearUnread()).toBe(0);
  expect(counts.at(-1)).toBe(0);
});

it('with notifications off, the count still goes up and nothing pops up', async () => {
  const { counts, notices, port } = shown();
  const attention = new Attention(memorySettings(), port);
  await attention.setNotificationsEnabled(false);
  attention.requestArrived('A stranger with a very long name '.repeat(4));
  expect(await attention.unreadCount()).toBe(1);
  expect(counts).toEqual([1]);
  expect(notices).toEqual([]);
});

it('a refused notification loses nothing but itself', async () => {
  const { counts, port } = shown();
  const attention = new Attention(memorySettings(), {
    ...port,
    notify: async () => Promise.reject(new Error('focus mode')),
  });
  attention.messageArrived(message('a'));
  attention.messageArrived(message('b'));
  expect(await attention.unreadCount()).toBe(2);
  expect(counts).toEqual([1, 2]);
});

it('read marks are kept per conversation, and odd stored values are ignored', async () => {
  const settings = memorySettings();
  await settings.set({ 'ui.lastRead': { someone: 'yesterday' } });
  const attention = new Attention(settings, shown().port);
  await attention.markRead('paul');
  const marks = await attention.lastRead();
  expect(Object.keys(marks)).toEqual(['paul']);
  expect(await attention.feedSeen()).toBe(0);
  expect(await attention.feedSeen()).toBeGreaterThan(0);
});
