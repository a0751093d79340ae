/**
 * The whole journey by keyboard alone — first run, invite, accept, post, reply, chat, walls —
 * in the built extension. Nothing here clicks or fills a field by selector: every control is
 * reached with Tab and used with Enter or typing, as a person without a mouse does. The only
 * thing outside the keyboard is the invite link travelling from Alice to Bob (by mail, say).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserKind, ExtensionPage } from '../../tools/browsers/extension-page';
import { activate, chooseTab, focusIsOn, typeInto } from './harness/keyboard';
import { scene, waitForText } from './harness/scene';
import { step } from './harness/step';
import type { Person } from './harness/person';

/** The first run by keyboard: each step puts the focus where the person goes next. */
async function firstRun(page: ExtensionPage, name: string): Promise<string> {
  await focusIsOn(page, { role: 'textbox', name: 'Your name' });
  await page.type(name);
  await page.press('Enter');
  await focusIsOn(page, { role: 'textbox', name: 'Passphrase (optional', match: 'startsWith' });
  await page.press('Enter');
  await focusIsOn(page, { role: 'button', name: 'Go to Murmur' });
  const link = await page.evaluate(
    () => (document.getElementById('invite-link') as HTMLInputElement | null)?.value ?? '',
    null,
  );
  await page.press('Enter');
  // The step's button went with it: the focus goes to the screen's tabs, not to the page.
  await focusIsOn(page, { role: 'tab', name: 'Friends' });
  return link;
}

/** A person's own popup, opened after the harness set the tracker (Options › Network). */
async function popupOf(person: Person, trackerUrl: string): Promise<ExtensionPage> {
  await person.launch(trackerUrl);
  await person.detach();
  const browser = person.browser;
  if (!browser) throw new Error(`${person.name} did not start`);
  return browser.openExtensionPage('popup.html');
}

const button = (name: string) => ({ role: 'button', name }) as const;

export function keyboardJourneySuite(kind: BrowserKind): void {
  describe(`the whole journey by keyboard alone (${kind})`, () => {
    const setting = scene('keyboard');

    it('first run, invite, accept, post, reply, chat and walls without a mouse', async () => {
      const { a, b } = await step('Alice and Bob start Murmur by keyboard', async () => {
        const { tracker } = await setting.start();
        const a = await popupOf(setting.person('alice', kind), tracker.url);
        const b = await popupOf(setting.person('bob', kind), tracker.url);
        return { a, b };
      });
      const aliceLink = await firstRun(a, 'Alice');
      expect(aliceLink).toMatch(/#murmur1\./);
      await firstRun(b, 'Bob');

      await step('Bob adds Alice with her invite link; Alice accepts', async () => {
        await typeInto(
          b,
          { role: 'textbox', name: "Paste a friend's card or invite link" },
          aliceLink,
        );
        await activate(b, button('Add friend'));
        await waitForText(b, 'body', 'Asked Alice.');
        await a.waitFor(() => document.body.textContent?.includes('Bob'), null, 20_000);
        await activate(a, button('Accept'));
        // The request goes; Bob is in her friends list, with how they are connected.
        await waitForText(a, '[role=tabpanel]', 'Bob — online');
      });

      await step('Alice posts to all her friends', async () => {
        await chooseTab(a, 'Feed');
        await activate(a, button("What's new, Alice?"));
        // The composer opens with the focus in it: the person is about to type.
        await focusIsOn(a, { role: 'textbox', name: 'Share with all your friends' });
        await a.type('Typed without a mouse');
        await activate(a, button('Post'));
        // The composer folds back, and the focus with it to the button that opened it.
        await focusIsOn(a, button("What's new, Alice?"));
        await waitForText(a, '[role=tabpanel]', 'Posted.');
      });

      await step('Bob replies to everyone who sees the post; Alice opens the replies', async () => {
        await chooseTab(b, 'Feed');
        await waitForText(b, '[role=tabpanel]', 'Typed without a mouse');
        await activate(b, button('Reply'));
        // The form opens with the focus in its field; once sent, the focus is back on "Reply".
        await focusIsOn(b, { role: 'textbox', name: 'Reply to everyone who sees this post' });
        await b.type('Answered by keyboard');
        await b.press('Enter');
        await focusIsOn(b, button('Reply'));
        await a.waitFor(() => document.body.textContent?.includes('Show 1 reply'), null, 20_000);
        await activate(a, button('Show 1 reply'));
        await waitForText(a, '[role=tabpanel]', 'Answered by keyboard');
      });

      await step("Alice opens Bob's wall from his name, and goes back", async () => {
        await activate(a, button('Bob'));
        await waitForText(a, '[role=tabpanel]', 'Posts from Bob to you');
        await activate(a, button('Back'));
      });

      await step('Bob writes to Alice in a chat; Alice reads it', async () => {
        await chooseTab(b, 'Chats');
        await activate(b, button('Alice'));
        await typeInto(b, { role: 'textbox', name: 'Message Alice' }, 'A chat by keyboard');
        await b.press('Enter');
        await chooseTab(a, 'Chats');
        await activate(a, button('Bob'));
        await waitForText(a, '[aria-label="Messages with Bob"]', 'A chat by keyboard');
      });

      await step('Alice opens her own wall: her post and whom it went to', async () => {
        await activate(a, button('My wall'));
        await waitForText(a, '[role=tabpanel]', 'My posts');
        await waitForText(a, '[role=tabpanel]', 'Typed without a mouse');
      });
    });
  });
}
