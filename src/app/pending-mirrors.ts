/**
 * Facebook posts waiting for the user's answer to "Also share on Murmur?" (asked by the host,
 * AppPorts.askToShare). Kept in the user's settings, not in memory: a Chromium service worker
 * may stop while the question is open. Bounded both ways — a few posts, for a day — so a busy
 * or hostile Facebook tab cannot fill the store, and an unanswered question does not share a
 * stale post later.
 */
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import type { MirroredPost } from '../messaging/content-requests';
import type { SettingsPort } from './settings-port';

const PENDING = 'crosspost.pending';
/** More unanswered posts than anyone writes in one sitting; the oldest give way. */
export const MAX_PENDING_MIRRORS = 8;
/** A question not answered within a day lapses: the post is no longer "just published". */
export const PENDING_MIRROR_TTL_MS = 24 * 3600_000;

export interface PendingMirror {
  /** Random, so an answer names exactly the post the user saw. */
  id: string;
  text: string;
  thumbnails: ThumbnailData[];
  publishedAt: number;
  askedAt: number;
}

function isPendingMirror(value: unknown): value is PendingMirror {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.text === 'string' &&
    Array.isArray(v.thumbnails) &&
    typeof v.publishedAt === 'number' &&
    typeof v.askedAt === 'number'
  );
}

async function load(settings: SettingsPort, now: number): Promise<PendingMirror[]> {
  const stored = (await settings.get(PENDING))[PENDING];
  if (!Array.isArray(stored)) return [];
  return stored.filter(isPendingMirror).filter((p) => now - p.askedAt < PENDING_MIRROR_TTL_MS);
}

export class PendingMirrors {
  constructor(private readonly settings: SettingsPort) {}

  /** Queues a post for the question; returns its id. */
  async add(post: MirroredPost, now = Date.now()): Promise<string> {
    const id = crypto.randomUUID();
    const list = [...(await load(this.settings, now)), { id, ...post, askedAt: now }];
    await this.save(list.slice(-MAX_PENDING_MIRRORS));
    return id;
  }

  /** The oldest post still waiting, and how many wait in all. */
  async first(now = Date.now()): Promise<{ post: PendingMirror; waiting: number } | null> {
    const list = await load(this.settings, now);
    const post = list[0];
    return post ? { post, waiting: list.length } : null;
  }

  /** Removes and returns the post with this id, if it is still waiting. */
  async take(id: string, now = Date.now()): Promise<PendingMirror | null> {
    const list = await load(this.settings, now);
    const post = list.find((p) => p.id === id) ?? null;
    await this.save(list.filter((p) => p.id !== id));
    return post;
  }

  private save(list: PendingMirror[]): Promise<void> {
    return this.settings.set({ [PENDING]: list });
  }
}
