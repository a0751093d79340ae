/**
 * Seeds a profile's IndexedDB from one of its extension pages (same origin as the background's
 * database), records exactly as the background writes them — for benchmarks over big stores.
 * Byte fields travel as base64 text, far smaller to hand to the page than arrays of numbers.
 */
import { randomBytes } from '../../src/core/bytes';
import { createIdentity } from '../../src/core/identity/identity';
import type { ContactRecord, StoredMessage } from '../../src/core/state/records';
import type { ExtensionPage } from '../browsers/extension-page';
import { peerIdOf } from '../../src/core/tracker/peer-id';
import { HEADS_COMPLETE } from '../../src/store/conversation-heads';

const portable = (records: object[]) =>
  records.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [
        k,
        v instanceof Uint8Array ? { b64: Buffer.from(v).toString('base64') } : v,
      ]),
    ),
  );

export async function seedStore(
  page: ExtensionPage,
  contacts: ContactRecord[],
  messages: StoredMessage[],
): Promise<void> {
  for (let at = 0; at < Math.max(contacts.length, messages.length); at += 5_000)
    await page.evaluate(
      async ({ contacts, messages, headsComplete }) => {
        // No named helpers in here: tsx would wrap them in a __name() the page does not have.
        for (const r of [...contacts, ...messages] as Record<string, unknown>[])
          for (const [k, v] of Object.entries(r))
            if (v && typeof v === 'object' && 'b64' in v)
              r[k] = Uint8Array.from(atob((v as { b64: string }).b64), (c) => c.charCodeAt(0));
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('murmur');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['contacts', 'messages', 'settings'], 'readwrite');
          for (const c of contacts) tx.objectStore('contacts').put(c);
          for (const m of messages) tx.objectStore('messages').put(m);
          // Written behind the store's back: its chats index is rebuilt at the next read.
          tx.objectStore('settings').delete(headsComplete);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      {
        contacts: portable(contacts.slice(at, at + 5_000)),
        messages: portable(messages.slice(at, at + 5_000)),
        headsComplete: HEADS_COMPLETE,
      },
    );
}

/** `count` friends with real keys, and their contact records as the background keeps them. */
export async function makeFriends(count: number) {
  const friends = await Promise.all(
    Array.from({ length: count }, (_, i) => createIdentity(`Friend ${i}`)),
  );
  const contacts: ContactRecord[] = friends.map((f, i) => ({
    fingerprint: f.fingerprintHex,
    publicKey: f.publicKey.write(),
    displayName: `Friend ${i}`,
    peerId: peerIdOf(randomBytes(32)),
    tracker: 'ws://127.0.0.1:9/murmur',
    state: 'friend',
    addedAt: 0,
  }));
  return { friends, contacts };
}
