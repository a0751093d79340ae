/**
 * A long list (500 friends, 500 conversations) shows its first rows at once and the rest just
 * after the first screen has been painted, so what fits the screen appears without waiting for
 * rows nobody sees yet. All rows are there a moment later: for the keyboard, find in page and
 * screen readers, the list is whole.
 */
import { useEffect, useState } from 'preact/hooks';

/** More than the tallest screen shows. */
export const FIRST_ROWS = 40;

/**
 * False until the frame after `ready` turned true has been painted: for work nobody needs on the
 * first screen (the rest of a long list, a QR code below it).
 */
export function useAfterPaint(ready = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted || !ready) return;
    // A timeout inside an animation frame runs after that frame is painted.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted, ready]);
  return painted;
}

export function useProgressive<T>(items: readonly T[], first = FIRST_ROWS): readonly T[] {
  const long = items.length > first;
  const whole = useAfterPaint(long);
  return whole || !long ? items : items.slice(0, first);
}
