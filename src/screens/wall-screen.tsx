/**
 * A person's wall: their picture, name and status line; for a friend, whether the safety number
 * was checked with them and the friends the two share; then their posts to the user — or, on
 * the user's own wall, their posts and whom each went to.
 */
import { inCommonText } from '../ui/in-common-text';
import type { WallPerson } from '../messaging/views';
import { Avatar } from '../ui/avatar';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import type { Fingerprint } from '../core/identity/fingerprint';
import { MessageItem } from './message-item';
import { nameList } from '../ui/name-list';

function SafetyCheck({ person }: { person: Extract<WallPerson, { kind: 'friend' }> }) {
  const mark = (verified: boolean) =>
    void background
      .request('friends.verify', { fingerprint: person.fingerprint, verified })
      // Not saved: the wall, asked again, still shows it unchecked, and the button stays.
      .catch(() => undefined);
  return (
    <div class="safety-check" data-testid="safety-check" data-verified={String(person.verified)}>
      <p class="safety-number">{person.safetyNumber}</p>
      {person.verified ? (
        <p>
          <span aria-hidden="true">✓ </span>
          {t('safetyChecked', person.name)}{' '}
          <button type="button" class="link" onClick={() => mark(false)}>
            {t('safetyUncheck')}
          </button>
        </p>
      ) : (
        <p class="muted">
          {t('safetyCompare', person.name)}{' '}
          <button type="button" onClick={() => mark(true)}>
            {t('safetyMatches')}
          </button>
        </p>
      )}
    </div>
  );
}

export function WallScreen({ who, onBack }: { who: Fingerprint; onBack: () => void }) {
  const [wall] = useRequest('wall.get', { fingerprint: who }, ['friends', 'messages', 'settings']);
  if (wall.kind === 'error')
    return (
      <p role="alert" class="error">
        {wall.message}
      </p>
    );
  if (wall.kind !== 'ready') return null;
  const { person, posts } = wall.value;
  return (
    <section class="wall" aria-labelledby="wall-heading">
      <button type="button" class="link back" onClick={onBack}>
        <span aria-hidden="true">← </span>
        {t('back')}
      </button>
      <header class="wall-header">
        <Avatar
          fingerprint={person.fingerprint}
          name={person.name}
          picture={person.avatar}
          size="lg"
        />
        <div>
          <h2 id="wall-heading">{person.kind === 'me' ? t('myWall') : person.name}</h2>
          {person.kind === 'friend' && person.callsThemselves && (
            <p class="muted">{t('callsThemselves', person.callsThemselves)}</p>
          )}
          {person.status && <p class="status-line">{person.status}</p>}
          {person.kind === 'friend' && (
            <p class={`presence ${person.online ? 'online' : ''}`}>
              {person.online ? t('presenceOnline') : t('presenceOffline')}
            </p>
          )}
        </div>
      </header>
      {person.kind === 'friend' && <SafetyCheck person={person} />}
      {person.kind === 'friend' && (
        <p data-testid="mutual-friends">{inCommonText(person.inCommon, person.name)}</p>
      )}
      <h3>{person.kind === 'me' ? t('wallMyPosts') : t('wallTheirPosts', person.name)}</h3>
      {posts.length === 0 && <p class="muted">{t('wallNoPosts')}</p>}
      <ul class="list" data-testid="wall-posts">
        {posts.map(({ post, sentTo }) => (
          <MessageItem key={post.id} message={post}>
            {sentTo && (
              <p class="muted sent-to">
                {sentTo.length > 0 ? t('sentTo', nameList(sentTo)) : t('sentToNobody')}
              </p>
            )}
          </MessageItem>
        ))}
      </ul>
    </section>
  );
}
