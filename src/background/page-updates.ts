/**
 * Tells open extension pages what changed, over the `murmur.updates` port, so they ask again
 * instead of polling. Notes are gathered for a moment: a sync that stores 500 messages is a few
 * notes, not 500.
 */
import type { Runtime } from 'webextension-polyfill';
import type { UpdateNote, UpdateTopic } from '../messaging/page-updates';

const GATHER_MS = 50;
/** Our own pages only; more than this open at once is a leak, not a user. */
const MAX_PAGES = 64;

export interface PageUpdates {
  /** An extension page's port: it hears every note until it closes. */
  accept(port: Runtime.Port): void;
  tell(...topics: UpdateTopic[]): void;
}

export function pageUpdates(): PageUpdates {
  const pages = new Set<Runtime.Port>();
  const due = new Set<UpdateTopic>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const note: UpdateNote = { changed: [...due] };
    due.clear();
    for (const page of pages) {
      try {
        page.postMessage(note);
      } catch {
        // Closed between its disconnect and this note.
        pages.delete(page);
      }
    }
  };

  return {
    accept(port) {
      if (pages.size >= MAX_PAGES) return port.disconnect();
      pages.add(port);
      port.onDisconnect.addListener(() => pages.delete(port));
      // A page's only message keeps this worker awake while it is open; receiving it is enough.
      port.onMessage.addListener(() => undefined);
      // The greeting: from now on this page hears every change, so whatever it asked before
      // may be old — it asks again (ui/page-updates.ts).
      const hello: UpdateNote = { changed: [] };
      port.postMessage(hello);
    },
    tell(...topics) {
      if (pages.size === 0) return;
      for (const topic of topics) due.add(topic);
      timer ??= setTimeout(flush, GATHER_MS);
    },
  };
}
