/** The options page: settings that need more room than the popup. */
import { render } from 'preact';
import { t } from '../ui/i18n';
import { StatusView } from '../ui/status-view';
import { useRequest } from '../ui/use-request';
import { IdentitySection } from './identity-section';
import { ProfileSection } from './profile-section';
import { NetworkSettingsForm } from './network-settings';
import { RelaySection } from './relay-section';
import { HomeSection } from './home-section';
import { NotificationSettings } from './notification-settings';
import { BackupSection } from './backup-section';
import { CrosspostSection } from './crosspost-section';
import { ListsSection } from './lists-section';
import { FriendsOfFriendsSection } from './friends-of-friends-section';

/** Each section by its heading: the contents beside the page on a wide tab, above it on a narrow one. */
const SECTIONS: [heading: string, title: string][] = [
  ['profile-heading', 'optionsProfile'],
  ['identity-heading', 'optionsIdentity'],
  ['network-heading', 'optionsNetwork'],
  ['relay-heading', 'optionsRelay'],
  ['home-heading', 'optionsHome'],
  ['notifications-heading', 'optionsNotifications'],
  ['lists-heading', 'optionsLists'],
  ['fof-heading', 'optionsFriendsOfFriends'],
  ['crosspost-heading', 'optionsFacebook'],
  ['backup-heading', 'optionsBackup'],
  ['status-heading', 'aboutTitle'],
];

function Contents() {
  return (
    <nav class="options-contents" aria-label={t('optionsContents')}>
      <ul>
        {SECTIONS.map(([heading, title]) => (
          <li key={heading}>
            <a href={`#${heading}`}>{t(title)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Options() {
  const [state] = useRequest('status', {}, ['status']);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <Contents />
      <div class="options-sections">
        <ProfileSection />
        <IdentitySection />
        <NetworkSettingsForm />
        <RelaySection />
        <HomeSection />
        <NotificationSettings />
        <ListsSection />
        <FriendsOfFriendsSection />
        <CrosspostSection />
        <BackupSection />
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{t('aboutTitle')}</h2>
          {state.kind === 'ready' ? (
            <StatusView status={state.value} />
          ) : (
            <p role="status">{state.kind === 'error' ? state.message : t('statusLoading')}</p>
          )}
        </section>
      </div>
    </main>
  );
}

const app = document.getElementById('app');
if (app) render(<Options />, app);
