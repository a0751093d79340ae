/**
 * Backup, by hand: Alice makes history in one browser, saves a backup and a readable archive
 * from the options page, loses that browser, and restores into a fresh profile of another
 * browser. Bad files and a wrong passphrase change nothing; the restored Alice sees the same
 * feed and conversation, and Bob sees her new message as coming from the same Alice.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BrowserKind, ExtensionPage } from '../../tools/browsers/extension-page';
import { CHROMIUM_PATH } from '../../tools/browsers/chromium';
import { befriend } from './harness/person';
import { gradientPng } from './harness/png';
import { screenshot } from './harness/profiles';
import { scene, waitForText } from './harness/scene';
import { step } from './harness/step';

const PASSPHRASE = 'a long walk on the beach';
const XSS = '<img src=x onerror="document.title=\'owned\'"><b>not bold</b>';

/** Where the browser saved the newest download (the user's downloads folder), once complete. */
function newestDownload(page: ExtensionPage): Promise<string> {
  return page.waitFor(
    async () => {
      const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
      const [item] = await (g.browser ?? g.chrome).downloads.search({
        orderBy: ['-startTime'],
        limit: 1,
      });
      return item?.state === 'complete' ? item.filename : null;
    },
    null,
    30_000,
  );
}

export function backupSuite(from: BrowserKind, to: BrowserKind): void {
  describe(`backup and restore, ${from} → ${to}`, () => {
    const setting = scene('backup');

    it('restores identity, feed and conversations in the other browser; bad files change nothing', async () => {
      const { tracker, scratch } = await setting.start();
      const alice = setting.person('alice', from);
      const bob = setting.person('bob', 'chromium');
      const restored = setting.person('alice-restored', to);
      const aliceId = await step(
        'Alice and Bob: friends, a post each, a conversation',
        async () => {
          await Promise.all([alice.launch(tracker.url), bob.launch(tracker.url)]);
          const [aliceId, bobId] = [
            await alice.ui('identity.create', { displayName: 'Alice' }),
            await bob.ui('identity.create', { displayName: 'Bob' }),
          ];
          await befriend([[alice, bob]]);
          // Each side confirms the other when its own session is established: both must have,
          // or Bob's post finds no accepted friend yet.
          await alice.until(
            'friends.list',
            {},
            (f) => f[0]?.online === true && !f[0].asked,
            'Alice sees Bob online, accepted',
            30_000,
          );
          await bob.until(
            'friends.list',
            {},
            (f) => f[0]?.online === true && !f[0].asked,
            'Bob sees Alice online, accepted',
            30_000,
          );

          // History: a post each, a conversation (one message looks like markup).
          await bob.ui('posts.publish', { text: 'Bob at the crag' });
          await alice.ui('posts.publish', { text: 'Alice on her wall' });
          await alice.ui('messages.send', { to: bobId.fingerprint, text: 'Hi Bob, from Chromium' });
          await bob.ui('messages.send', { to: aliceId.fingerprint, text: XSS });
          await alice.until('messages.list', {}, (m) => m.length === 4, 'Alice has all four');
          return aliceId;
        },
      );

      await step('Options › Profile: a status and a picture; Bob sees both', async () => {
        const picture = join(scratch, 'me.png');
        await writeFile(picture, gradientPng(300, 300));
        const profile = await alice.browser!.openExtensionPage('options.html');
        await profile.waitFor(() => !!document.querySelector('#profile-status'), null);
        await profile.fill('#profile-status', 'Out climbing');
        await profile.setInputFile('#profile-avatar', picture);
        await profile.waitFor(() => !!document.querySelector('form img.avatar'), null);
        await profile.click('#profile-save');
        await bob.until(
          'friends.list',
          {},
          (f) => f[0]?.status === 'Out climbing' && f[0]?.avatar?.width === 256,
          "Bob sees Alice's status and picture",
          30_000,
        );
        await profile.close();
      });

      const { backup, archive } = await step(
        'Options › Backup: a backup file and an archive',
        async () => {
          // Passphrase twice, "Make a backup", and the file is in Downloads.
          const options = await alice.browser!.openExtensionPage('options.html#backup');
          await options.fill('#backup-passphrase', PASSPHRASE);
          await options.fill('#backup-repeat', PASSPHRASE);
          await options.click('#backup-make');
          await waitForText(options, '#backup [role=status]', 'murmur-backup-', 60_000);
          const saved = await newestDownload(options);
          const backup = join(scratch, 'alice.murmur');
          await copyFile(saved, backup);
          await options.click('#archive-make');
          await waitForText(options, '#backup [role=status]', 'murmur-archive-', 60_000);
          const archive = join(scratch, 'archive.html');
          await copyFile(await newestDownload(options), archive);
          await screenshot(alice.browser!, options, 'backup');
          return { backup, archive };
        },
      );

      await step(
        'The archive: everything as text with scripts off; gpg verifies an entry',
        async () => {
          const reader = await chromium.launch({
            executablePath: CHROMIUM_PATH,
            args: ['--no-sandbox'],
          });
          try {
            const page = await (await reader.newContext({ javaScriptEnabled: false })).newPage();
            await page.goto(`file://${archive}`);
            const text = await page.locator('body').innerText();
            for (const line of [
              'Bob at the crag',
              'Alice on her wall',
              'Hi Bob, from Chromium',
              XSS,
            ])
              expect(text).toContain(line);
            expect(await page.title()).not.toBe('owned');
            expect(await page.locator('body b').count()).toBe(0);
          } finally {
            await reader.close();
          }
          // One of Alice's entries, checked by gpg exactly as the archive explains.
          const html = await readFile(archive, 'utf8');
          const entry = html.split('<article').find((a) => a.includes('Alice on her wall'))!;
          const block = (cls: string, from: string) =>
            new RegExp(`<pre class="${cls}"[^>]*>([^<]*)</pre>`).exec(from)![1]!;
          const keys = html.slice(html.indexOf('<section id="keys">'));
          await writeFile(
            join(scratch, 'key.asc'),
            block(`public-key" data-fingerprint="${aliceId.fingerprint}`, keys),
          );
          await writeFile(join(scratch, 'data.b64'), block('signed-data', entry));
          await writeFile(join(scratch, 'sig.asc'), block('signature', entry));
          const gpg = (script: string) =>
            spawnSync('sh', ['-c', script], { cwd: scratch, encoding: 'utf8' });
          expect(
            gpg('mkdir -m 700 gnupg && gpg --homedir gnupg --batch --import key.asc').status,
          ).toBe(0);
          const verified = gpg(
            'base64 -d data.b64 > data.bin && gpg --homedir gnupg --batch --status-fd 1 --verify sig.asc data.bin',
          );
          expect(verified.stdout).toContain(`VALIDSIG ${aliceId.fingerprint.toUpperCase()}`);
        },
      );

      await step(
        'A fresh browser: bad files change nothing, the backup restores Alice',
        async () => {
          // Alice's browser is gone. A fresh profile of the other browser: restore from the file.
          await alice.goOffline();
          await restored.launch(tracker.url);
          const first = await restored.browser!.openExtensionPage('popup.html');
          expect(await first.textOf('#restore-backup')).toBeTruthy();
          const page = await restored.browser!.openExtensionPage('options.html#backup');
          const attempt = async (file: string, passphrase: string, expected: string) => {
            await page.setInputFile('#restore-file', file);
            await page.fill('#restore-passphrase', passphrase);
            await page.click('#restore-start');
            await waitForText(
              page,
              '#backup [role=alert], #backup [role=status]',
              expected,
              60_000,
            );
            expect(await restored.ui('identity.get', {})).toBeNull();
          };
          const bytes = await readFile(backup);
          const truncated = join(scratch, 'truncated.murmur');
          await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
          const flipped = join(scratch, 'flipped.murmur');
          const copy = Buffer.from(bytes);
          copy[Math.floor(copy.length * 0.6)]! ^= 0x04;
          await writeFile(flipped, copy);
          await attempt(backup, 'not the passphrase', 'does not open this backup');
          await attempt(truncated, PASSPHRASE, 'damaged or incomplete');
          await attempt(flipped, PASSPHRASE, 'damaged or incomplete');

          await page.setInputFile('#restore-file', backup);
          await page.fill('#restore-passphrase', PASSPHRASE);
          await page.click('#restore-start');
          await waitForText(page, '#backup [role=status]', 'You are Alice again', 60_000);
          expect((await restored.ui('profile.get', {})).status).toBe('Out climbing');
          const me = await restored.ui('identity.get', {});
          expect(me?.fingerprint).toBe(aliceId.fingerprint);
          expect(me?.peerId).toBe(aliceId.peerId);
        },
      );

      const popup = await step(
        'The same feed and conversation; Bob hears the same Alice',
        async () => {
          const popup = await restored.browser!.openExtensionPage('popup.html');
          await waitForText(popup, '[data-testid=feed]', 'Bob at the crag');
          await waitForText(popup, '[data-testid=feed]', 'Alice on her wall');
          await popup.clickTab('Chats');
          await popup.clickButton('Bob');
          await waitForText(popup, '[aria-label="Messages with Bob"]', 'Hi Bob, from Chromium');
          await waitForText(popup, '[aria-label="Messages with Bob"]', XSS);
          expect(
            await popup.evaluate(
              () => document.querySelectorAll('[aria-label="Messages with Bob"] b').length,
              null,
            ),
          ).toBe(0);

          // Bob has nothing to do: the restored Alice reaches him and he sees the same Alice.
          await popup.fillField('Message Bob', 'Hello from my new browser');
          await popup.clickButton('Send');
          await bob.until(
            'messages.list',
            { kind: 'direct', with: aliceId.fingerprint },
            (m) =>
              m.some(
                (x) =>
                  x.text === 'Hello from my new browser' && x.authorName === 'Alice' && x.verified,
              ),
            'Bob gets the message from the same Alice',
            60_000,
          );
          await screenshot(restored.browser!, popup, 'restored-chat');
          return popup;
        },
      );

      await step('Restoring over an identity asks first and merges nothing', async () => {
        // Restoring over an identity asks first; "Replace" puts back exactly the backup, merging
        // nothing: the message written after it is gone. (A new tab: Firefox runs no animation
        // frames in a background tab, and Puppeteer's click waits for them.)
        await popup.close();
        const again = await restored.browser!.openExtensionPage('options.html#backup');
        await again.setInputFile('#restore-file', backup);
        await again.fill('#restore-passphrase', PASSPHRASE);
        await again.click('#restore-start');
        expect(await again.textOf('#replace-question')).toContain('Alice');
        await again.click('#restore-replace');
        await waitForText(again, '#backup [role=status]', 'You are Alice again', 60_000);
        const after = await restored.ui('messages.list', { kind: 'direct' });
        expect(after.map((m) => m.text).sort()).toEqual(['Hi Bob, from Chromium', XSS].sort());
      });
    });
  });
}
