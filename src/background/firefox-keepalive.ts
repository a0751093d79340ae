/**
 * Firefox suspends an MV3 background page after 30 s without extension events, even with
 * the tracker websocket and WebRTC channels open (shared/BROWSER-TESTING.md), and the PeerJS
 * peer dies with it. A messenger must keep listening while the browser is open, so the page
 * gives itself an event every second: a write to storage.session fires storage.onChanged
 * here, and an event dispatched to the background resets Firefox's idle timer.
 * Event pages became the default in Firefox 106: https://bugzilla.mozilla.org/show_bug.cgi?id=1788108
 * No API keeps one alive on purpose: https://github.com/w3c/webextensions/issues/518
 * Measured: with extensions.background.idle.timeout = 2 s and no page open, a message to an
 * idle profile is delivered with this and never without (test/e2e/relay.firefox.test.ts).
 */
import browser from 'webextension-polyfill';

const KEY = 'keepalive';
const EVERY_MS = 1000;

export function keepBackgroundAwake(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    // The event itself is the point; nothing to do.
    void area;
  });
  setInterval(() => {
    // A keepalive: one that fails is followed by the next in seconds.
    void browser.storage.session.set({ [KEY]: Date.now() }).catch(() => undefined);
  }, EVERY_MS);
}
