/**
 * The readable archive: one self-contained HTML file — no scripts, no external resources (its
 * own CSP forbids both), thumbnails inline — that opens in every browser offline. Every text the
 * user or a friend wrote is escaped: it is shown, never interpreted. Each entry carries its
 * signature, and the file explains how to check one with gpg.
 */
import { isoTimeOrNull } from '../dates';
import * as openpgp from 'openpgp';
import { toBase64 } from '../bytes';
import { entryOf } from '../map-entry';
import type { ArchiveEntry, ArchiveKey } from './archive-entries';

export interface ArchiveOwner {
  name: string;
  fingerprint: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? '');

/** Standard base64 in 76-column lines, as `base64` writes it. */
const base64Lines = (bytes: Uint8Array) => (toBase64(bytes).match(/.{1,76}/g) ?? []).join('\n');

const when = (ms: number) =>
  (isoTimeOrNull(ms)?.slice(0, 16).replace('T', ' ') ?? 'unknown date') + ' UTC';
const datetime = (ms: number) => {
  const iso = isoTimeOrNull(ms);
  return iso ? ` datetime="${iso}"` : '';
};

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e8e8ea;background:#17171a}.entry{border-color:#3a3a40}}
.entry{border:1px solid #d8d8dc;border-radius:8px;padding:.6rem .8rem;margin:.7rem 0}
.entry .text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.3rem 0}.replies{margin-left:1.5rem}
.meta{font-size:.85em;opacity:.75}pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.75em}
img{max-width:100%;height:auto;border-radius:4px}`;

function entryHtml(e: ArchiveEntry, ownerFingerprint: string): string {
  const source = e.mirroredFromFacebook ? ' · <span class="source">from Facebook</span>' : '';
  const images = e.thumbnails
    .map(
      (t) =>
        `<img alt="" width="${t.width}" height="${t.height}" src="data:image/${t.type};base64,${toBase64(t.data)}">`,
    )
    .join('');
  const signer = e.mine ? ownerFingerprint : e.authorFingerprint;
  return `<article class="entry" id="e-${e.id}" data-kind="${e.kind}">
<div class="meta"><strong class="author">${escapeHtml(e.authorName)}</strong> · <time${datetime(e.createdAt)}>${when(e.createdAt)}</time>${source}</div>
<p class="text">${escapeHtml(e.text)}</p>${images}
<details><summary>Signature</summary><p class="meta">Signed by ${signer}</p>
<pre class="signed-data">${base64Lines(e.signedData)}</pre>
<pre class="signature">${openpgp.armor(openpgp.enums.armor.signature, e.signature)}</pre></details>
</article>`;
}

const HOW_TO_VERIFY = `<section id="verify"><h2>Checking a signature</h2>
<p>Every entry above keeps the OpenPGP signature its author made. To check one with GnuPG:</p>
<ol><li>Save the author's key from <a href="#keys">Keys</a> as <code>key.asc</code> and run <code>gpg --import key.asc</code>.</li>
<li>Open the entry's "Signature", save the first block (the signed data) as <code>data.b64</code> and the second as <code>sig.asc</code>.</li>
<li>Run <code>base64 -d data.b64 &gt; data.bin</code> and then <code>gpg --verify sig.asc data.bin</code>. It reports a good signature from the author's fingerprint.</li></ol>
<p>The signed data is the message as Murmur encodes it (its text is inside, in UTF-8). Received messages keep the signature made when they were sent; your own entries are signed when the archive is made.</p></section>`;

export function archiveHtml(
  owner: ArchiveOwner,
  entries: ArchiveEntry[],
  keys: ArchiveKey[],
  madeAt: number,
): string {
  const newestFirst = [...entries].sort((a, b) => b.createdAt - a.createdAt);
  const posts = newestFirst.filter((e) => e.kind === 'post');
  const repliesByPost = new Map<string, ArchiveEntry[]>();
  const replies = entries
    .filter((e) => e.kind === 'reply')
    .sort((a, b) => a.createdAt - b.createdAt);
  for (const reply of replies)
    if (reply.replyTo !== null) entryOf(repliesByPost, reply.replyTo, () => []).push(reply);
  const postIds = new Set(posts.map((p) => p.itemId));
  const orphanReplies = entries.filter(
    (e) => e.kind === 'reply' && (e.replyTo === null || !postIds.has(e.replyTo)),
  );
  const withReplies = (p: ArchiveEntry) => {
    const replies = repliesByPost.get(p.itemId) ?? [];
    const nested = replies.length
      ? `<div class="replies">${replies.map((r) => entryHtml(r, owner.fingerprint)).join('\n')}</div>`
      : '';
    return entryHtml(p, owner.fingerprint) + nested;
  };
  const wall = posts.filter((p) => p.mine);
  const feed = posts.filter((p) => !p.mine);
  const conversations = new Map<string, ArchiveEntry[]>();
  for (const e of [...entries].sort((a, b) => a.createdAt - b.createdAt))
    if (e.kind === 'direct' && e.conversationWith)
      conversations.set(e.conversationWith, [...(conversations.get(e.conversationWith) ?? []), e]);

  const out: string[] = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>Murmur archive — ${escapeHtml(owner.name)}</title><style>${STYLE}</style></head><body>`,
    `<h1>Murmur archive of ${escapeHtml(owner.name)}</h1>`,
    `<p class="meta">Made ${when(madeAt)} · key fingerprint ${owner.fingerprint} · ${wall.length} posts on your wall, ${feed.length} in your feed, ${conversations.size} conversations</p>`,
    `<nav><a href="#wall">Your wall</a> · <a href="#feed">Feed</a> · <a href="#conversations">Conversations</a> · <a href="#verify">Checking a signature</a> · <a href="#keys">Keys</a></nav>`,
    `<section id="wall"><h2>Your wall</h2>`,
    ...wall.map(withReplies),
    `</section><section id="feed"><h2>Feed</h2>`,
    ...feed.map(withReplies),
    `</section>`,
  ];
  if (orphanReplies.length)
    out.push(
      `<section id="replies"><h2>Replies to posts not in this archive</h2>`,
      ...orphanReplies.map((r) => entryHtml(r, owner.fingerprint)),
      `</section>`,
    );
  out.push(`<section id="conversations"><h2>Conversations</h2>`);
  for (const [fingerprint, messages] of conversations)
    out.push(
      `<section class="conversation" data-with="${fingerprint}"><h3>With ${escapeHtml(messages[0]?.conversationName ?? fingerprint)}</h3>`,
      ...messages.map((m) => entryHtml(m, owner.fingerprint)),
      `</section>`,
    );
  out.push(`</section>`, HOW_TO_VERIFY, `<section id="keys"><h2>Keys</h2>`);
  for (const key of keys)
    out.push(
      `<h3>${escapeHtml(key.name)}</h3><p class="meta">${key.fingerprint}</p><pre class="public-key" data-fingerprint="${key.fingerprint}">${key.armoredPublicKey}</pre>`,
    );
  out.push(`</section></body></html>`);
  return out.join('\n');
}
