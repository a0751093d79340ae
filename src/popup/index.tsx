/**
 * The toolbar popup: first run, then Feed, Chats and Friends. The technical status is in
 * Options › About, not in front of a person reading their friends.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { ChatsView } from './chats-view';
import { FeedView } from './feed-view';
import { FirstRun } from './first-run';
import { FriendsView } from './friends-view';
import { RestoreKey } from './restore-key';
import { Unlock } from './unlock';
import { BackupReminder, RestoreBackupLink } from './backup-prompts';

type Tab = 'feed' | 'chats' | 'friends';
const TABS: Tab[] = ['feed', 'chats', 'friends'];

/** No running identity: it waits for its passphrase, or there is none yet (first run). */
function NoIdentity({ onUnlocked, onStarted }: { onUnlocked: () => void; onStarted: () => void }) {
  const [lock] = useRequest('identity.lock-state', {}, ['identity']);
  if (lock.kind !== 'ready') return null;
  if (lock.value.locked) return <Unlock displayName={lock.value.displayName} onDone={onUnlocked} />;
  if (lock.value.exists) return null;
  return (
    <>
      <FirstRun onDone={onStarted} />
      <RestoreKey onDone={onStarted} />
      <RestoreBackupLink />
    </>
  );
}

function Popup() {
  const [identity, reload] = useRequest('identity.get', {}, ['identity']);
  // Opening the popup is reading: the badge goes back to zero.
  useEffect(() => void background.request('unread.clear', {}).catch(() => undefined), []);
  const [tab, setTab] = useState<Tab>('feed');
  const me = identity.kind === 'ready' ? identity.value : null;
  const started = () => {
    setTab('friends');
    reload();
  };
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {identity.kind === 'ready' && !me && <NoIdentity onUnlocked={reload} onStarted={started} />}
      {me && (
        <>
          <BackupReminder />
          <nav role="tablist" aria-label={t('extName')} class="tabs">
            {TABS.map((name) => (
              <button
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={tab === name}
                aria-controls="panel"
                onClick={() => setTab(name)}
              >
                {t(`tab_${name}`)}
              </button>
            ))}
          </nav>
          <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {tab === 'feed' && <FeedView me={me} />}
            {tab === 'chats' && <ChatsView />}
            {tab === 'friends' && <FriendsView me={me} />}
          </div>
        </>
      )}
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Popup />, app);
