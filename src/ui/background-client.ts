/** The one way pages talk to the background: typed `ui` requests over runtime messaging. */
import browser from 'webextension-polyfill';
import { createClient } from '../messaging/client';
import type { UiRequests } from '../messaging/ui-requests';

export const background = createClient<UiRequests>('ui', (message) =>
  browser.runtime.sendMessage(message),
);
