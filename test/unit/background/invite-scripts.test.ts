/**
 * Invite links on other trackers: the invite content script is registered on exactly the sites
 * the person allowed — never on the manifest's own sites (Facebook), never anywhere at install —
 * follows permissions granted and taken back, and is made again at a start.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
// vi.mock below is hoisted above this import: the module sees the fake browser.
import { INVITE_SCRIPT_ID, keepInviteScripts } from '../../../src/background/invite-scripts';

interface Registered {
  id: string;
  matches: string[];
  js: string[];
}
const fake = vi.hoisted(() => ({
  origins: [] as string[],
  scripts: new Map<string, { id: string; matches: string[]; js: string[] }>(),
  added: [] as (() => void)[],
  removed: [] as (() => void)[],
  registrations: 0,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      getManifest: () => ({
        content_scripts: [
          { matches: ['https://www.facebook.com/*'], js: ['content.js'] },
          { matches: ['http://127.0.0.1/murmur/invite*'], js: ['invite.js'] },
        ],
      }),
    },
    permissions: {
      getAll: async () => ({ origins: [...fake.origins], permissions: [] }),
      onAdded: { addListener: (f: () => void) => fake.added.push(f) },
      onRemoved: { addListener: (f: () => void) => fake.removed.push(f) },
    },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.flatMap((id) => (fake.scripts.has(id) ? [fake.scripts.get(id)] : [])),
      registerContentScripts: async (scripts: Registered[]) => {
        for (const s of scripts) {
          if (fake.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          fake.scripts.set(s.id, s);
          fake.registrations++;
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) fake.scripts.delete(id);
      },
    },
  },
}));

const registered = () => fake.scripts.get(INVITE_SCRIPT_ID)?.matches ?? [];

describe('invite links on allowed sites', () => {
  beforeEach(() => {
    fake.origins = ['https://www.facebook.com/*'];
    fake.scripts.clear();
    fake.added.length = 0;
    fake.removed.length = 0;
    fake.registrations = 0;
  });

  it('runs nowhere until a site is allowed, then there, and stops when it is taken back', async () => {
    const kept = keepInviteScripts(() => undefined);
    await kept.settled();
    expect(fake.scripts.size).toBe(0);

    fake.origins.push('https://tracker.example/*', 'http://localhost/*');
    fake.added.forEach((f) => f());
    await kept.settled();
    expect(registered()).toEqual(['http://localhost/*invite', 'https://tracker.example/*invite']);
    expect(fake.scripts.get(INVITE_SCRIPT_ID)?.js).toEqual(['invite.js']);

    fake.origins = fake.origins.filter((o) => o !== 'http://localhost/*');
    fake.removed.forEach((f) => f());
    await kept.settled();
    expect(registered()).toEqual(['https://tracker.example/*invite']);

    fake.origins = ['https://www.facebook.com/*'];
    fake.removed.forEach((f) => f());
    await kept.settled();
    expect(fake.scripts.size).toBe(0);
  });

  it('is in step when Options asks, even before the background heard of the grant', async () => {
    const kept = keepInviteScripts(() => undefined);
    await kept.settled();
    // The page heard the grant first: the background's own listener has not run yet.
    fake.origins.push('http://localhost/*');
    await kept.inStep();
    expect(registered()).toEqual(['http://localhost/*invite']);
    // Its listener then runs too: nothing changes, nothing is registered twice.
    fake.added.forEach((f) => f());
    await kept.settled();
    expect(fake.registrations).toBe(1);
  });

  it('at a start, keeps what the browser kept and makes again what it did not', async () => {
    fake.origins.push('https://tracker.example/*');
    await keepInviteScripts(() => undefined).settled();
    expect(fake.registrations).toBe(1);
    // A browser that kept the registration: the next start changes nothing.
    await keepInviteScripts(() => undefined).settled();
    expect(fake.registrations).toBe(1);
    // One that dropped it: made again.
    fake.scripts.clear();
    await keepInviteScripts(() => undefined).settled();
    expect(registered()).toEqual(['https://tracker.example/*invite']);
  });

  it('a failed registration is told, and the next change still goes through', async () => {
    const told: string[] = [];
    fake.origins.push('https://tracker.example/*');
    fake.scripts.set(INVITE_SCRIPT_ID, { id: INVITE_SCRIPT_ID, matches: ['x'], js: [] });
    const original = fake.scripts.delete.bind(fake.scripts);
    fake.scripts.delete = () => false; // unregistering fails to remove: registering throws
    const kept = keepInviteScripts((m) => told.push(m));
    await kept.settled();
    expect(told.join()).toMatch(/invite links: Error: Duplicate script ID/);
    fake.scripts.delete = original;
    fake.added.forEach((f) => f());
    await kept.settled();
    expect(registered()).toEqual(['https://tracker.example/*invite']);
  });
});
