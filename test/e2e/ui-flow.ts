/**
 * A person's first minutes with Murmur, by clicks and typing only: start, exchange contact
 * cards, see the friend online, post, read the friend's post, chat. User text that looks like
 * HTML stays text.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { gradientPng } from './harness/png';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { launchProfile, useTracker } from './harness/profiles';
import { onboard } from './harness/onboarding';
import { step } from './harness/step';
import { attentionSteps } from './ui-flow/attention';
import { chatSteps } from './ui-flow/chat';
import { feedSteps } from './ui-flow/feed';
import { friendsSteps } from './ui-flow/friends';
import { tabSteps } from './ui-flow/tab';
import { wallSteps } from './ui-flow/wall';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';
import type { ExtensionBrowser } from '../../tools/browsers/extension-page';

export function uiFlowSuite(kind: BrowserKind): void {
  describe(`the popup, by hand (${kind})`, () => {
    let tracker: TrackerProcess;
    const browsers: ExtensionBrowser[] = [];
    afterAll(async () => {
      await Promise.all(browsers.map((b) => b.close()));
      await tracker?.stop();
    });

    it('start, add a friend by card, post, read, chat — text stays text', async () => {
      const { alice, bob, carol, a, b, c } = await step(
        'Alice, Bob and Carol start Murmur',
        async () => {
          tracker = await startTrackerProcess();
          // Carol's system is dark: her screenshots show the dark theme, Alice's the light one.
          const [alice, bob, carol] = await Promise.all([
            launchProfile(kind, 'alice'),
            launchProfile(kind, 'bob'),
            launchProfile(kind, 'carol', {}, 'dark'),
          ]);
          browsers.push(alice, bob, carol);
          await Promise.all([alice, bob, carol].map((p) => useTracker(p, tracker.url)));
          const a = await onboard(alice, 'Alice');
          // Bob chooses a picture as he starts: it is what his friends see beside his name.
          const picture = join(await mkdtemp(join(tmpdir(), 'murmur-bob-')), 'bob.png');
          await writeFile(picture, gradientPng(300, 300));
          const b = await onboard(bob, 'Bob', picture);
          const c = await onboard(carol, 'Carol');
          return { alice, bob, carol, a, b, c };
        },
      );

      const scene = { alice, bob, carol, a, b, c };
      for (const next of [
        ...friendsSteps,
        ...feedSteps,
        ...chatSteps,
        ...tabSteps,
        ...wallSteps,
        ...attentionSteps,
      ])
        await step(next.name, () => next.run(scene));
    });
  });
}
