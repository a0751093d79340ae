/**
 * A "Copy" button that says it copied: "Copied" for two seconds (announced to screen readers),
 * or why it could not (a browser may refuse the clipboard).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';

type CopyState = 'idle' | 'copied' | 'failed';

/** `label` is the button's words before copying ("Copy" if omitted); its name is what it shows. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const back = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(back);
  }, [state]);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {state === 'copied' ? t('copied') : (label ?? t('copy'))}
      </button>
      <span role="status" class={state === 'failed' ? 'error' : 'visually-hidden'}>
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
}
