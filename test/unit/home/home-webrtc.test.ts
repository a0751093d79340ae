/**
 * Two Murmur homes in Node, over node-datachannel and a real tracker on loopback: the same
 * transport code the browsers run, so the same wire. One asks the other by invite link, is
 * accepted, and a direct message arrives.
 */
import '../../../home/webrtc-globals';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHome, type RunningHome } from '../../../home/home-host';
import { openHomeDatabase } from '../../../home/sqlite-database';
import type { HomeLogLine } from '../../../home/home-log';
import { localConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import type { UpdateTopic } from '../../../src/messaging/page-updates';

let tracker: RunningTracker;
const homes: RunningHome[] = [];

beforeAll(async () => {
  tracker = await startTracker(localConfig());
});
afterAll(async () => {
  for (const home of homes) await home.stop();
  await tracker.stop();
});

async function home(name: string, role: 'home' | 'person' = 'person', pairingLinkFile?: string) {
  const waiting: { topic: UpdateTopic; heard: () => void }[] = [];
  const lines: HomeLogLine[] = [];
  const running = await startHome({
    db: openHomeDatabase(':memory:'),
    trackers: [`ws://127.0.0.1:${tracker.port}/murmur`],
    name,
    role,
    ...(pairingLinkFile ? { pairingLinkFile } : {}),
    log: (line) => lines.push(line),
    changed: (...topics) => {
      for (const w of waiting.filter((w) => topics.includes(w.topic))) w.heard();
    },
  });
  homes.push(running);
  const next = (topic: UpdateTopic) => new Promise<void>((heard) => waiting.push({ topic, heard }));
  return { murmur: running.murmur, lines, next };
}

it('two Murmurs in Node become friends by invite link and a message crosses a real data channel', async () => {
  const ann = await home('Ann');
  const ben = await home('Ben');
  const annView = await ann.murmur.ask('identity.get', {});
  expect(ann.lines).toContainEqual({ event: 'started', identity: 'created' });

  const requestArrives = ann.next('requests');
  await ben.murmur.ask('friends.add', { card: annView?.inviteLink ?? '', introduction: 'Ben' });
  await requestArrives;
  const [request] = await ann.murmur.ask('requests.list', {});
  expect(request).toMatchObject({ displayName: 'Ben', introduction: 'Ben' });

  const benConfirms = ben.next('friends');
  await ann.murmur.ask('requests.answer', { id: request?.id ?? ('' as never), accept: true });
  await benConfirms;
  const annFingerprint = annView?.fingerprint;
  while ((await ben.murmur.ask('friends.list', {}))[0]?.asked !== false) await ben.next('friends');

  const arrives = ann.next('messages');
  await ben.murmur.ask('messages.send', { to: annFingerprint as never, text: 'over WebRTC' });
  await arrives;
  const conversation = await ann.murmur.ask('messages.list', {});
  expect(conversation.map((m) => m.text)).toContain('over WebRTC');
  expect(ann.lines).toContainEqual({ event: 'friends-linked', count: 1 });
  expect(JSON.stringify(ann.lines)).not.toMatch(/over WebRTC|127\.0\.0\.1|m[0-9a-f]{32}/);
}, 60_000);

it('Ann pairs with her home by its link, over a real data channel', async () => {
  const linkFile = join(mkdtempSync(join(tmpdir(), 'murmur-pairing-')), 'pairing-link');
  const annsHome = await home('Ann’s home', 'home', linkFile);
  const ann = await home('Ann');
  const link = readFileSync(linkFile, 'utf8').trim();
  expect(statSync(linkFile).mode & 0o077).toBe(0);
  expect(annsHome.lines).toContainEqual(expect.objectContaining({ event: 'pairing-link' }));
  expect(JSON.stringify(annsHome.lines)).not.toContain(link);

  await ann.murmur.ask('home.pair', { link });
  while ((await ann.murmur.ask('home.get', {}))?.state !== 'paired') await ann.next('friends');
  expect(annsHome.lines).toContainEqual({ event: 'paired' });
  expect(existsSync(linkFile)).toBe(false);
}, 60_000);
