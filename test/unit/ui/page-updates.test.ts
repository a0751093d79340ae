/**
 * A page's views hear only the topics they show, the background's greeting (what changed just
 * before it took the page's port) included. When the background restarts (its port drops) the
 * page connects again and, greeted, every view asks again, since notes were lost meanwhile.
 */
import { describe, expect, it, vi } from 'vitest';
import { onUpdate } from '../../../src/ui/page-updates';

interface FakePort {
  message: (raw: unknown) => void;
  drop: () => void;
}
const state = vi.hoisted(() => ({ ports: [] as FakePort[], connected: () => undefined as void }));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      connect: () => {
        const onMessage: ((raw: unknown) => void)[] = [];
        const onDisconnect: (() => void)[] = [];
        const fake: FakePort = {
          message: (raw) => onMessage.forEach((f) => f(raw)),
          drop: () => onDisconnect.forEach((f) => f()),
        };
        state.ports.push(fake);
        state.connected();
        return {
          postMessage: () => undefined,
          disconnect: () => undefined,
          onMessage: { addListener: (f: (raw: unknown) => void) => onMessage.push(f) },
          onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
        };
      },
    },
  },
}));

describe('a page hears what changed', () => {
  it('hears its own topics (the greeting too), ignores junk, and after a restart asks everything again', async () => {
    // The page connects as its script starts, before any view exists.
    expect(state.ports).toHaveLength(1);
    const heard: string[] = [];
    const said = (name: string) => () => heard.push(name);
    const stopFeed = onUpdate(['messages'], said('feed'));
    const stopFriends = onUpdate(['friends', 'status'], said('friends'));
    expect(state.ports).toHaveLength(1);

    // The greeting names what changed just before: the views showing it ask again.
    state.ports[0]!.message({ changed: ['status'] });
    expect(heard).toEqual(['friends']);
    heard.length = 0;
    state.ports[0]!.message({ changed: [] });
    expect(heard).toEqual([]);

    const stopUnread = onUpdate(['unread'], said('unread'));
    state.ports[0]!.message({ changed: ['everything', 'messages'] });
    state.ports[0]!.message('<script>');
    state.ports[0]!.message({ changed: ['unread'] });
    expect(heard).toEqual(['unread']);

    // The background restarts: nothing is asked until the new port is greeted, then all is,
    // whatever the new background's greeting names (it knows nothing of what was lost).
    heard.length = 0;
    const reconnected = new Promise<void>((resolve) => (state.connected = resolve));
    state.ports[0]!.drop();
    await reconnected;
    expect(state.ports).toHaveLength(2);
    expect(heard).toEqual([]);
    state.ports[1]!.message({ changed: [] });
    expect(heard.sort()).toEqual(['feed', 'friends', 'unread']);

    heard.length = 0;
    state.ports[1]!.message({ changed: ['messages'] });
    expect(heard).toEqual(['feed']);
    stopFeed();
    stopFriends();
    stopUnread();
  });
});
