/** The home's store on disk: what it wrote is there after a restart, and a newer file is refused. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DatabaseVersionError, openHomeDatabase } from '../../../home/sqlite-database';
import { sqliteSettings } from '../../../home/sqlite-settings';
import { SqliteStore } from '../../../home/sqlite-store';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { ReceiptKey } from '../../../src/core/state/receipt-key';
import { StoreClosedError } from '../../../src/core/state/store-port';
import { copyOf } from './contract-records';

const fileIn = (name: string) => join(mkdtempSync(join(tmpdir(), 'murmur-home-db-')), name);

it('keeps relay copies, the policy and settings across a restart of the home', async () => {
  const path = fileIn('home.db');
  const first = openHomeDatabase(path);
  const store = new SqliteStore(first);
  await store.putRelayPolicy({ maxMessageBytes: 10, maxHoldSeconds: 20, quotaBytes: 30 });
  await store.putRelayCopy({
    id: 'r' as EnvelopeId,
    bytes: new Uint8Array([1, 2, 3]),
    size: 3,
    receivedAt: 1,
    dropAt: 9,
    hopsLeft: 0,
    fromPeer: 'p' as Fingerprint,
    heldBy: [],
    downstream: [],
    declinedBy: [],
    deliveredSlots: [],
  });
  await sqliteSettings(first).set({ 'home.owner': { name: 'Ann', keys: [new Uint8Array([7])] } });
  first.close();

  const second = openHomeDatabase(path);
  const reopened = new SqliteStore(second);
  expect(await reopened.getRelayPolicy()).toEqual({
    maxMessageBytes: 10,
    maxHoldSeconds: 20,
    quotaBytes: 30,
  });
  expect((await reopened.getRelayCopy('r' as EnvelopeId))?.bytes).toEqual(
    new Uint8Array([1, 2, 3]),
  );
  expect(await reopened.relayBytes()).toBe(3);
  expect(await sqliteSettings(second).get(['home.owner', 'missing'])).toEqual({
    'home.owner': { name: 'Ann', keys: [new Uint8Array([7])] },
  });
  second.close();
});

it('refuses a database a newer home wrote, and leaves it as it was', () => {
  const path = fileIn('newer.db');
  const raw = new Database(path);
  raw.pragma('user_version = 99');
  raw.close();
  expect(() => openHomeDatabase(path)).toThrow(DatabaseVersionError);
  const after = new Database(path);
  expect(after.pragma('user_version', { simple: true })).toBe(99);
  expect(
    after.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table'").get(),
  ).toEqual({
    n: 0,
  });
  after.close();
});

it('once the home closes it, every call rejects with a typed error, not a driver fault', async () => {
  const store = new SqliteStore(openHomeDatabase(':memory:'));
  store.close();
  store.close(); // twice is harmless
  await expect(store.listOutbox()).rejects.toBeInstanceOf(StoreClosedError);
  await expect(store.getReceipt('k' as ReceiptKey)).rejects.toBeInstanceOf(StoreClosedError);
});

describe('writes made together (one flush to disk for a frame)', () => {
  const copy = (id: string) => copyOf(id as EnvelopeId, 1, 1);

  it('keeps none of a group whose work failed, as a crash would', async () => {
    const store = new SqliteStore(openHomeDatabase(fileIn('home.db')));
    await expect(
      store.writeTogether(async (group) => {
        await group.putRelayCopy(copy('a'));
        throw new Error('a bad envelope');
      }),
    ).rejects.toThrow('a bad envelope');
    expect(await store.getRelayCopy('a' as EnvelopeId)).toBeUndefined();
  });

  it('holds a write from outside the group until it ends, so a rollback cannot take it', async () => {
    const db = openHomeDatabase(fileIn('home.db'));
    const store = new SqliteStore(db);
    let release: () => void = () => undefined;
    const inGroup = new Promise<void>((resolve) => (release = resolve));
    let opened: () => void = () => undefined;
    const groupOpen = new Promise<void>((resolve) => (opened = resolve));
    const order: string[] = [];
    const group = store.writeTogether(async (g) => {
      await g.putRelayCopy(copy('in-group'));
      opened();
      await inGroup;
      order.push('group ends');
      throw new Error('rolled back');
    });
    await groupOpen;
    const outside = store.putRelayCopy(copy('outside')).then(() => order.push('outside written'));
    const setting = sqliteSettings(db)
      .set({ 'a.setting': 1 })
      .then(() => order.push('setting written'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]); // both wait while the group is open
    release();
    await expect(group).rejects.toThrow('rolled back');
    await Promise.all([outside, setting]);
    expect(order[0]).toBe('group ends');
    expect(await store.getRelayCopy('in-group' as EnvelopeId)).toBeUndefined();
    expect(await store.getRelayCopy('outside' as EnvelopeId)).toBeDefined();
    expect(await sqliteSettings(db).get('a.setting')).toEqual({ 'a.setting': 1 });
  });

  it('is on disk once the group settles: a second connection reads it', async () => {
    const path = fileIn('home.db');
    const store = new SqliteStore(openHomeDatabase(path));
    await store.writeTogether(async (g) => {
      await g.putRelayCopy(copy('x'));
      await g.putRelayCopy(copy('y'));
    });
    const other = new SqliteStore(openHomeDatabase(path));
    expect((await other.listRelayCopies()).map((c) => c.id)).toEqual(['x', 'y']);
  });
});
