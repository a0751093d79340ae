/**
 * What a Murmur home is for, in real browsers (issue 32, "must show"): Alice's home is a
 * `murmur-node` process, paired from Options' request. Alice posts to Bob, her post goes to
 * her home, and she closes her browser at once; nobody is online but her home; Bob starts
 * later and gets the post from it. The other way: Bob's message to Alice waits at her home
 * while she is away and reaches her browser when it starts.
 *
 * Run on loopback, or in the NAT lab: there the home sits behind an ordinary home router and
 * each browser behind a NAT of its own, and everyone reaches the tracker (and its STUN/TURN)
 * across the lab's "internet", as at home.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { buildHome } from '../../tools/build-home';
import { friendsOnline, Person } from './harness/person';
import { step } from './harness/step';
import { startTrackerProcess } from './harness/tracker-process';
import { waitForText } from './harness/scene';
import { HOME_NODE_FLAGS } from '../../home/node-flags';
import { startLabWorld } from '../nat/lab-world';

type LogLine = Record<string, unknown>;

/** Where the test runs: who is there, and how a program is started in Alice's home's network. */
interface Place {
  trackerUrl: string;
  alice: Person;
  bob: Person;
  /** Runs `node` with these arguments where the home lives. */
  runNode(args: string[]): ChildProcessWithoutNullStreams;
  close(): Promise<void>;
}

async function onLoopback(kind: BrowserKind): Promise<Place> {
  const tracker = await startTrackerProcess();
  const [alice, bob] = [new Person('alice', kind), new Person('bob', kind)];
  return {
    trackerUrl: tracker.url,
    alice,
    bob,
    runNode: (args) => spawn(process.execPath, args),
    close: async () => {
      await Promise.all([alice.dispose(), bob.dispose()]);
      await tracker.stop();
    },
  };
}

async function inTheNatLab(kind: BrowserKind): Promise<Place> {
  const world = await startLabWorld(
    [
      { name: 'alice-net', kind: 'ordinary' },
      { name: 'bob-net', kind: 'ordinary' },
      { name: 'home-net', kind: 'ordinary' },
    ],
    { turn: true },
  );
  const homeNet = world.lab.homes.get('home-net')?.netns ?? '';
  return {
    trackerUrl: world.tracker.url,
    alice: world.person('alice', kind, 'alice-net'),
    bob: world.person('bob', kind, 'bob-net'),
    // `ip netns exec` execs node in place: its pid is the home's, signals reach it.
    runNode: (args) => spawn('ip', ['netns', 'exec', homeNet, process.execPath, ...args]),
    close: () => world.close(),
  };
}

/** `murmur-node` as a user runs it, following its JSON log. */
async function startHomeProcess(place: Place, dataDir: string) {
  const child = place.runNode([
    ...HOME_NODE_FLAGS,
    await buildHome(),
    '--data',
    dataDir,
    '--tracker',
    place.trackerUrl,
    '--name',
    'Alice’s home',
  ]);
  const lines: LogLine[] = [];
  const waiters: { match: (l: LogLine) => boolean; found: () => void }[] = [];
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = JSON.parse(text) as LogLine;
    lines.push(line);
    for (const w of waiters.filter((w) => w.match(line))) w.found();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    exited,
    /** Resolves at the first log line that matches (already logged or to come). */
    until: (match: (l: LogLine) => boolean) =>
      new Promise<void>((found) => {
        if (lines.some(match)) return found();
        waiters.push({ match, found });
      }),
  };
}

export function homeDeliverySuite(kind: BrowserKind, where: 'loopback' | 'nat-lab'): void {
  describe(`Alice’s Murmur home carries for her (${kind}, ${where})`, () => {
    let place: Place | undefined;
    let home: Awaited<ReturnType<typeof startHomeProcess>> | undefined;
    let dataDir = '';

    afterAll(async () => {
      home?.child.kill('SIGTERM');
      await home?.exited;
      await place?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('Bob gets Alice’s post from her home, and Alice gets Bob’s message from it', async () => {
      const { A, alice, bob, trackerUrl } = await step(
        'Alice and Bob are friends; Alice pairs her home',
        async () => {
          place = where === 'loopback' ? await onLoopback(kind) : await inTheNatLab(kind);
          const { alice, bob, trackerUrl } = place;
          dataDir = await mkdtemp(join(tmpdir(), 'murmur-home-e2e-'));
          home = await startHomeProcess(place, dataDir);
          await home.until((l) => l.event === 'pairing-link');
          const link = (await readFile(join(dataDir, 'pairing-link'), 'utf8')).trim();
          await friendsOnline([alice, bob], ['Alice', 'Bob'], trackerUrl);
          await alice.ui('home.pair', { link });
          await alice.until(
            'home.get',
            {},
            (h) => h?.state === 'paired' && h.linked,
            'Alice’s home paired and online',
            45_000,
          );
          // Her home learns Bob from her, Bob learns of it from her profile: they link.
          await home.until((l) => l.event === 'friends-linked' && l.count === 2);
          const A = (await alice.ui('identity.get', {}))?.fingerprint ?? '';
          return { A, alice, bob, trackerUrl };
        },
      );

      await step('Bob leaves; Alice posts, her home takes it, and she leaves at once', async () => {
        await bob.goOffline();
        const post = await alice.ui('posts.publish', { text: 'Posted, then gone' });
        await alice.until(
          'outbox.status',
          { id: post.id },
          (s) => s?.state === 'held',
          'Alice’s home holds her post',
        );
        // Options › Murmur home says so, in words.
        const options = await alice.browser!.openExtensionPage('options.html');
        await waitForText(options, '[data-testid=home-carrying]', 'Carrying 1 of your messages');
        await alice.goOffline();
      });

      await step('Bob starts later: the post comes from Alice’s home', async () => {
        await bob.launch(trackerUrl);
        await bob.until(
          'messages.list',
          { kind: 'post' },
          (ms) => ms.some((m) => m.text === 'Posted, then gone' && m.authorName === 'Alice'),
          'Bob gets Alice’s post from her home',
          60_000,
        );
      });

      await step(
        'Bob writes to away Alice; it waits at her home; she gets it when she starts',
        async () => {
          const sent = await bob.ui('messages.send', { to: A as never, text: 'Got it, thanks' });
          await bob.until(
            'outbox.status',
            { id: sent.id },
            (s) => s?.state === 'held',
            'Alice’s home holds Bob’s message',
          );
          // Bob's chat says where it waits, in words about people.
          const popup = await bob.browser!.openExtensionPage('popup.html');
          await popup.clickTab('Chats');
          await popup.clickButton('Alice');
          await waitForText(popup, '[aria-label="Messages with Alice"]', 'Waiting at Alice’s home');
          // In words right under the bubble it is about (it sat above the message field).
          const under = await popup.evaluate(() => {
            const said = document.querySelector('.pending-delivery');
            const bubble = said?.closest('li')?.previousElementSibling;
            return [said?.textContent ?? '', bubble?.querySelector('.text')?.textContent ?? ''];
          }, null);
          expect(under[0]).toContain('Waiting at Alice’s home');
          expect(under[1]).toBe('Got it, thanks');
          await bob.goOffline();
          await alice.launch(trackerUrl);
          await alice.waitForText('Got it, thanks', 60_000);
        },
      );
    });
  });
}
