/**
 * Writing a post: the text, up to four pictures (shrunk here to thumbnails), and who sees it —
 * all friends, or the friends chosen.
 */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { dataUrlOf, filesOf, thumbnailsOf } from '../ui/thumbnails';
import { MESSAGE_LIMITS } from '../core/messages/kinds';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import { useFocusOnMount } from '../ui/focus-on-mount';
import { useSubmit } from '../ui/use-submit';
import { Field } from '../ui/field';
import {
  ALL_FRIENDS,
  AudiencePicker,
  audienceReady,
  recipientsOf,
  type Audience,
} from './audience-picker';

export function ComposePost({
  onPosted,
  onCancel,
}: {
  onPosted: () => void;
  onCancel: () => void;
}) {
  // Opened by "What's new?": the person is about to type. (Not `autofocus`: Firefox honours it
  // only while the document loads, and the composer opens later.)
  const field = useFocusOnMount<HTMLTextAreaElement>();
  const [text, setText] = useState('');
  const [audience, setAudience] = useState<Audience>(ALL_FRIENDS);
  const [pictures, setPictures] = useState<ThumbnailData[]>([]);

  const addPictures = async (input: HTMLInputElement) => {
    const files = filesOf([input]).slice(0, MESSAGE_LIMITS.thumbnails - pictures.length);
    input.value = '';
    setPictures([...pictures, ...(await thumbnailsOf(files))]);
  };
  const publish = useSubmit(async () => {
    const to = recipientsOf(audience);
    const thumbnails = pictures.length ? { thumbnails: pictures } : {};
    await background.request(
      'posts.publish',
      to ? { text, to, ...thumbnails } : { text, ...thumbnails },
    );
    setText('');
    setPictures([]);
    setAudience(ALL_FRIENDS);
    onPosted();
  });

  return (
    <form onSubmit={publish.onSubmit}>
      <Field
        id="compose"
        label={t('composeLabel')}
        rows={3}
        areaRef={field}
        value={text}
        onInput={setText}
      />
      <label for="compose-pictures">{t('composePictures')}</label>
      <input
        id="compose-pictures"
        type="file"
        accept="image/*"
        multiple
        disabled={pictures.length >= MESSAGE_LIMITS.thumbnails}
        onChange={(e) => void addPictures(e.currentTarget)}
      />
      {pictures.map((p, i) => (
        <span key={i} class="picture-preview">
          <img
            class="thumbnail"
            alt=""
            width={p.width / 4}
            height={p.height / 4}
            src={dataUrlOf(p)}
          />
          <button
            type="button"
            aria-label={t('composeRemovePicture')}
            onClick={() => setPictures(pictures.filter((_, k) => k !== i))}
          >
            ×
          </button>
        </span>
      ))}
      <AudiencePicker audience={audience} onChange={setAudience} />
      <div class="row">
        <button
          type="submit"
          class="primary"
          disabled={publish.busy || !text.trim() || !audienceReady(audience)}
        >
          {t('post')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <Notice notice={publish.notice} />
    </form>
  );
}
