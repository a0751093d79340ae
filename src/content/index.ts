/**
 * The Facebook content script: notices the user publishing a post and offers it to Murmur.
 * An untrusted context — it can send only `content` requests (src/messaging/content-requests.ts)
 * and gets acknowledgements back. It listens to nothing the page could send (no window
 * messages), and acts only on trusted input events: a page script that clicks "Post" itself,
 * or builds a fake composer, mirrors nothing.
 */
import browser from 'webextension-polyfill';
import { createClient } from '../messaging/client';
import type { ContentRequests } from '../messaging/content-requests';
import { MESSAGE_LIMITS } from '../core/messages/kinds';
import { findComposers, looksLikePostControl, type Composer } from './composer-selectors';
import { filesOf, thumbnailsOf } from '../ui/thumbnails';

const murmur = createClient<ContentRequests>('content', (message) =>
  browser.runtime.sendMessage(message),
);
const host = location.hostname as 'www.facebook.com' | 'web.facebook.com' | 'm.facebook.com';

/** The composer a trusted click or submit came from, if we recognise it. */
function composerOf(target: Element): Composer | 'unrecognised' | null {
  for (const found of findComposers(document)) {
    if (!found.ok) {
      const posting =
        found.container === target ||
        (found.container.contains(target) && looksLikePostControl(target));
      if (posting) return report(found.missing);
      continue;
    }
    const { composer } = found;
    if (composer.submit === target || composer.submit.contains(target)) return composer;
    if (target === composer.container && composer.kind === 'mobile') return composer;
  }
  // "Post" clicked outside every composer we know: Facebook changed; say so, send nothing.
  return looksLikePostControl(target) ? report('a Post button outside the known composers') : null;
}

function report(reason: string): 'unrecognised' {
  // A note for Options about a page we could not read: if Murmur's background is restarting it
  // is lost, and nothing waits for it. The page must never see an error of ours.
  void murmur.request('mirror.unrecognised', { reason, host }).catch(() => undefined);
  return 'unrecognised';
}

/** One post is one mirror, even when a click and a form submit both announce it. */
let lastText = '';
let lastAt = 0;

/** A trusted click on "Post", or a trusted submit of the composer form. */
function onPublishEvent(event: Event): void {
  if (!event.isTrusted || !(event.target instanceof Element)) return;
  const target =
    event.type === 'click'
      ? (event.target.closest('[role=button], button, [type=submit]') ?? event.target)
      : event.target;
  const composer = composerOf(target);
  if (composer && composer !== 'unrecognised') capture(composer);
}

function capture(composer: Composer): void {
  // Taken now, before Facebook clears the composer.
  const text = composer.text().slice(0, MESSAGE_LIMITS.textBytes);
  const files = filesOf(composer.fileInputs);
  const publishedAt = Date.now();
  if (!text || (text === lastText && publishedAt - lastAt < 3000)) return;
  lastText = text;
  lastAt = publishedAt;
  // Murmur's background gone (an update, a restart): this post is not mirrored, and the page
  // must never see an error of ours. The person still has it on Facebook.
  void mirror(text, files, publishedAt).catch(() => undefined);
}

/**
 * Hands the post to Murmur. When it should ask first, Murmur asks in a window of its own: this
 * page draws nothing, so it cannot restyle, cover or click the question, nor learn the answer.
 */
async function mirror(text: string, files: File[], publishedAt: number): Promise<void> {
  await murmur.request('mirror.post', { text, thumbnails: await thumbnailsOf(files), publishedAt });
}

// Capture phase on window: we see the click before Facebook's own handlers empty the composer.
window.addEventListener('click', onPublishEvent, true);
window.addEventListener('submit', onPublishEvent, true);
window.addEventListener(
  'keydown',
  (event) => {
    // Ctrl/⌘+Enter in the composer's text box publishes too.
    if (!event.isTrusted || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    if (!(event.target instanceof Node)) return;
    for (const found of findComposers(document))
      if (found.ok && found.composer.container.contains(event.target)) capture(found.composer);
  },
  true,
);

// A composer that calls itself one but is not recognised is reported as soon as it appears,
// not only when the user posts: Options shows it, and nothing is ever guessed. Checked on the
// first change (a dialog may close again quickly) and then at most twice a second however busy
// the page is.
const reported = new Set<string>();
let lastCheck = 0;
let checkPending = false;
function checkComposers(): void {
  lastCheck = Date.now();
  for (const found of findComposers(document))
    if (!found.ok && !reported.has(found.missing)) {
      reported.add(found.missing);
      report(found.missing);
    }
}
new MutationObserver(() => {
  if (Date.now() - lastCheck >= 500) return checkComposers();
  if (checkPending) return;
  checkPending = true;
  setTimeout(() => {
    checkPending = false;
    checkComposers();
  }, 500);
}).observe(document.documentElement, { childList: true, subtree: true });
