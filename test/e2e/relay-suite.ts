/**
 * The acceptance test of the transport issue, for one combination of browsers: Alice, Paul
 * and George are friends (A–P, P–G, A–G). George is offline; Alice writes him and posts to
 * all friends; Paul carries the sealed copy and cannot read George's message; Alice leaves;
 * George comes online and gets both from Paul, signature-verified; Alice comes back and sees
 * "delivered". Each combination adds one disruption (see `Disruption`).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { befriend, Person } from './harness/person';
import { step } from './harness/step';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';

export type Disruption =
  /** Chromium: stop Paul's service worker (CDP) while George syncs from him. */
  | 'stop-service-worker'
  /** Firefox: a 2 s background idle timeout, and long idle pauses between steps. */
  | 'firefox-idle-timeout'
  /** Restart the tracker (same port) while Paul holds the copy. */
  | 'tracker-restart';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each person's network host: trackers, friends linked and how each friend was reached. */
async function whereHostsStand(people: Person[]): Promise<string> {
  const lines = await Promise.all(
    people.map(async (p) => {
      // A detached person's page opens again to ask (the test has failed by then anyway).
      const status = await p
        .ui('status', {})
        .catch(async () => {
          await p.attach();
          return p.ui('status', {});
        })
        .catch((e: unknown) => String(e));
      if (typeof status === 'string') return `${p.name}: ${status}`;
      const host = status.host.reachable ? status.host.status : status.host.error;
      return `${p.name} (background since ${status.startedAt}): ${JSON.stringify(host)}`;
    }),
  );
  return lines.join('\n');
}
const IDLE_PREFS = { 'extensions.background.idle.timeout': 2000 };

