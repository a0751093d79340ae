/**
 * The page that serves an invite can swap the card (hostile peers, second round, point 3).
 * A hostile invite server on this computer, under the default tracker's invite path (which the
 * built-in invite script covers on every port): one page rewrites its fragment with an inline
 * script as it loads; one link redirects to the invite page with another card in the Location.
 * Bob, who clicked Alice's real link, must be offered Alice — with the site named — or nothing.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { contactCardToText } from '../../src/core/identity/contact-card';
import { createIdentity } from '../../src/core/identity/identity';
import { generateSigningKey } from '../../src/core/crypto/ed25519';
import { peerIdOf } from '../../src/core/tracker/peer-id';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { openInviteLink } from './harness/invite-offer';
import { scene } from './harness/scene';
import { step } from './harness/step';

async function cardOf(name: string, tracker: string): Promise<string> {
  const identity = await createIdentity(name);
  return contactCardToText({
    publicKey: identity.publicKey.write(),
    displayName: name,
    peerId: peerIdOf(generateSigningKey().publicKey),
    tracker,
    inviteSecret: null,
  });
}

type Swap = 'script' | 'redirect';

/**
 * Serves /murmur/invite as a hostile operator would. `script`: the page rewrites its fragment
 * as it loads. `redirect`: the first request is sent on to the same page with Mallory's card in
 * the Location (the same path: the link Bob clicked looks like any invite link).
 */
function hostileInviteServer(swap: Swap, malloryCard: string): Server {
  let redirected = false;
  return createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://invite').pathname !== '/murmur/invite')
      return void res.writeHead(404).end();
    if (swap === 'redirect' && !redirected) {
      redirected = true;
      return void res.writeHead(302, { Location: `/murmur/invite#${malloryCard}` }).end();
    }
    const script =
      swap === 'script'
        ? `<script>history.replaceState(null, '', location.pathname + '#${malloryCard}')</script>`
        : '';
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(
      `<!doctype html><html><head>${script}</head><body><h1>You are invited to Murmur</h1></body></html>`,
    );
  });
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export function inviteSwapSuite(kind: BrowserKind): void {
  describe(`the page that serves an invite (${kind})`, () => {
    const setting = scene(`invite-swap-${kind}`);

    it('cannot swap the card by a script or a redirect: Alice is offered, with the site, or nothing', async () => {
      const { tracker } = await setting.start();
      const alice = await cardOf('Alice', tracker.url);
      const mallory = await cardOf('Mallory', tracker.url);
      const scripted = hostileInviteServer('script', mallory);
      const redirecting = hostileInviteServer('redirect', mallory);
      const [site, redirectSite] = [await listen(scripted), await listen(redirecting)];
      try {
        const bob = setting.person('bob', kind);
        await bob.launch(tracker.url);
        await bob.ui('identity.create', { displayName: 'Bob' });

        const shownAt = await step('a script in the page rewrites the fragment', async () => {
          const { offer, heading } = await openInviteLink(
            bob.browser!,
            `http://${site}/murmur/invite#${alice}`,
          );
          expect(heading).toBe('Add Alice as a friend?');
          expect(await offer.textOf('.invite-site')).toBe(`This link was opened on ${site}.`);
          // Murmur opened its tab before this: a second invite a second after now is not too soon.
          return Date.now();
        });

        await step('a redirect carries another card in its Location', async () => {
          // Murmur opens its invite tab at most once a second, whatever the page does.
          await new Promise((resolve) =>
            setTimeout(resolve, Math.max(0, shownAt + 1100 - Date.now())),
          );
          const { offer } = await openInviteLinkPage(
            bob.browser!,
            `http://${redirectSite}/murmur/invite#${alice}`,
          );
          const said = await offer.waitFor(
            () => document.querySelector('.invite-offer [role=status]')?.textContent ?? null,
            null,
            20_000,
          );
          expect(await offer.textOf('#invite-offer-heading')).toBe(
            'Murmur did not open this invitation',
          );
          expect(said).toBe(
            `${redirectSite} sent this link on to another address, and a page that does so can swap whose invitation it is.`,
          );
          expect(await offer.evaluate(() => document.body.innerText, null)).not.toContain(
            'Mallory',
          );
        });
      } finally {
        scripted.close();
        redirecting.close();
      }
    });
  });
}

/** Opens a link and finds Murmur's invite tab, whatever it shows. */
async function openInviteLinkPage(
  browser: NonNullable<Parameters<typeof openInviteLink>[0]>,
  link: string,
) {
  const page = await browser.openUrl(link);
  expect(await page.textOf('h1')).toBe('You are invited to Murmur');
  return { page, offer: await browser.extensionWindow('murmur.html', 20_000) };
}
