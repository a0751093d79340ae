/**
 * The invite-page content script: runs only on the default tracker's invite page (its match
 * pattern is made at build time, tools/manifests.ts). It reads the card from the fragment — which
 * never reached the server — and hands it to Murmur, which asks in a tab of its own whether to
 * add the person. It draws nothing in the page and tells the page nothing.
 */
import browser from 'webextension-polyfill';
import { createClient } from '../messaging/client';
import type { InviteRequests } from '../messaging/invite-requests';
import { cardTextOfInviteLink } from '../core/identity/contact-card';

const murmur = createClient<InviteRequests>('invite', (message) =>
  browser.runtime.sendMessage(message),
);

const card = cardTextOfInviteLink(location.href);
if (card) void murmur.request('invite.open', { card }).catch(() => undefined);
