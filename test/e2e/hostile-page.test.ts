/**
 * A web page the user visits cannot use their tracker (hostile-peers issue, point 8), in a real
 * browser: its challenge request gets no CORS grant, its PeerJS socket is refused for its
 * origin, and a flood of requests it can send without asking spends none of the allowance the
 * user's own Murmur needs (the old tracker counted each one).
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../../tools/build';
import { CHROMIUM_PATH } from '../../tools/browsers/chromium';
import { connectClient } from '../unit/signaling-server/client';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';

interface HostilePage {
  register(url: string): Promise<string>;
  stockPeer(url: string): Promise<string>;
  flood(url: string, count: number): Promise<void>;
}

let tracker: TrackerProcess | null = null;
afterAll(() => tracker?.stop());

it("a web page gets no challenge, no socket, and spends none of the user's allowance", async () => {
  tracker = await startTrackerProcess();
  const bundle = await build({
    entryPoints: [join(ROOT, 'test/e2e/fixtures/hostile-page.ts')],
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
    const call = <K extends keyof HostilePage>(name: K, ...args: Parameters<HostilePage[K]>) =>
      page.evaluate(
        ({ name, args }) => {
          type Call = (...a: unknown[]) => Promise<unknown>;
          const api = (globalThis as unknown as { hostilePage: Record<string, Call> }).hostilePage;
          return api[name]!(...args);
        },
        { name, args },
      );
    expect(await call('register', tracker.url)).toMatch(/^refused: TypeError/);
    expect(await call('stockPeer', tracker.url)).toMatch(/^refused/);
    // The default allowance is 60 connections a minute per address: 150 would have spent it.
    await call('flood', tracker.url, 150);
    const mine = await connectClient(tracker.port);
    await tracker.waitForEvent((e) => e.event === 'peer-connected' && e.peerId === mine.id);
    mine.socket.close();
    // Only the user's own client ever registered.
    expect(tracker.events.filter((e) => e.event === 'peer-connected')).toHaveLength(1);
  } finally {
    await browser.close();
    site.close();
  }
});
