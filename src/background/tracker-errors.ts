/**
 * The browser's own reason a request to a tracker failed, heard through
 * webRequest.onErrorOccurred (sites the person allowed Murmur on only) and kept by the app's
 * `TrackerReasons`. Wiring only.
 */
import browser from 'webextension-polyfill';
import { TrackerReasons } from '../app/tracker-reasons';

/** `heard` is called when a host's reason is new (a page showing the status asks again). */
export function trackerErrors(heard: () => void, now: () => number = Date.now): TrackerReasons {
  const reasons = new TrackerReasons(now);
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      if (reasons.heard(details.url, details.error)) heard();
    },
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
  );
  return reasons;
}
