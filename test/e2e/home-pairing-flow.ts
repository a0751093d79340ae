/**
 * Pairing a real browser with a Murmur home (issue 32, point 2), as a person does it: the
 * home (the same code as `murmur-node`, in this process, over node-datachannel) writes its
 * pairing link; Ann pastes it into Options › Murmur home and presses the button; the home
 * answers over a WebRTC data channel between the browser and libdatachannel, and Options says
 * it is online. The link is then spent.
 */
import '../../home/webrtc-globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHome, type RunningHome } from '../../home/home-host';
import type { HomeLogLine } from '../../home/home-log';
import { openHomeDatabase } from '../../home/sqlite-database';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { startMurmur } from '../../tools/browsers/first-run';
import { expectAccessible } from './harness/accessible';
import { scene, waitForText } from './harness/scene';

export function homePairingSuite(kind: BrowserKind): void {
  describe(`pairing with a Murmur home (${kind})`, () => {
    const setting = scene(`home-${kind}`);
    let home: RunningHome | null = null;

    it('Ann pastes her home’s pairing link in Options and her home comes online', async () => {
      const { tracker, scratch } = await setting.start();
      const lines: HomeLogLine[] = [];
      // Resolves when the home offers a new link after its owner released it.
      let offeredAgain: () => void = () => undefined;
      const newLink = new Promise<void>((resolve) => (offeredAgain = resolve));
      const linkFile = join(scratch, 'pairing-link');
      home = await startHome({
        db: openHomeDatabase(join(scratch, 'home.db')),
        trackers: [tracker.url],
        name: 'Ann’s home',
        log: (line) => {
          lines.push(line);
          if (line.event === 'pairing-link' && lines.some((l) => l.event === 'released'))
            offeredAgain();
        },
        pairingLinkFile: linkFile,
      });
      const link = readFileSync(linkFile, 'utf8').trim();

      const ann = setting.person('ann', kind);
      await ann.launch(tracker.url);
      const popup = await ann.browser?.openExtensionPage('popup.html');
      if (!popup) throw new Error('no popup');
      await startMurmur(popup, 'Ann');
      const options = await ann.browser?.openExtensionPage('options.html');
      if (!options) throw new Error('no options page');
      await options.fillField('Pairing link', link);
      await options.clickButton('Pair with this home');
      await waitForText(
        options,
        '[data-testid=home-state]',
        'Your home: Ann’s home — online',
        60_000,
      );
      expect(lines).toContainEqual({ event: 'paired' });
      expect(existsSync(linkFile)).toBe(false);
      await expectAccessible(options, 'Options with a paired Murmur home');

      // One click unpairs; the home, online, is told and forgets Ann (a new link for a new owner).
      await options.clickButton('Unpair');
      const section = 'section[aria-labelledby=home-heading]';
      await waitForText(options, section, 'Unpaired.', 30_000);
      const said = await options.evaluate(
        (sel) => document.querySelector(sel)?.textContent ?? '',
        section,
      );
      expect(said).toContain('Your home forgot you');
      await newLink;
      expect(readFileSync(linkFile, 'utf8').trim()).not.toBe(link);
    });

    afterAll(async () => {
      await home?.stop();
    });
  });
}
