/**
 * A tracker whose TLS certificate the browser refuses (signed by an authority this browser does
 * not know): Murmur first names both likely causes, since a page's fetch and WebSocket cannot
 * tell "down" from "certificate refused"; once the person allows Murmur on the tracker's site
 * (Options › Network › Your trackers' sites), the browser's own reason reaches the status.
 *
 * Firefox only, like invite-other-tracker.firefox.test.ts: its automation preference answers the
 * browser's permission question; a headless Chromium never answers its prompt. Chromium's
 * reasons (`net::ERR_CERT_*`) are read by the same code (test/unit/background/tracker-errors).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { startMurmur } from '../../tools/browsers/first-run';
import type { ExtensionPage } from '../../tools/browsers/extension-page';
import { makeCertificate } from '../../tools/lab/certificate';
import { ANSWER_PERMISSION_PROMPTS_YES } from './harness/permission-prompts';
import { scene } from './harness/scene';
import { step } from './harness/step';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';

const trackerStatus = (options: ExtensionPage, text: string, timeoutMs: number) =>
  options.waitFor(
    (want) =>
      document.querySelector('[data-testid=status-tracker]')?.textContent?.includes(want) ?? false,
    text,
    timeoutMs,
  );

describe('a tracker whose certificate the browser refuses (firefox)', () => {
  const setting = scene('tracker-certificate');
  let dir = '';
  let tlsTracker: TrackerProcess | undefined;
  afterAll(async () => {
    await tlsTracker?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says both likely causes, and the browser’s own reason once Murmur is allowed on the site', async () => {
    await setting.start();
    dir = await mkdtemp(join(tmpdir(), 'murmur-untrusted-'));
    const cert = makeCertificate(dir, ['127.0.0.1']);
    tlsTracker = await startTrackerProcess(0, {
      args: ['--tls-cert', cert.certFile, '--tls-key', cert.keyFile],
    });
    const url = `wss://127.0.0.1:${tlsTracker.port}/murmur`;
    const bob = setting.person('bob', 'firefox', ANSWER_PERMISSION_PROMPTS_YES);

    const options = await step(
      'Bob uses a tracker with a certificate his browser refuses',
      async () => {
        await bob.launch(url);
        await bob.detach();
        await startMurmur(await bob.browser!.openExtensionPage('popup.html'), 'Bob');
        const options = await bob.browser!.openExtensionPage('options.html');
        await trackerStatus(
          options,
          'it is down, or this browser does not trust its certificate',
          20_000,
        );
        return options;
      },
    );

    await step(
      'He allows Murmur on 127.0.0.1; the status names the refused certificate',
      async () => {
        await options.clickButton('Allow Murmur on 127.0.0.1');
        // The link retries with backoff (at most 30 s apart); the next attempt tells the reason.
        await trackerStatus(
          options,
          "this browser refused the tracker's secure connection, usually because it does not trust its certificate",
          45_000,
        );
      },
    );
  });
});
