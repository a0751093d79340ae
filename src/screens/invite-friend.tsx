/**
 * "Invite a friend": the user's invite link — their card in the fragment of their tracker's
 * invite page — with its QR code, copied with one click. Whoever opens it in a browser with
 * Murmur is asked, in Murmur, whether to add the user; elsewhere the page explains Murmur.
 */
import type { IdentityView } from '../messaging/views';
import { CopyButton } from '../ui/copy-button';
import { t } from '../ui/i18n';
import { QrCode } from '../ui/qr-code';

/** The code and the link, under whatever heading the screen gives them. */
export function InviteLink({ link }: { link: string }) {
  return (
    <>
      <p class="muted">{t('inviteHelp')}</p>
      <QrCode text={link} label={t('inviteQr')} />
      <label for="invite-link">{t('inviteLinkLabel')}</label>
      <div class="row">
        <input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={link} label={t('inviteCopy')} />
      </div>
    </>
  );
}

export function InviteFriend({ me }: { me: IdentityView }) {
  if (!me.inviteLink) return null;
  return (
    <section aria-labelledby="invite-heading" class="invite">
      <h3 id="invite-heading">{t('inviteTitle')}</h3>
      <InviteLink link={me.inviteLink} />
    </section>
  );
}
