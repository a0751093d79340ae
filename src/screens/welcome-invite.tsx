/**
 * The last of the three first-run steps: Murmur is empty until a friend joins, so the first
 * thing offered is the invite link and its code — or, with "Go to Murmur", later.
 */
import type { IdentityView } from '../messaging/views';
import { t } from '../ui/i18n';
import { InviteLink } from './invite-friend';
import { useFocusOnMount } from '../ui/focus-on-mount';

export function WelcomeInvite({ me, onDone }: { me: IdentityView; onDone: () => void }) {
  const done = useFocusOnMount<HTMLButtonElement>();
  return (
    <section class="card invite" aria-labelledby="welcome-invite-heading">
      <p class="muted">{t('firstRunStep', '3', '3')}</p>
      <h2 id="welcome-invite-heading">{t('firstRunInviteTitle', me.displayName)}</h2>
      {me.inviteLink ? <InviteLink link={me.inviteLink} /> : <p>{t('yourCardHelp')}</p>}
      <button type="button" class="primary" ref={done} onClick={onDone}>
        {t('firstRunDone')}
      </button>
    </section>
  );
}
