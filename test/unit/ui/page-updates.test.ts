/**
 * A page's views hear only the topics they show; when the background restarts (its port
 * drops) the page connects again and every view asks again, since notes were lost meanwhile.
 */
import { describe, expect, it, vi } from 'vitest';
import { onUpdate } from '../../../src/ui/page-updates';

interface FakePort {
  message: (raw: unknown) => void;
  drop: () => void;
  sent: unknown[];
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
          sent: [],
        };
        state.ports.push(fake);
        state.connected();
        return {
          postMessage: (m: unknown) => fake.sent.push(m),
          disconnect: () => undefined,
          onMessage: { addListener: (f: (raw: unknown) => void) => onMessage.push(f) },
          onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
        };
      },
    },
  },
}));

describe('a page hears what changed', () => {
  it('tells each view its own topics, ignores junk, and after a restart asks everything again', async () => {
    const heard: string[] = [];
    let next: () => void = () => undefined;
    const said = (name: string) => () => {
      heard.push(name);
      next();
    };
    const stopFeed = onUpdate(['messages'], said('feed'));
    const stopFriends = onUpdate(['friends', 'status'], said('friends'));
    expect(state.ports).toHaveLength(1);

    state.ports[0]!.message({ changed: ['status'] });
    state.ports[0]!.message({ changed: ['everything', 'messages'] });
    state.ports[0]!.message('<script>');
    expect(heard).toEqual(['friends']);

    const reconnected = new Promise<void>((resolve) => (state.connected = resolve));
    const bothAsked = new Promise<void>((resolve) => {
      next = () => heard.length === 3 && resolve();
    });
    state.ports[0]!.drop();
    await reconnected;
    await bothAsked;
    expect(heard.slice(1).sort()).toEqual(['feed', 'friends']);
    expect(state.ports).toHaveLength(2);

    state.ports[1]!.message({ changed: ['messages'] });
    expect(heard.at(-1)).toBe('feed');
    stopFeed();
    stopFriends();
  });
});
