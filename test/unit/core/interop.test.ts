/**
 * The encrypted body of a Murmur envelope is standard OpenPGP: Debian's GnuPG 2.2 and
 * Sequoia sq 0.27 decrypt it with the recipient's exported secret key (as an anonymous
 * recipient) and verify the sender's signature, also detached, as an archive would keep it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatBytes } from '../../../src/core/bytes';
import { decodeEnvelope } from '../../../src/core/envelope/format';
import { open } from '../../../src/core/envelope/open';
import { seal } from '../../../src/core/envelope/seal';
import { exportPrivateKey, exportPublicKey } from '../../../src/core/identity/identity';
import { befriend, direct, inAnHour, makePerson } from './people';

const dir = mkdtempSync(join(tmpdir(), 'murmur-interop-'));
const file = (name: string) => join(dir, name);
let signedData: Uint8Array;

beforeAll(async () => {
  const [alice, paul, george] = await Promise.all(['Alice', 'Paul', 'George'].map(makePerson));
  befriend(alice!, paul!);
  befriend(alice!, george!);
  const recipients = [paul!, george!].map((p) => alice!.keyring.friend(p.identity.fingerprintHex)!);
  const sealed = await seal(direct('read me with gpg ✓'), recipients, alice!.identity, {
    expiresAt: inAnHour(),
  });
  const envelope = decodeEnvelope(sealed.bytes);
  writeFileSync(file('body.pgp'), concatBytes(...envelope.pkesks, envelope.encryptedData));
  writeFileSync(file('george.sec.asc'), await exportPrivateKey(george!.identity));
  writeFileSync(file('alice.pub.asc'), exportPublicKey(alice!.identity));
  const opened = await open(sealed.bytes, george!.keyring, { now: Date.now() });
  if (!opened.ok) throw opened.error;
  signedData = opened.value.signedData;
  writeFileSync(file('content.bin'), opened.value.signedData);
  writeFileSync(file('content.sig'), opened.value.signature);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('OpenPGP interoperability', () => {
  it('GnuPG decrypts the body as anonymous recipient and finds a good signature', () => {
    const home = file('gnupg');
    spawnSync('mkdir', ['-p', home]);
    chmodSync(home, 0o700);
    const imported = run('gpg', [
      '--homedir',
      home,
      '--batch',
      '--import',
      'george.sec.asc',
      'alice.pub.asc',
    ]);
    expect(imported.status, imported.output).toBe(0);
    const decrypted = run('gpg', [
      '--homedir',
      home,
      '--batch',
      '--status-fd',
      '2',
      '--output',
      'gpg.out',
      '--decrypt',
      'body.pgp',
    ]);
    // With several anonymous recipients gpg first tries slots that are not George's, logs a
    // "Checksum error" for them and so exits 2 even though it then decrypts: judge by its
    // status lines instead.
    expect(decrypted.output).toContain('[GNUPG:] DECRYPTION_OKAY');
    expect(decrypted.output).toContain('[GNUPG:] GOODSIG');
    expect(decrypted.output).not.toContain('[GNUPG:] DECRYPTION_FAILED');
    expect(new Uint8Array(readFileSync(file('gpg.out')))).toEqual(signedData);
    const verified = run('gpg', [
      '--homedir',
      home,
      '--batch',
      '--status-fd',
      '2',
      '--verify',
      'content.sig',
      'content.bin',
    ]);
    expect(verified.status).toBe(0);
    expect(verified.output).toContain('[GNUPG:] GOODSIG');
  });

  it('Sequoia sq decrypts the body and verifies the detached signature', () => {
    const decrypted = run('sq', [
      'decrypt',
      '--recipient-key',
      'george.sec.asc',
      '--signer-cert',
      'alice.pub.asc',
      '-o',
      'sq.out',
      'body.pgp',
    ]);
    expect(decrypted.status).toBe(0);
    expect(decrypted.output).toContain('1 good signature');
    expect(new Uint8Array(readFileSync(file('sq.out')))).toEqual(signedData);
    const verified = run('sq', [
      'verify',
      '--signer-cert',
      'alice.pub.asc',
      '--detached',
      'content.sig',
      'content.bin',
    ]);
    expect(verified.status).toBe(0);
  });

  it('a tampered body is refused by GnuPG too', () => {
    const body = readFileSync(file('body.pgp'));
    body[body.length - 5] = body[body.length - 5]! ^ 0x40;
    writeFileSync(file('bad.pgp'), body);
    const result = run('gpg', [
      '--homedir',
      file('gnupg'),
      '--batch',
      '--status-fd',
      '2',
      '--output',
      'bad.out',
      '--decrypt',
      'bad.pgp',
    ]);
    expect(result.status).not.toBe(0);
    expect(result.output).not.toContain('[GNUPG:] DECRYPTION_OKAY');
  });
});
