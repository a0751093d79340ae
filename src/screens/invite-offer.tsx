/**
 * An invite link opened in the browser: "Add NAME as a friend?" in Murmur's own tab, never in
 * the web page. Shows what to check before adding — the site the link was opened on, friends in
 * common and the safety number — and says so plainly when the link is the user's own, a
 * friend's already, unreadable, or refused because its page could have swapped it.
 */
import { inCommonText } from '../ui/in-common-text';
import { useState } from 'preact/hooks';
import type { FriendView, InvitePreview } from '../messaging/views';
import type { InviteTabAddress } from '../messaging/invite-tab-address';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { ErrorLine, Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';
import { Field } from '../ui/field';
import { useRequest } from '../ui/use-request';
import { Avatar } from '../ui/avatar';

type Props = {
  card: string;
  /** The site the link was opened on, as the browser reported it. */
  site: string;
  /** The offer is answered: whom it added (asked, or a friend at once), or nobody. */
  onDone: (added: FriendView | null) => void;
};

export function InviteOffer({
  invite,
  onDone,
}: {
  invite: InviteTabAddress;
  onDone: Props['onDone'];
}) {
  if (invite.kind === 'refused')
    return (
      <section class="card invite-offer" aria-labelledby="invite-offer-heading">
        <h2 id="invite-offer-heading">{t('inviteRefusedTitle')}</h2>
        <p role="status">
          {invite.reason === 'redirected'
            ? t('inviteRefusedRedirected', invite.site)
            : t('inviteRefusedInsecure', invite.site)}
        </p>
        <p class="muted">{t('inviteRefusedPaste')}</p>
        <CloseButton onDone={onDone} />
      </section>
    );
  return <Preview card={invite.card} site={invite.site} onDone={onDone} />;
}

function Preview({ card, site, onDone }: Props) {
  const [preview] = useRequest('invites.preview', { card }, ['friends']);
  return (
    <section class="card invite-offer" aria-labelledby="invite-offer-heading">
      {preview.kind === 'error' && (
        <>
          <h2 id="invite-offer-heading">{t('inviteOfferUnreadableTitle')}</h2>
          <ErrorLine error={preview.message} />
          <CloseButton onDone={onDone} />
        </>
      )}
      {preview.kind === 'ready' && (
        <Offer preview={preview.value} card={card} site={site} onDone={onDone} />
      )}
    </section>
  );
}

function CloseButton({ onDone }: Pick<Props, 'onDone'>) {
  return (
    <button type="button" onClick={() => onDone(null)}>
      {t('close')}
    </button>
  );
}

function Offer({ preview, card, site, onDone }: Props & { preview: InvitePreview }) {
  const [note, setNote] = useState('');
  const add = useSubmit(async () => {
    onDone(await background.request('friends.add', { card, introduction: note.trim() }));
  });
  if (preview.kind === 'own' || preview.kind === 'friend' || preview.kind === 'asked') {
    const text =
      preview.kind === 'own'
        ? t('inviteOfferOwn')
        : preview.kind === 'friend'
          ? t('inviteOfferFriend', preview.displayName)
          : t('friendAsked', preview.displayName);
    return (
      <>
        <h2 id="invite-offer-heading">{t('inviteOfferDoneTitle')}</h2>
        <p role="status">{text}</p>
        <CloseButton onDone={onDone} />
      </>
    );
  }
  return (
    <form onSubmit={add.onSubmit}>
      <div class="wall-header">
        <Avatar name={preview.displayName} fingerprint={preview.fingerprint} picture={null} />
        <h2 id="invite-offer-heading">{t('inviteOfferTitle', preview.displayName)}</h2>
      </div>
      <p class="muted invite-site">{t('inviteOfferSite', site)}</p>
      {preview.nameClash && (
        <p class="warning warning-mark" data-testid="name-clash">
          {t('nameClashNew', preview.displayName)}
        </p>
      )}
      <p class="muted" data-testid="invite-mutual">
        {inCommonText(preview.inCommon, preview.displayName)}
      </p>
      <div class="safety-check">
        <p class="safety-number">{preview.safetyNumber}</p>
        <p class="muted">{t('safetyCompare', preview.displayName)}</p>
      </div>
      <Field
        id="invite-note"
        label={t('inviteOfferNote', preview.displayName)}
        rows={2}
        maxLength={1000}
        value={note}
        onInput={setNote}
      />
      <div class="row">
        <button type="submit" class="primary" disabled={add.busy}>
          {t('inviteOfferAdd', preview.displayName)}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('inviteOfferNotNow')}
        </button>
      </div>
      <Notice notice={add.notice} />
    </form>
  );
}
