/**
 * A control that opens something in its place (the composer, a reply form) gets the focus back
 * when that closes: otherwise the focus falls to the page itself, and a keyboard user starts
 * again from the top.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useFocusReturn<T extends HTMLElement>(open: boolean) {
  const ref = useRef<T>(null);
  const wasOpen = useRef(open);
  useLayoutEffect(() => {
    if (wasOpen.current && !open) ref.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return ref;
}
