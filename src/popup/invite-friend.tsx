/**
 * "Invite a friend": the user's invite link — their card in the fragment of their tracker's
 * invite page — with its QR code, copied with one click. Whoever opens it in a browser with
 * Murmur is asked, in Murmur, whether to add the user; elsewhere the page explains Murmur.
 */
import type { IdentityView } from '../messaging/views';
import { CopyButton } from '../ui/copy-button';
import { t } from '../ui/i18n';
import { QrCode } from '../ui/qr-code';

export function InviteFriend({ me }: { me: IdentityView }) {
  if (!me.inviteLink) return null;
  return (
    <section aria-labelledby="invite-heading" class="invite">
      <h3 id="invite-heading">{t('inviteTitle')}</h3>
      <p class="muted">{t('inviteHelp')}</p>
      <QrCode text={me.inviteLink} label={t('inviteQr')} />
      <label for="invite-link">{t('inviteLinkLabel')}</label>
      <div class="row">
        <input
          id="invite-link"
          readOnly
          value={me.inviteLink}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={me.inviteLink} label={t('inviteCopy')} />
      </div>
    </section>
  );
}
