/**
 * Tells the log how much the home carries for others, whenever that changes: sealed copies and
 * their bytes, never which or for whom. A catch-up retires a copy per message, so lines are
 * coalesced: at most one a second, and always the last value once it settles.
 */
import type { HomeDatabase } from './sqlite-database';
import type { HomeLog } from './home-log';

const AT_MOST_EVERY_MS = 1_000;

export interface CarryingWatch {
  /** How many copies it carries now. */
  count(): number;
  /** Something carried changed: logged soon, if the count did. */
  changed(): void;
  stop(): void;
}

export function watchCarrying(db: HomeDatabase, log: HomeLog): CarryingWatch {
  const totals = db.prepare('SELECT count(*) AS count, coalesce(sum(size), 0) AS bytes FROM relay');
  const read = () => totals.get() as { count: number; bytes: number };
  let logged = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastAt = 0;
  let stopped = false;
  const report = () => {
    timer = null;
    if (stopped || !db.open) return;
    lastAt = Date.now();
    const { count, bytes } = read();
    if (count === logged) return;
    logged = count;
    log({ event: 'carrying', count, bytes });
  };
  return {
    count: () => read().count,
    changed() {
      if (stopped || timer) return;
      timer = setTimeout(report, Math.max(0, lastAt + AT_MOST_EVERY_MS - Date.now()));
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
