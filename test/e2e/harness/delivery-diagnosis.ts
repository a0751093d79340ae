/**
 * Where a message's delivery stands in each person's own store, for a failure message: the
 * sender's outbox entry (each recipient's state, who holds it) and, at every other person, the
 * message, its receipt (to whom it is owed, to whom it went) and any relay copy. When a step
 * waits in vain for "Delivered", this says whose side the receipt stopped at.
 */
import type { ExtensionPage } from '../../../tools/browsers/extension-page';

/** Runs in an extension page: reads Murmur's IndexedDB (the page shares the extension's origin). */
const readDelivery = async (text: string): Promise<string> => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('murmur');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const all = (table: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = db.transaction(table).objectStore(table).getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
  const short = (value: unknown): unknown =>
    typeof value === 'string' && /^[0-9a-f]{40,}$/.test(value)
      ? value.slice(0, 8)
      : Array.isArray(value)
        ? value.map(short)
        : value instanceof Uint8Array
          ? `${value.length} bytes`
          : value && typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, short(v)]))
            : value;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const messages = (await all('messages')).filter((m) =>
    decoder.decode(m.message as Uint8Array).includes(text),
  );
  const ids = new Set(messages.map((m) => m.id as string));
  const of = async (table: string) =>
    (await all(table)).filter((r) => ids.has(r.id as string)).map(short);
  const found = {
    messages: messages.map((m) => ({ id: short(m.id), author: short(m.authorFingerprint) })),
    outbox: await of('outbox'),
    receipts: await of('receipts'),
    relay: await of('relay'),
  };
  db.close();
  return JSON.stringify(found);
};

export async function deliveryDiagnosis(
  pages: Record<string, ExtensionPage>,
  text: string,
): Promise<string> {
  const lines = await Promise.all(
    Object.entries(pages).map(async ([who, page]) => {
      try {
        return `${who}: ${await page.evaluate(readDelivery, text)}`;
      } catch (error) {
        return `${who}: could not read (${String(error)})`;
      }
    }),
  );
  return lines.join('\n');
}
