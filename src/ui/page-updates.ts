/**
 * The page's side of the `murmur.updates` port: one port per page, shared by every view on it.
 * A view says which topics it shows and hears when one of them changed. The background greets
 * each port it takes with the topics that changed in the last few seconds: a change between its
 * answer to a view and its taking the port would otherwise reach no one (Options › About could
 * stay on "connecting"). When the port drops (the background restarted), the page connects again
 * and, greeted, every view asks again: notes sent meanwhile were lost.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { backoffDelay, PAGE_RECONNECT } from '../core/backoff';
import { isUpdateNote, UPDATES_PORT, type UpdateTopic } from '../messaging/page-updates';

type Listener = (changed: (topic: UpdateTopic) => boolean) => void;

/**
 * While a page is open Murmur must keep running: Chromium stops a service worker after 30 s
 * without an event, and a message on a port is one (Chrome 114+:
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
 * A restarted worker would drop every channel to friends under the user's eyes.
 */
const STAY_AWAKE_MS = 20_000;

const listeners = new Set<Listener>();
/** The port dropped under open views: whatever changed meanwhile was told to no one. */
let notesLost = false;
let port: Runtime.Port | null = null;
let failures = 0;
let retry: ReturnType<typeof setTimeout> | null = null;
let awake: ReturnType<typeof setInterval> | null = null;

const EVERYTHING = () => true;

function tellAll(changed: (topic: UpdateTopic) => boolean): void {
  for (const listener of [...listeners]) listener(changed);
}

function connect(): void {
  retry = null;
  try {
    port = browser.runtime.connect({ name: UPDATES_PORT });
  } catch {
    // The extension was reloaded or updated under this page: nothing will answer again.
    port = null;
    return;
  }
  port.onMessage.addListener((raw: unknown) => {
    const note = isUpdateNote(raw);
    if (!note.ok) return;
    failures = 0;
    if (notesLost) {
      // The first note on a new port after a drop (the background's greeting): ask everything.
      notesLost = false;
      return tellAll(EVERYTHING);
    }
    const topics = new Set(note.value.changed);
    if (topics.size > 0) tellAll((topic) => topics.has(topic));
  });
  awake ??= setInterval(() => port?.postMessage({ awake: true }), STAY_AWAKE_MS);
  port.onDisconnect.addListener(() => {
    port = null;
    if (listeners.size === 0) return;
    notesLost = true;
    failures += 1;
    retry = setTimeout(connect, backoffDelay(failures, PAGE_RECONNECT));
  });
}

/** Runs `changed` whenever one of `topics` changes, until the returned function is called. */
export function onUpdate(topics: readonly UpdateTopic[], changed: () => void): () => void {
  const listener: Listener = (isChanged) => {
    if (topics.some(isChanged)) changed();
  };
  listeners.add(listener);
  if (!port && !retry) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    if (retry) clearTimeout(retry);
    if (awake) clearInterval(awake);
    retry = null;
    awake = null;
    port?.disconnect();
    port = null;
  };
}

// At once, as the page's script starts, before any view asks: the window in which a change can
// fall between an answer and the port is as short as it can be.
connect();
