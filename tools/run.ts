/**
 * `npm start [-- --firefox]`: builds Murmur, starts a local tracker, and opens Chromium (or
 * Firefox) with the extension in a fresh profile, pointed at that tracker. With no display it
 * says so, does the same headless, and saves screenshots of the popup and options page.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { localConfig } from '../signaling-server/config';
import { startTracker, type RunningTracker } from '../signaling-server/tracker';
import { buildAll, DIST, ROOT } from './build';
import { launchChromium } from './browsers/chromium';
import type { ExtensionBrowser } from './browsers/extension-page';
import { launchFirefox } from './browsers/firefox';
import { useTracker } from './browsers/use-tracker';
import { answerHelp } from './cli-help';

answerHelp(`npm start [-- --firefox]

Builds Murmur, starts a local tracker and opens Chromium (or Firefox) with the extension in a
fresh profile pointed at it. With no display, runs headless and saves screenshots.`);

const kind = process.argv.includes('--firefox') ? 'firefox' : 'chromium';
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

async function startLocalTracker(): Promise<RunningTracker> {
  try {
    return await startTracker({ ...localConfig(), port: 9000 });
  } catch {
    console.log('Port 9000 is busy; starting the tracker on a free port instead.');
    return startTracker(localConfig());
  }
}

// The test of this command runs it after the test runner built dist/ (rebuilding it then could
// race browsers that other tests are launching).
if (process.env.MURMUR_PREBUILT !== '1') {
  await buildAll();
  console.log(`Built dist/chromium and dist/firefox.`);
}
const tracker = await startLocalTracker();
const trackerUrl = `ws://127.0.0.1:${tracker.port}/murmur`;
console.log(`Tracker listening on ${trackerUrl}`);
if (headless)
  console.log(`No display found ($DISPLAY is unset): running ${kind} headless instead.`);

const extensionDir = join(DIST, kind);
const browser: ExtensionBrowser =
  kind === 'chromium'
    ? await launchChromium({ extensionDir, profile: 'you', headless })
    : await launchFirefox({ extensionDir, profile: 'you', headless });
console.log(`Opened ${kind} with Murmur in a fresh profile.`);

await useTracker(browser, trackerUrl);
const options = await browser.openExtensionPage('options.html');
const popup = await browser.openExtensionPage('popup.html');
// The connection status is in Options › About (the popup is for friends).
await options
  .waitFor(() => document.querySelector('[data-state=connected]') !== null, null, 15_000)
  .then(
    () => console.log('Murmur is connected to the local tracker.'),
    () => console.log('Murmur did not reach the tracker in 15 s; Options › About shows why.'),
  );

const shutdown = async () => {
  await browser.close().catch(() => undefined);
  await tracker.stop();
};

if (headless) {
  const dir = join(ROOT, 'test-results', 'run');
  await mkdir(dir, { recursive: true });
  await popup.screenshot(join(dir, `${kind}-popup.png`));
  await options.screenshot(join(dir, `${kind}-options.png`));
  console.log(`Screenshots: ${join(dir, `${kind}-popup.png`)}`);
  console.log(`             ${join(dir, `${kind}-options.png`)}`);
  await shutdown();
  process.exit(0);
} else {
  console.log('Close the browser or press Ctrl-C to stop Murmur and the tracker.');
  const stop = () => void shutdown().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  void browser.closed.then(stop);
}