export function relaySuite(
  kinds: { alice: BrowserKind; paul: BrowserKind; george: BrowserKind },
  disruption: Disruption,
): void {
  describe(`Alice → George via Paul (${kinds.alice}/${kinds.paul}/${kinds.george}, ${disruption})`, () => {
    const prefs = disruption === 'firefox-idle-timeout' ? IDLE_PREFS : {};
    const alice = new Person('alice', kinds.alice, prefs);
    const paul = new Person('paul', kinds.paul, prefs);
    const george = new Person('george', kinds.george, prefs);
    let tracker: TrackerProcess;

    afterAll(async () => {
      await Promise.all([alice, paul, george].map((p) => p.dispose()));
      await tracker?.stop();
    });

    it('delivers through Paul, sealed, verified, once, and Alice sees "delivered"', async () => {
      const { A, P, G } = await step(
        'Alice, Paul and George are friends; George leaves',
        async () => {
          tracker = await startTrackerProcess();
          await Promise.all([alice, paul, george].map((p) => p.launch(tracker.url)));
          for (const p of [alice, paul, george])
            await p.ui('identity.create', { displayName: p.name });
          await befriend([
            [alice, paul],
            [paul, george],
            [alice, george],
          ]);
          const fp = async (p: Person) => (await p.ui('identity.get', {}))!.fingerprint;
          const [A, P, G] = [await fp(alice), await fp(paul), await fp(george)];
          // Alice and George meet once, so each knows the other accepted: "all friends" posts go
          // only to friends who did (not to someone whose card was merely pasted).
          // (Past 20 s on a loaded machine: a first dial can miss, the next presence round is 15 s.)
          await alice.waitForOnline(G, 45_000);

          await george.goOffline();
          await alice.until(
            'friends.list',
            {},
            (fs) => fs.some((f) => f.fingerprint === P && f.online),
            'Alice sees Paul online',
          );
          return { A, P, G };
        },
      );
      if (disruption === 'firefox-idle-timeout') await sleep(6000); // both backgrounds idle past the timeout

      const { dm, post } = await step(
        'Alice writes George and posts; Paul carries, unread',
        async () => {
          const dm = await alice.ui('messages.send', {
            to: G,
            text: 'Dinner on Friday? <b>8pm</b>',
          });
          const post = await alice.ui('posts.publish', { text: 'Photos from the hike' });
          // Paul gets the post (it is for him) and holds the sealed DM for George.
          await paul.until(
            'messages.list',
            { kind: 'post' },
            (ms) => ms.some((m) => m.id === post.id),
            'Paul receives the post',
          );
          await alice.until(
            'outbox.status',
            { id: dm.id },
            (s) => s?.state === 'held',
            'Paul holds the DM',
          );
          // Alice's Friends list says where her message to George waits.
          const georgeSeen = await alice.until(
            'friends.list',
            {},
            (fs) => {
              const c = fs.find((f) => f.fingerprint === G)?.connection;
              return c?.state === 'offline' && c.carriedBy.length > 0;
            },
            'Alice sees who carries her message to George',
          );
          expect(georgeSeen.find((f) => f.fingerprint === G)?.connection).toMatchObject({
            state: 'offline',
            carriedBy: ['paul'],
          });
          const paulReads = await paul.ui('messages.list', {});
          expect(paulReads.some((m) => m.text.includes('Dinner'))).toBe(false);
          expect(paulReads.some((m) => m.id === dm.id)).toBe(false);
          return { dm, post };
        },
      );

      await step('Alice leaves; George gets both from Paul, verified, once', async () => {
        await alice.goOffline();
        if (disruption === 'tracker-restart') {
          const port = tracker.port;
          expect(await tracker.stop()).toBe(0);
          tracker = await startTrackerProcess(port);
        }
        if (disruption === 'firefox-idle-timeout') await sleep(6000);

        await george.launch(tracker.url);
        if (disruption === 'stop-service-worker') {
          await george.until(
            'friends.list',
            {},
            (fs) => fs.some((f) => f.fingerprint === P && f.online),
            'George meets Paul',
          );
          await paul.chromium.stopServiceWorkers();
        }
        const got = await george.until(
          'messages.list',
          {},
          (ms) => ms.some((m) => m.id === dm.id) && ms.some((m) => m.id === post.id),
          'George receives both from Paul',
          30_000,
        );
        const gotDm = got.find((m) => m.id === dm.id)!;
        expect(gotDm).toMatchObject({
          kind: 'direct',
          text: 'Dinner on Friday? <b>8pm</b>',
          authorFingerprint: A,
          verified: true,
          conversationWith: A,
        });
        expect(got.find((m) => m.id === post.id)).toMatchObject({
          kind: 'post',
          authorFingerprint: A,
          verified: true,
        });
        expect(got.filter((m) => m.id === dm.id || m.id === post.id)).toHaveLength(2);
      });

      await step('Alice comes back and sees delivered; still once everywhere', async () => {
        // George's receipt reached her through Paul (or George directly).
        await alice.launch(tracker.url);
        for (const [id, what] of [
          [dm.id, 'Alice sees delivered'],
          [post.id, 'the post delivered to both'],
        ] as const)
          await alice.until('outbox.status', { id }, (s) => s?.state === 'delivered', what, 30_000);
        // Still exactly once everywhere.
        const georgeAfter = await george.ui('messages.list', {});
        expect(georgeAfter.filter((m) => m.id === dm.id)).toHaveLength(1);
        const paulAfter = await paul.ui('messages.list', { kind: 'post' });
        expect(paulAfter.filter((m) => m.id === post.id)).toHaveLength(1);
      });
    });

    it('later, with nobody looking, a message still reaches George by itself', async () => {
      const G = (await george.ui('identity.get', {}))!.fingerprint;
      // Nobody has a Murmur page open at Paul's or George's: their backgrounds go idle.
      await Promise.all([george.detach(), paul.detach()]);
      if (george.kind === 'chromium') await george.chromium.stopServiceWorkers();
      await sleep(disruption === 'firefox-idle-timeout' ? 8000 : 1000);

      const later = await alice.ui('messages.send', { to: G, text: 'Are you still up?' });
      await alice
        .until(
          'outbox.status',
          { id: later.id },
          (s) => s?.state === 'delivered',
          'delivered while George was idle',
          30_000,
        )
        .catch(async (error: unknown) => {
          // Once seen on a busy machine and not since (the house, second pass, point 7): when
          // it fails, say where each network host stood, to find out which wait was long.
          throw new Error(`${String(error)}\n${await whereHostsStand([alice, paul, george])}`);
        });
      await george.attach();
      const got = await george.ui('messages.list', { kind: 'direct' });
      expect(got.filter((m) => m.id === later.id)).toHaveLength(1);
    });
  });
}
