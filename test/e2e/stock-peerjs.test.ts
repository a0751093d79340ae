/** The tracker speaks the PeerJS protocol: the unmodified `peerjs` client works through it. */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../../tools/build';
import { CHROMIUM_PATH } from '../../tools/browsers/chromium';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';

let tracker: TrackerProcess | null = null;
afterAll(() => tracker?.stop());

it('two stock peerjs clients in a web page register and open a data channel', async () => {
  tracker = await startTrackerProcess();
  const bundle = await build({
    entryPoints: [join(ROOT, 'test/e2e/fixtures/stock-peerjs-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
  });
  const script = bundle.outputFiles[0]!.text;
  const site = createServer((req, res) => {
    if (req.url === '/page.js')
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else
      res.writeHead(200, { 'content-type': 'text/html' }).end('<script src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    const received = await page.evaluate(
      (url) =>
        (globalThis as unknown as { runStockPeerjs(u: string): Promise<string> }).runStockPeerjs(
          url,
        ),
      tracker.url,
    );
    expect(received).toBe('hello through the tracker');
    expect(tracker.events.filter((e) => e.event === 'peer-connected')).toHaveLength(2);
  } finally {
    await browser.close();
    site.close();
  }
});
