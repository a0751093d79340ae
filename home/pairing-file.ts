/**
 * An unpaired home keeps its pairing link in a file only its own user can read (never in the
 * log: the link holds a secret). The link is renewed when it expires, the file removed once an
 * owner has paired, and written afresh when the owner unpairs (home-release.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import type { Murmur } from '../src/app/murmur';
import type { HomeLog } from './home-log';

export interface PairingFile {
  /** Something about friends changed: paired now? */
  check(): Promise<void>;
  stop(): void;
}

export async function offerPairing(
  murmur: Murmur,
  path: string,
  log: HomeLog,
): Promise<PairingFile> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let paired = false;
  const write = async (): Promise<void> => {
    if (stopped) return;
    const offer = await murmur.asHome.pairingLink();
    if (!offer) {
      rmSync(path, { force: true });
      if (!paired) log({ event: 'paired' });
      paired = true;
      return;
    }
    writeFileSync(path, `${offer.link}\n`, { mode: 0o600 });
    log({ event: 'pairing-link', expiresAt: new Date(offer.expiresAt).toISOString() });
    timer = setTimeout(() => void write(), Math.max(1_000, offer.expiresAt - Date.now() + 1_000));
  };
  await write();
  return {
    async check() {
      if (stopped) return;
      const unpaired = (await murmur.asHome.pairingLink()) !== null;
      if (unpaired !== paired) return; // as it was
      if (timer) clearTimeout(timer);
      if (paired) log({ event: 'released' }); // its owner unpaired it: a new link
      paired = false;
      await write();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
