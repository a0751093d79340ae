/** Friends: your own card to give, a field for a friend's card, and who is online. */
import { ContactKeyNote } from './contact-key-note';
import { useState } from 'preact/hooks';
import type { FriendConnection, FriendView, IdentityView } from '../messaging/views';
import { InviteFriend } from './invite-friend';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { dataUrlOf } from '../ui/thumbnails';
import { Notice, type NoticeState } from '../ui/notice';
import { useRequest } from '../ui/use-request';
import { useProgressive } from '../ui/progressive';
import { RequestsView } from './requests-view';
import { TrackerNotice } from './tracker-notice';
import { CopyButton } from '../ui/copy-button';
import { PersonName } from './open-wall';
import { errorText } from '../ui/error-text';
import { useSubmit } from '../ui/use-submit';
import { Field } from '../ui/field';
import type { Fingerprint } from '../core/identity/fingerprint';

/** What adding someone said, and about whom: "Asked Ann…" goes once Ann has accepted. */
type AddMessage = { notice: NoticeState; asked: Fingerprint | null };

/** The words for someone just added: asked (until they accept), or a friend at once. */
export function addedMessage(friend: FriendView): AddMessage {
  return {
    notice: {
      ok: true,
      text: friend.asked
        ? t('friendAsked', friend.displayName)
        : t('friendAdded', friend.displayName),
    },
    asked: friend.asked ? friend.fingerprint : null,
  };
}

type Props = {
  me: IdentityView;
  /** Someone added elsewhere a moment ago (from an invite link): say so here. */
  justAdded?: FriendView | null;
};

export function FriendsView({ me, justAdded = null }: Props) {
  const [friends, reload] = useRequest('friends.list', {}, ['friends']);
  const rows = useProgressive(friends.kind === 'ready' ? friends.value : []);
  const [card, setCard] = useState('');
  const [intro, setIntro] = useState('');
  const [message, setMessage] = useState<AddMessage | null>(
    justAdded ? addedMessage(justAdded) : null,
  );
  const askedNow =
    friends.kind === 'ready' && message?.asked
      ? friends.value.some((f) => f.fingerprint === message.asked && f.asked)
      : true;

  const remove = async (fingerprint: Fingerprint, block: boolean) => {
    await background.request('friends.remove', { fingerprint, block });
    reload();
  };

  const add = useSubmit(
    async () => {
      setMessage(null);
      const friend = await background.request('friends.add', {
        card: card.trim(),
        introduction: intro.trim(),
      });
      setCard('');
      setIntro('');
      setMessage(addedMessage(friend));
      reload();
    },
    (e) => t('friendAddFailed', errorText(e)),
  );

  return (
    <section aria-labelledby="friends-heading">
      <h2 id="friends-heading">{t('friendsTitle')}</h2>
      <TrackerNotice />
      <RequestsView onAnswered={reload} />
      {friends.kind === 'ready' && friends.value.length === 0 && <p>{t('friendsNone')}</p>}
      <ul class="list friend-list" data-testid="friends">
        {rows.map((f) => (
          <li key={f.fingerprint} data-fingerprint={f.fingerprint} data-online={String(f.online)}>
            <span class={`dot ${f.online ? 'dot-connected' : ''}`} aria-hidden="true" />
            {f.avatar && (
              <img class="avatar" alt="" width={32} height={32} src={dataUrlOf(f.avatar)} />
            )}
            {f.asked ? (
              f.displayName
            ) : (
              <PersonName fingerprint={f.fingerprint} name={f.displayName} />
            )}
            {f.callsThemselves !== null && (
              <span class="muted" data-testid="calls-themselves">
                {' '}
                {t('callsThemselves', f.callsThemselves)}
              </span>
            )}
            {f.nameClash && (
              <span class="warning-mark" data-testid="name-clash">
                {' '}
                {t('nameClash')}
              </span>
            )}
            {f.asked && <span class="muted"> — {t('waitingForAnswer')}</span>}
            {(!f.asked || f.connection.state === 'unreachable') && (
              <span class="muted connection" data-testid="friend-connection">
                {' — '}
                {connectionWords(f.connection)}
              </span>
            )}
            <ContactKeyNote keyState={f.key} now={Date.now()} />
            {f.status && (
              <span class="muted status-line" data-testid="friend-status">
                {' — '}
                {f.status}
              </span>
            )}
            <details>
              <summary>{t('friendMore')}</summary>
              {f.theirFriends.length > 0 && (
                <p data-testid="their-friends">
                  {t('theirFriends')}{' '}
                  {f.theirFriends
                    .map((x) => (x.mutual ? t('mutualFriend', x.name) : x.name))
                    .join(', ')}
                </p>
              )}
              <p class="muted">{t('safetyNumberHelp')}</p>
              <p class="safety-number" data-testid="safety-number">
                {f.safetyNumber}
              </p>
              <div class="row">
                <button
                  type="button"
                  data-action="remove"
                  onClick={() => void remove(f.fingerprint, false)}
                >
                  {t('removeFriend')}
                </button>
                <button
                  type="button"
                  data-action="block"
                  onClick={() => void remove(f.fingerprint, true)}
                >
                  {t('blockFriend')}
                </button>
              </div>
            </details>
          </li>
        ))}
      </ul>
      <InviteFriend me={me} />
      <h3>{t('yourCard')}</h3>
      <p class="muted">{t('yourCardHelp')}</p>
      <textarea id="my-card" readOnly rows={3} value={me.card} aria-label={t('yourCard')} />
      <CopyButton text={me.card} />
      <form onSubmit={add.onSubmit}>
        <Field id="friend-card" label={t('friendCard')} rows={3} value={card} onInput={setCard} />
        <Field
          id="friend-intro"
          label={t('introLabel')}
          rows={2}
          maxLength={1000}
          value={intro}
          onInput={setIntro}
        />
        <button type="submit" disabled={add.busy || !card.trim()}>
          {t('addFriend')}
        </button>
      </form>
      <Notice notice={add.notice ?? (message && askedNow ? message.notice : null)} />
    </section>
  );
}

function connectionWords(connection: FriendConnection): string {
  switch (connection.state) {
    case 'online':
      return connection.via === 'direct'
        ? t('friendDirect')
        : connection.via === 'relay'
          ? t('friendRelayed')
          : t('friendLinked');
    case 'offline':
      if (connection.waiting === 0) return t('friendOffline');
      return connection.carriedBy.length > 0
        ? t('friendOfflineCarried', String(connection.waiting), connection.carriedBy.join(', '))
        : t('friendOfflineWaitingHere', String(connection.waiting));
    case 'unreachable':
      return connection.reason === 'no-relay'
        ? t('friendUnreachableNoRelay')
        : connection.reason === 'relay-failed'
          ? t('friendUnreachableRelayFailed')
          : t('friendUnreachableHidden');
  }
}
