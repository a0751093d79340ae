/**
 * What a Murmur home is for, in real browsers (issue 32, "must show"): Alice's home is a
 * `murmur-node` process, paired from Options' request. Alice posts to Bob, her post goes to
 * her home, and she closes her browser at once; nobody is online but her home; Bob starts
 * later and gets the post from it. The other way: Bob's message to Alice waits at her home
 * while she is away and reaches her browser when it starts.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, it } from 'vitest';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { buildHome } from '../../tools/build-home';
import { friendsOnline, Person } from './harness/person';
import { step } from './harness/step';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';
import { waitForText } from './harness/scene';
import { HOME_NODE_FLAGS } from '../../home/node-flags';

type LogLine = Record<string, unknown>;

/** `murmur-node` as a user runs it, following its JSON log. */
async function startHomeProcess(trackerUrl: string, dataDir: string) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [
    ...HOME_NODE_FLAGS,
    await buildHome(),
    '--data',
    dataDir,
    '--tracker',
    trackerUrl,
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

export function homeDeliverySuite(kind: BrowserKind): void {
  describe(`Alice’s Murmur home carries for her (${kind})`, () => {
    const alice = new Person('alice', kind);
    const bob = new Person('bob', kind);
    let tracker: TrackerProcess | undefined;
    let home: Awaited<ReturnType<typeof startHomeProcess>> | undefined;
    let dataDir = '';

    afterAll(async () => {
      await Promise.all([alice.dispose(), bob.dispose()]);
      home?.child.kill('SIGTERM');
      await home?.exited;
      await tracker?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it('Bob gets Alice’s post from her home, and Alice gets Bob’s message from it', async () => {
      const { A } = await step('Alice and Bob are friends; Alice pairs her home', async () => {
        tracker = await startTrackerProcess();
        dataDir = await mkdtemp(join(tmpdir(), 'murmur-home-e2e-'));
        home = await startHomeProcess(tracker.url, dataDir);
        await home.until((l) => l.event === 'pairing-link');
        const link = (await readFile(join(dataDir, 'pairing-link'), 'utf8')).trim();
        await friendsOnline([alice, bob], ['Alice', 'Bob'], tracker.url);
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
        return { A };
      });

      await step('Bob leaves; Alice posts, her home takes it, and she leaves at once', async () => {
        await bob.goOffline();
        const post = await alice.ui('posts.publish', { text: 'Posted, then gone' });
        await alice.until(
          'outbox.status',
          { id: post.id },
          (s) => s?.state === 'held',
          'Alice’s home holds her post',
        );
        await alice.goOffline();
      });

      await step('Bob starts later: the post comes from Alice’s home', async () => {
        await bob.launch(tracker?.url ?? '');
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
          await bob.goOffline();
          await alice.launch(tracker?.url ?? '');
          await alice.waitForText('Got it, thanks', 60_000);
        },
      );
    });
  });
}
