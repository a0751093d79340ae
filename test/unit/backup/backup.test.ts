import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError, openBackup, sealBackup } from '../../../src/core/backup/backup-file';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupContents,
} from '../../../src/core/backup/contents';
import { utf8 } from '../../../src/core/bytes';
import { importIdentity } from '../../../src/core/identity/identity';
import { readFriendKey } from '../../../src/core/identity/friend-key';
import { Keyring } from '../../../src/core/keyring';
import { DexieStore } from '../../../src/store/dexie-store';
import { readTables, replaceTables } from '../../../src/store/backup-tables';
import { connect, dm, makeNode, until } from '../sync/harness';
import { freshDb, makeHistory, XSS } from './history';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

const PASSPHRASE = 'correct horse battery staple';

async function backupOf(db: Parameters<typeof readTables>[0]): Promise<BackupContents> {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: 1_800_000_000_000,
    ...(await readTables(db)),
    settings: { 'settings.notifications': false, 'network.trackerKey': 'abc' },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof BackupError ? error.code : `untyped: ${String(error)}`;
  }
}

describe('backup and restore', () => {
  it('restores the same identity, friends and history, and the restored Alice can still talk to Bob', async () => {
    const { aliceDb, bob, alice } = await makeHistory();
    const file = await sealBackup(await backupOf(aliceDb), PASSPHRASE);
    expect(new TextDecoder().decode(file.subarray(0, 16))).toBe('MURMUR-BACKUP 1\n');
    // Nothing readable inside: not the texts, not the friend's name.
    const asText = new TextDecoder('latin1').decode(file);
    expect(asText).not.toContain('Alice answers');
    expect(asText).not.toContain('Bob');

    const contents = await openBackup(file, PASSPHRASE);
    expect(contents.settings).toEqual({
      'settings.notifications': false,
      'network.trackerKey': 'abc',
    });
    const restoredDb = freshDb();
    await replaceTables(restoredDb, contents);
    const before = await new DexieStore(aliceDb).listMessages();
    const after = await new DexieStore(restoredDb).listMessages();
    expect(after).toEqual(before);
    expect(after.map((m) => m.kind).sort()).toEqual(['direct', 'direct', 'post', 'post']);
    expect(await new DexieStore(restoredDb).listContacts()).toEqual(
      await new DexieStore(aliceDb).listContacts(),
    );

    // A new browser: the identity from the backup, the friends from the backup.
    const store = new DexieStore(restoredDb);
    const identity = await importIdentity((await store.getIdentity())!.armoredPrivateKey);
    expect(identity.fingerprintHex).toBe(alice.fp);
    const keyring = new Keyring(identity);
    for (const c of await store.listContacts()) keyring.addFriend(await readFriendKey(c.publicKey));
    const restored = await makeNode('Alice again', store, keyring);
    connect(restored, bob);
    await restored.node.send(dm('hello from the new browser'), [bob.fp]);
    await until(() => bob.inbox.length === 3, 'Bob got the message');
    expect(bob.inbox[2]!.senderFingerprintHex).toBe(alice.fp);
  });

  it('replaces everything and merges nothing: the other identity and its relay copies are gone', async () => {
    const { aliceDb } = await makeHistory();
    const other = await makeHistory();
    const target = new DexieStore(other.aliceDb);
    await target.putRelayCopy({
      id: 'f'.repeat(64) as EnvelopeId,
      bytes: new Uint8Array(10),
      size: 10,
      receivedAt: 1,
      dropAt: 2,
      hopsLeft: 0,
      fromPeer: 'p' as Fingerprint,
      heldBy: [],
      downstream: [],
      declinedBy: [],
      deliveredSlots: [],
    });
    await replaceTables(
      other.aliceDb,
      await openBackup(await sealBackup(await backupOf(aliceDb), PASSPHRASE), PASSPHRASE),
    );
    const source = new DexieStore(aliceDb);
    expect((await target.getIdentity())!.armoredPrivateKey).toBe(
      (await source.getIdentity())!.armoredPrivateKey,
    );
    expect((await target.listMessages()).map((m) => m.id).sort()).toEqual(
      (await source.listMessages()).map((m) => m.id).sort(),
    );
    expect(await target.listRelayCopies()).toEqual([]);
    expect(await target.relayBytes()).toBe(0);
  });

  it('refuses a wrong passphrase, a truncated file, a flipped byte, another file and a newer format with typed errors', async () => {
    const { aliceDb } = await makeHistory();
    const contents = await backupOf(aliceDb);
    const file = await sealBackup(contents, PASSPHRASE);
    expect(await codeOf(openBackup(file, 'not the passphrase'))).toBe('wrong-passphrase');
    expect(
      await codeOf(openBackup(file.subarray(0, Math.floor(file.length / 2)), PASSPHRASE)),
    ).toBe('damaged');
    expect(await codeOf(openBackup(file.subarray(0, file.length - 1), PASSPHRASE))).toBe('damaged');
    for (const at of [Math.floor(file.length / 2), file.length - 20]) {
      const flipped = file.slice();
      flipped[at]! ^= 0x01;
      expect(await codeOf(openBackup(flipped, PASSPHRASE))).toBe('damaged');
    }
    expect(await codeOf(openBackup(utf8('{"format":"murmur-backup"}'), PASSPHRASE))).toBe(
      'not-a-backup',
    );
    const newer = file.slice();
    newer[14] = '2'.charCodeAt(0);
    expect(await codeOf(openBackup(newer, PASSPHRASE))).toBe('newer-version');
    const newerInside = await sealBackup({ ...contents, version: BACKUP_VERSION + 1 }, PASSPHRASE);
    newerInside[14] = '1'.charCodeAt(0);
    expect(await codeOf(openBackup(newerInside, PASSPHRASE))).toBe('newer-version');
  });

  it('refuses a backup that unpacks past the limit, before unpacking it all', async () => {
    const { aliceDb } = await makeHistory();
    const contents = await backupOf(aliceDb);
    const file = await sealBackup(contents, PASSPHRASE);
    // The history's JSON is many kilobytes: a 4 KiB limit is passed, 64 MiB is not.
    expect(await codeOf(openBackup(file, PASSPHRASE, 4096))).toBe('damaged');
    expect((await openBackup(file, PASSPHRASE, 64 * 2 ** 20)).format).toBe('murmur-backup');
  });

  it('reads a history larger than one page completely, each row once, reporting progress', async () => {
    const { aliceDb } = await makeHistory();
    const store = new DexieStore(aliceDb);
    const template = (await store.listMessages())[0]!;
    for (let i = 0; i < 10; i++)
      await store.putMessage({
        ...template,
        id: i.toString(16).padStart(64, '0') as EnvelopeId,
        receivedAt: 2e12 + i,
      });
    const seen: number[] = [];
    const tables = await readTables(aliceDb, ({ done }) => seen.push(done), 3);
    expect(tables.messages).toHaveLength(14);
    expect(new Set(tables.messages.map((m) => m.id)).size).toBe(14);
    expect(seen.at(-1)).toBe(
      14 +
        tables.contacts.length +
        tables.outbox.length +
        tables.receipts.length +
        tables.seen.length,
    );
  });

  it('checks the contents like any other input', async () => {
    const { aliceDb } = await makeHistory();
    const contents = await backupOf(aliceDb);
    const broken = { ...contents, contacts: [{ ...contents.contacts[0]!, state: 'boss' }] };
    const file = await sealBackup(broken as unknown as BackupContents, PASSPHRASE);
    expect(await codeOf(openBackup(file, PASSPHRASE))).toBe('invalid-contents');
  });

  it('fuzz: any bytes after the magic line give a typed error, never a crash or a restore', async () => {
    const magic = utf8('MURMUR-BACKUP 1\n');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (body) => {
        const file = new Uint8Array(magic.length + body.length);
        file.set(magic);
        file.set(body, magic.length);
        expect(await codeOf(openBackup(file, PASSPHRASE))).not.toMatch(/^(no error|untyped)/);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a message text that looks like markup exactly as it was', async () => {
    const { aliceDb } = await makeHistory();
    const file = await sealBackup(await backupOf(aliceDb), PASSPHRASE);
    const contents = await openBackup(file, PASSPHRASE);
    const texts = contents.messages.map((m) => new TextDecoder().decode(m.message));
    expect(texts.some((t) => t.includes(XSS))).toBe(true);
  });
});
