/**
 * Which posts' replies the reader opened, so they stay open when the Feed is shown again (the
 * popup reopened, another tab chosen and back): folding them each time made the reader open
 * the same replies again and again. Kept in the extension's own page storage, shared by the
 * popup and the full tab; the newest few hundred only, as a reader's recent posts are what
 * they come back to.
 */
const KEY = 'murmur.openedReplies';
const KEPT = 300;

function read(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    // Unreadable (or storage refused, as in a private window): nothing was opened.
    return [];
  }
}

function write(ids: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids.slice(-KEPT)));
  } catch {
    // Storage full or refused: the replies fold again next time, nothing else is lost.
  }
}

export function repliesWereOpened(postItemId: string): boolean {
  return read().includes(postItemId);
}

export function rememberRepliesOpen(postItemId: string, open: boolean): void {
  const others = read().filter((id) => id !== postItemId);
  write(open ? [...others, postItemId] : others);
}
