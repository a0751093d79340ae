/**
 * Pages are told, not polling (house issue, point 7): each page is greeted as it is taken with
 * what changed just before; what one page changes, every open page hears, gathered into one note
 * per burst; a request that failed tells nobody; a closed page is forgotten.
 */
import type { Runtime } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { isObject, isString } from '../../../src/core/guard';
import type { UpdateNote } from '../../../src/messaging/page-updates';
import { defineRequest, type Handlers } from '../../../src/messaging/request-map';
import { dispatch, route } from '../../../src/messaging/router';
import { pageUpdates } from '../../../src/background/page-updates';
import { tellingChanges } from '../../../src/app/request-changes';

/** An extension page's end of the port, as the background sees it. */
function openPage() {
  const notes: UpdateNote[] = [];
  let heard: () => void = () => undefined;
  const disconnects: (() => void)[] = [];
  const port = {
    name: 'murmur.updates',
    postMessage: (note: UpdateNote) => {
      notes.push(note);
      heard();
    },
    disconnect: () => undefined,
    onDisconnect: { addListener: (f: () => void) => disconnects.push(f) },
    onMessage: { addListener: () => undefined },
  } as unknown as Runtime.Port;
  return {
    port,
    notes,
    nextNote: () => new Promise<void>((resolve) => (heard = resolve)),
    close: () => disconnects.forEach((f) => f()),
  };
}

const map = {
  'posts.publish': defineRequest<string>()(isObject({ text: isString({ max: 99 }) })),
  'feed.read': defineRequest<string>()(isObject({})),
};

describe('pages are told what changed', () => {
  it('a post from the popup reaches the options page as one note for the whole burst', async () => {
    const updates = pageUpdates();
    const popup = openPage();
    const options = openPage();
    updates.accept(popup.port);
    updates.accept(options.port);
    // Each page is greeted as it is taken, with what changed just before: nothing yet.
    expect(popup.notes).toEqual([{ changed: [] }]);
    expect(options.notes).toEqual([{ changed: [] }]);
    const handlers = tellingChanges<Handlers<typeof map, null>>(
      {
        'posts.publish': async ({ text }) => {
          if (!text) throw new RangeError('empty');
          return 'sent';
        },
        'feed.read': async () => 'posts',
      },
      { 'posts.publish': ['messages'] },
      updates.tell,
    );
    const routes = { ui: route(map, handlers, () => true) };
    const ask = (type: string, payload: unknown) =>
      dispatch({ murmur: 1, channel: 'ui', type, payload }, null, routes, {
        foreignChannels: [],
        answerMalformed: true,
      });
    const heard = options.nextNote();
    expect(await ask('posts.publish', { text: 'hello' })).toMatchObject({ ok: true });
    expect(await ask('feed.read', {})).toMatchObject({ ok: true });
    updates.tell('friends');
    await heard;
    expect(options.notes).toEqual([{ changed: [] }, { changed: ['messages', 'friends'] }]);
    expect(popup.notes).toEqual(options.notes);

    // A refused post changed nothing; a closed page hears nothing more.
    expect(await ask('posts.publish', { text: '' })).toMatchObject({ ok: false });
    popup.close();
    const next = options.nextNote();
    updates.tell('unread');
    await next;
    expect(options.notes.at(-1)).toEqual({ changed: ['unread'] });
    expect(popup.notes).toHaveLength(2);

    // A page taken just after changes hears them in its greeting: an answer it had before
    // may not have held them.
    const late = openPage();
    updates.accept(late.port);
    expect(late.notes).toHaveLength(1);
    expect([...(late.notes[0]?.changed ?? [])].sort()).toEqual(['friends', 'messages', 'unread']);
  });
});
