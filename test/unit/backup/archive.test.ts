import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveEntries, archiveKeys } from '../../../src/core/archive/archive-entries';
import { archiveHtml } from '../../../src/core/archive/archive-html';
import { readTables } from '../../../src/store/backup-tables';
import { makeHistory, XSS } from './history';
import type { OpenResult } from '../../../src/core/envelope/open';
import { storedMessageOf } from '../../../src/core/node/accept';
import { befriend, deliver, makePerson, type Person } from '../core/people';
import { newMessageId } from '../../../src/core/messages/message-id';

const dir = mkdtempSync(join(tmpdir(), 'murmur-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function archiveOfHistory() {
  const { alice, bob, aliceDb } = await makeHistory();
  const tables = await readTables(aliceDb);
  const me = alice.keyring.me;
  me.displayName = 'Alice';
  const entries = await archiveEntries(me, tables.contacts, tables.messages);
  const keys = await archiveKeys(
    me,
    tables.contacts,
    new Set(entries.map((e) => e.authorFingerprint)),
  );
  return {
    html: archiveHtml({ name: 'Alice', fingerprint: me.fingerprintHex }, entries, keys, Date.now()),
    alice,
    bob,
  };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The signed data and signature of the entry whose text contains `text`, as the page shows them. */
function entryBlocks(html: string, text: string) {
  const articles = html.split('<article').slice(1);
  const article = articles.find((a) => unescape(a).includes(text))!;
  return {
    data: /<pre class="signed-data">([^<]*)<\/pre>/.exec(article)![1]!,
    signature: /<pre class="signature">([^<]*)<\/pre>/.exec(article)![1]!,
  };
}

function gpgVerify(keyBlock: string, data: string, signature: string) {
  const home = mkdtempSync(join(dir, 'gnupg-'));
  chmodSync(home, 0o700);
  writeFileSync(join(home, 'key.asc'), keyBlock);
  writeFileSync(join(home, 'data.b64'), data);
  writeFileSync(join(home, 'sig.asc'), signature);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: home, encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  };
  expect(run('gpg', ['--homedir', home, '--batch', '--import', 'key.asc']).status).toBe(0);
  const decoded = spawnSync('sh', ['-c', 'base64 -d data.b64 > data.bin'], { cwd: home });
  expect(decoded.status).toBe(0);
  return run('gpg', [
    '--homedir',
    home,
    '--batch',
    '--status-fd',
    '1',
    '--verify',
    'sig.asc',
    'data.bin',
  ]);
}

describe('readable archive', () => {
  it('holds every post and message as text, scripts and markup inert', async () => {
    const { html } = await archiveOfHistory();
    for (const text of ['Bob posts from the crag', 'Alice answers', 'Alice on her wall'])
      expect(html).toContain(text);
    expect(html).not.toContain(XSS);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain(
      `content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`,
    );
    expect(html).toMatch(
      /<section id="wall">[\s\S]*Alice on her wall[\s\S]*<section id="feed">[\s\S]*Bob posts from the crag/,
    );
    expect(html).toMatch(
      /<section class="conversation" data-with="[0-9a-f]{40}"><h3>With Bob<\/h3>/,
    );
  });

  it('lets gpg verify a received entry and an own entry with the keys in the file, and not a forged one', async () => {
    const { html, alice, bob } = await archiveOfHistory();
    const keyOf = (fp: string) =>
      new RegExp(`<pre class="public-key" data-fingerprint="${fp}">([^<]*)</pre>`).exec(html)![1]!;

    const received = entryBlocks(html, 'Bob posts from the crag');
    const good = gpgVerify(keyOf(bob.fp), received.data, received.signature);
    expect(good.output).toContain('[GNUPG:] GOODSIG');
    expect(good.output).toContain(`VALIDSIG ${bob.fp.toUpperCase()}`);

    const own = entryBlocks(html, 'Alice answers');
    const mine = gpgVerify(keyOf(alice.fp), own.data, own.signature);
    expect(mine.output).toContain(`VALIDSIG ${alice.fp.toUpperCase()}`);

    // Someone else's text under Bob's signature: gpg says so.
    const forged = gpgVerify(keyOf(bob.fp), own.data, received.signature);
    expect(forged.output).toContain('[GNUPG:] BADSIG');
    expect(forged.output).not.toContain('GOODSIG');
  });

  it("shows a reply a friend shared from someone the user does not know, and gpg verifies it with that person's key", async () => {
    const [alice, carol, dave] = (await Promise.all(
      ['Alice', 'Carol', 'Dave'].map(makePerson),
    )) as [Person, Person, Person];
    befriend(alice, carol);
    befriend(alice, dave);
    const opened = async (r: Promise<OpenResult>) => {
      const result = await r;
      if (!result.ok) throw result.error;
      return result.value;
    };
    const atAlice = await opened(
      deliver(dave, alice, {
        kind: 'reply',
        id: newMessageId(),
        createdAt: Date.now(),
        postAuthor: alice.identity.fingerprint,
        postId: newMessageId(),
        parentReplyId: null,
        visibility: 'public',
        text: 'Dave was here',
      }),
    );
    const atCarol = await opened(
      deliver(alice, carol, {
        kind: 'shared-reply',
        createdAt: Date.now(),
        authorName: 'Dave',
        authorKey: atAlice.senderKey.write(),
        signedData: atAlice.signedData,
        signature: atAlice.signature,
      }),
    );
    const stored = storedMessageOf(atCarol, Date.now(), carol.identity.fingerprintHex);
    const entries = await archiveEntries(carol.identity, [], [stored]);
    const keys = await archiveKeys(carol.identity, [], new Set([dave.identity.fingerprintHex]), [
      stored,
    ]);
    const html = archiveHtml(
      { name: 'Carol', fingerprint: carol.identity.fingerprintHex },
      entries,
      keys,
      Date.now(),
    );
    expect(entries[0]).toMatchObject({ authorName: 'Dave', text: 'Dave was here' });
    const fp = dave.identity.fingerprintHex;
    const key = new RegExp(`<pre class="public-key" data-fingerprint="${fp}">([^<]*)</pre>`).exec(
      html,
    )![1]!;
    const entry = entryBlocks(html, 'Dave was here');
    expect(gpgVerify(key, entry.data, entry.signature).output).toContain(
      `VALIDSIG ${fp.toUpperCase()}`,
    );
  });
});
