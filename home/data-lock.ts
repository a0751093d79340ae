/**
 * One home per data folder: two processes on one database would register the same identity
 * twice and fight over it at the tracker. The lock file holds the owner's pid; a lock left by
 * a process that no longer runs (killed with -9, a power cut) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataLockedError extends Error {
  override readonly name = 'DataLockedError';
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as somebody else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock (creating the folder, private to this user); returns its release. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, 'home.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder))
        throw new DataLockedError(`another Murmur home (pid ${holder}) uses ${dataDir}`);
      rmSync(path, { force: true });
    }
  }
  throw new DataLockedError(`could not take the lock in ${dataDir}`);
}
