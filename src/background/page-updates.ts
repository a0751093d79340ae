/**
 * Tells open extension pages what changed, over the `murmur.updates` port, so they ask again
 * instead of polling. Notes are gathered for a moment: a sync that stores 500 messages is a few
 * notes, not 500.
 */
import type { Runtime } from 'webextension-polyfill';
import type { UpdateNote, UpdateTopic } from '../messaging/page-updates';

const GATHER_MS = 50;
/**
 * A page is greeted with what changed this recently: longer than between a page's first
 * question and the background taking its port (the page connects first, so milliseconds; a
 * second on a loaded machine), and short, because every view that shows a recent topic asks
 * again — with a friend's tracker retrying, 'friends' changes often, and the full tab's first
 * screen would build its friends list twice.
 */
const RECENT_MS = 3_000;
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
  /** When each topic last changed, for the greeting. */
  const lastTold = new Map<UpdateTopic, number>();
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
      // The greeting: from now on this page hears every change; what changed just before may
      // have fallen between an answer to it and now, so it hears that again (ui/page-updates.ts).
      const now = Date.now();
      const recent = [...lastTold].filter(([, at]) => now - at < RECENT_MS).map(([t]) => t);
      const hello: UpdateNote = { changed: recent };
      port.postMessage(hello);
    },
    tell(...topics) {
      const now = Date.now();
      for (const topic of topics) lastTold.set(topic, now);
      if (pages.size === 0) return;
      for (const topic of topics) due.add(topic);
      timer ??= setTimeout(flush, GATHER_MS);
    },
  };
}
