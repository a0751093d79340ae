/**
 * The share window: "Also share this Facebook post on Murmur?" with the post's text and
 * pictures, the audience, Share and Skip. An extension page in a window of its own, so Facebook
 * can neither see, restyle, cover nor click it (the old in-page prompt could be all four).
 *
 * Two guards against answering by accident: nothing has the focus at first, so the Enter that
 * published on Facebook — or the next one — does not share; and Share stays disabled for a
 * moment after each post appears, so a click meant for the page under a window that just opened
 * does not land on it (browsers delay their own permission prompts the same way).
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PendingMirrorView } from '../messaging/views';
import { background } from '../ui/background-client';
import { formatTime, isoTime } from '../ui/dates';
import { t } from '../ui/i18n';
import { dataUrlOf } from '../ui/thumbnails';
import { errorText } from '../ui/error-text';

/** Long enough to outlast a click already on its way, short enough not to be noticed. */
const ARMING_DELAY_MS = 600;

type State =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'asking'; post: PendingMirrorView; armed: boolean }
  | { kind: 'answering'; post: PendingMirrorView }
  | { kind: 'failed'; post: PendingMirrorView; message: string };

function ShareWindow() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [audience, setAudience] = useState<'all-friends' | 'default'>('default');
  const heading = useRef<HTMLHeadingElement>(null);

  const next = async () => {
    try {
      const post = await background.request('mirror.pending', {});
      // Nothing (more) to ask: the window has done its job.
      if (!post) return window.close();
      setState({ kind: 'asking', post, armed: false });
    } catch (error) {
      setState({ kind: 'unavailable', message: errorText(error) });
    }
  };
  useEffect(() => {
    document.title = t('crosspostWindowTitle');
    void next();
  }, []);

  const shownId = state.kind === 'asking' ? state.post.id : null;
  useEffect(() => {
    if (!shownId) return;
    heading.current?.focus();
    const timer = setTimeout(
      () => setState((s) => (s.kind === 'asking' ? { ...s, armed: true } : s)),
      ARMING_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [shownId]);

  if (state.kind === 'loading') return <p role="status">{t('statusLoading')}</p>;
  if (state.kind === 'unavailable')
    return (
      <p role="alert" class="error">
        {t('statusError', state.message)}
      </p>
    );
  const { post } = state;
  const answer = async (share: boolean) => {
    setState({ kind: 'answering', post });
    try {
      if (share) await background.request('mirror.share', { id: post.id, audience });
      else await background.request('mirror.skip', { id: post.id });
      await next();
    } catch (error) {
      setState({ kind: 'failed', post, message: errorText(error) });
    }
  };
  const usual =
    post.usualAudience === 'all-friends'
      ? ''
      : t('crosspostAudienceUsual', post.usualAudience.join(', ') || t('crosspostAudienceNobody'));
  const busy = state.kind === 'answering';
  return (
    <main class="share-window">
      <h1 tabIndex={-1} ref={heading}>
        {t('crosspostPromptQuestion')}
      </h1>
      <p class="muted">
        {t('crosspostPublishedOnFacebook')}{' '}
        <time dateTime={isoTime(post.publishedAt)}>{formatTime(post.publishedAt)}</time>
        {post.waiting > 1 && ` · ${t('crosspostMoreWaiting', String(post.waiting - 1))}`}
      </p>
      <blockquote class="share-text" data-testid="share-text">
        {post.text}
      </blockquote>
      {post.thumbnails.map((picture, i) => (
        <img
          key={i}
          class="thumbnail"
          src={dataUrlOf(picture)}
          width={picture.width}
          height={picture.height}
          alt={t('crosspostPicture', String(i + 1))}
        />
      ))}
      {post.usualAudience === 'all-friends' ? (
        <p>{t('crosspostAudienceAll')}</p>
      ) : (
        <fieldset class="audience">
          <legend>{t('audience')}</legend>
          {(
            [
              ['default', usual],
              ['all-friends', t('crosspostAudienceAll')],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="audience"
                checked={audience === value}
                onChange={() => setAudience(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="error">
          {t('crosspostShareFailed', state.message)}
        </p>
      )}
      <div class="share-choices">
        <button
          type="button"
          disabled={busy || (state.kind === 'asking' && !state.armed)}
          onClick={() => void answer(true)}
        >
          {t('crosspostShare')}
        </button>
        <button type="button" disabled={busy} onClick={() => void answer(false)}>
          {t('crosspostSkip')}
        </button>
      </div>
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<ShareWindow />, app);
