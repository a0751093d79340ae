/**
 * A name anywhere opens that person's wall: names are buttons that call the screen's opener
 * (murmur-app.tsx provides it), so no list or item needs to know how walls are shown.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Fingerprint } from '../core/identity/fingerprint';

export const OpenWall = createContext<(who: Fingerprint) => void>(() => undefined);

export function PersonName({ fingerprint, name }: { fingerprint: Fingerprint; name: string }) {
  const open = useContext(OpenWall);
  return (
    <button type="button" class="link person-name" onClick={() => open(fingerprint)}>
      {name}
    </button>
  );
}
