/**
 * A home's own relay policy (issue 32, point 3): `--quota` and `--hold-days` on its command
 * line, envelopes of any size (an owner's pictures), applied through the app's front door at
 * every start — a smaller quota takes effect at once, oldest copies first.
 */
import '../../../home/webrtc-globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseHomeConfig } from '../../../home/home-config';
import { startHome } from '../../../home/home-host';
import { openHomeDatabase } from '../../../home/sqlite-database';
import { SqliteStore } from '../../../home/sqlite-store';
import { localConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { MAX_ENVELOPE_BYTES } from '../../../src/core/envelope/format';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';

let tracker: RunningTracker;
beforeAll(async () => {
  tracker = await startTracker(localConfig());
});
afterAll(() => tracker.stop());

const MB = 1024 * 1024;

it('reads its policy from the command line: a gigabyte for 30 days by default', () => {
  expect(parseHomeConfig(['--data', '/x']).relayPolicy).toEqual({
    maxMessageBytes: MAX_ENVELOPE_BYTES,
    maxHoldSeconds: 30 * 86_400,
    quotaBytes: 1024 * MB,
  });
  expect(
    parseHomeConfig(['--data', '/x', '--quota', '5', '--hold-days', '7']).relayPolicy,
  ).toMatchObject({ quotaBytes: 5 * MB, maxHoldSeconds: 7 * 86_400 });
  for (const bad of [
    ['--quota', '0'],
    ['--quota', '1.5'],
    ['--hold-days', '91'],
  ])
    expect(() => parseHomeConfig(['--data', '/x', ...bad])).toThrow(/whole number/);
});

it('applies it at start, and a smaller quota at once: the oldest copies go', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'murmur-home-policy-')), 'home.db');
  const seed = new SqliteStore(openHomeDatabase(path));
  for (const [id, receivedAt] of [
    ['old', 1],
    ['new', 2],
  ] as const)
    await seed.putRelayCopy({
      id: id as EnvelopeId,
      bytes: new Uint8Array(MB),
      size: MB,
      receivedAt,
      dropAt: 2_000_000_000,
      hopsLeft: 0,
      fromPeer: 'f'.repeat(40) as Fingerprint,
      heldBy: [],
      downstream: [],
      declinedBy: [],
      deliveredSlots: [],
    });
  seed.close();

  const { relayPolicy } = parseHomeConfig(['--data', '/x', '--quota', '1', '--hold-days', '3']);
  const home = await startHome({
    db: openHomeDatabase(path),
    trackers: [`ws://127.0.0.1:${tracker.port}/murmur`],
    name: 'A home',
    log: () => undefined,
    relayPolicy,
  });
  try {
    expect(await home.murmur.ask('relay.get', {})).toEqual({ ...relayPolicy, usedBytes: MB });
    expect(await home.carrying()).toBe(1);
  } finally {
    await home.stop();
  }
  const after = new SqliteStore(openHomeDatabase(path));
  expect((await after.listRelayCopies()).map((c) => c.id)).toEqual(['new']);
  after.close();
});
