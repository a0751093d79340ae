/**
 * Focus for an element that appears after the page has loaded (a wizard's next step): the
 * `autofocus` attribute is honoured only while a document loads, so a later step would leave
 * keyboard users on a button that no longer exists.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  // Before paint: the step never shows without its focus.
  useLayoutEffect(() => ref.current?.focus(), []);
  return ref;
}
