/**
 * An invite link on a tracker other than the default one: Murmur asks for no website at install,
 * so Bob allows Murmur on his tracker's site in Options › Network › Your trackers' sites, and from then on Alice's invite
 * link on it opens in Murmur's own tab. Alice's and Bob's tracker is the test's own, reached as
 * `localhost` — a site the built-in invite script (the default tracker's, 127.0.0.1) does not
 * cover.
 *
 * Firefox only: the browser's question ("allow Murmur on localhost?") is answered yes by Firefox's
 * own automation preference (`extensions.webextOptionalPermissionPrompts`), and the request goes
 * through the browser's real permission path. Chromium has no such switch, and a headless
 * Chromium never answers its prompt (the request stays pending); the registration that follows a
 * grant is the same code in both (test/unit/background/invite-scripts.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { startMurmur } from '../../tools/browsers/first-run';
import type { ExtensionPage } from '../../tools/browsers/extension-page';
import { expectAccessible } from './harness/accessible';
import { openInviteLink } from './harness/invite-offer';
import { ANSWER_PERMISSION_PROMPTS_YES } from './harness/permission-prompts';
import { scene } from './harness/scene';
import { step } from './harness/step';

const hasText = (page: ExtensionPage, text: string, timeoutMs = 15_000) =>
  page.waitFor((want) => document.body.innerText.includes(want), text, timeoutMs);

describe('invite links on another tracker (firefox)', () => {
  const setting = scene('invite-other-tracker');

  it('open in Murmur once Bob allows Murmur on that tracker’s site, and stop when he takes it back', async () => {
    const { tracker } = await setting.start();
    const elsewhere = tracker.url.replace('//127.0.0.1:', '//localhost:');
    const alice = setting.person('alice', 'chromium');
    const bob = setting.person('bob', 'firefox', ANSWER_PERMISSION_PROMPTS_YES);

    const link = await step(
      'Alice starts Murmur on the other tracker and has her invite link',
      async () => {
        await alice.launch(elsewhere);
        await alice.detach();
        const popup = await alice.browser!.openExtensionPage('popup.html');
        let shown = '';
        await startMurmur(popup, 'Alice', '', async (at) => {
          if (at === 'invite')
            shown = await popup.evaluate(
              () => (document.getElementById('invite-link') as HTMLInputElement).value,
              null,
            );
        });
        return shown;
      },
    );
    expect(link).toMatch(/^http:\/\/localhost:\d+\/murmur\/invite#murmur1\./);

    const options = await step('Bob starts Murmur there and allows its invite links', async () => {
      await bob.launch(elsewhere);
      await bob.detach();
      await startMurmur(await bob.browser!.openExtensionPage('popup.html'), 'Bob');
      const options = await bob.browser!.openExtensionPage('options.html');
      await hasText(options, "Allow Murmur on localhost, and a friend's invite link there opens");
      await options.clickButton('Allow Murmur on localhost');
      await hasText(options, 'Murmur is allowed on localhost');
      await expectAccessible(options, 'Options › Network › Invite links');
      return options;
    });

    await step(
      'Alice’s link, opened in Bob’s browser, offers her in Murmur’s own tab',
      async () => {
        const { invitePage, offer, heading } = await openInviteLink(bob.browser!, link);
        expect(heading).toBe('Add Alice as a friend?');
        await offer.clickButton('Add Alice');
        await hasText(offer, 'They become your friend when they accept');
        await Promise.all([offer.close(), invitePage.close()]);
      },
    );

    await step('Bob takes it back in Options', async () => {
      await options.clickButton('Stop allowing Murmur on localhost');
      await hasText(options, "Allow Murmur on localhost, and a friend's invite link there opens");
    });
  });
});
