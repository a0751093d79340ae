/**
 * Murmur's screens, for the toolbar popup and for the full tab (murmur.html): first run, then
 * Feed, Chats and Friends. In the tab, two screens sit side by side: the feed beside the friends
 * list, the conversation list beside the conversation. The technical status is in
 * Options › About, not in front of a person reading their friends.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest, type Loaded } from '../ui/use-request';
import { ChatsView } from './chats-view';
import { FeedView } from './feed-view';
import { FirstRun } from './first-run';
import { FriendsView } from './friends-view';
import { RestoreKey } from './restore-key';
import { Unlock } from './unlock';
import { BackupReminder, RestoreBackupLink } from './backup-prompts';
import { OpenWall } from './open-wall';
import { WallScreen } from './wall-screen';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { FriendView, IdentityView } from '../messaging/views';
import type { ComponentChildren } from 'preact';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import { AuthorPictures } from '../ui/author-pictures';
import { InviteOffer } from './invite-offer';
import { ScreenTabs, type Tab } from './screen-tabs';
import { WelcomeInvite } from './welcome-invite';
import { readInviteTabFragment, type InviteTabAddress } from '../messaging/invite-tab-address';

/** From the popup, the same screens with room to read. */
function OpenInTab() {
  return (
    <button
      type="button"
      class="link"
      onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('murmur.html') })}
    >
      {t('openInTab')}
    </button>
  );
}

/** Everyone's profile picture by fingerprint: friends' and the user's own. */
function useAuthorPictures(): ReadonlyMap<string, ThumbnailData> {
  const [pictures] = useRequest('pictures.list', {}, ['friends', 'settings', 'identity']);
  return useMemo(
    () =>
      new Map(
        pictures.kind === 'ready'
          ? pictures.value.map(({ fingerprint, picture }) => [fingerprint, picture])
          : [],
      ),
    [pictures],
  );
}

/** The invite link the background opened this tab for (murmur.html#invite=…), if any. */
function inviteInLocation(): InviteTabAddress | null {
  return readInviteTabFragment(location.hash);
}

/** An invite offered in this tab, from its address now and whenever the background reuses it. */
function useInvite(): [InviteTabAddress | null, () => void] {
  const [invite, setInvite] = useState(inviteInLocation);
  useEffect(() => {
    const changed = () => setInvite(inviteInLocation());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  const answered = () => {
    history.replaceState(null, '', location.pathname);
    setInvite(null);
  };
  return [invite, answered];
}

interface NoIdentityProps {
  onUnlocked: () => void;
  /** A new identity: the first run's last step (inviting a friend) follows. */
  onCreated: () => void;
  /** Restored from a key or a backup: straight to Murmur. */
  onStarted: () => void;
}

/** No running identity: it waits for its passphrase, or there is none yet (first run). */
function NoIdentity({ onUnlocked, onCreated, onStarted }: NoIdentityProps) {
  const [lock] = useRequest('identity.lock-state', {}, ['identity']);
  if (lock.kind !== 'ready') return null;
  if (lock.value.locked) return <Unlock displayName={lock.value.displayName} onDone={onUnlocked} />;
  if (lock.value.exists) return null;
  return (
    <>
      <FirstRun onDone={onCreated} />
      <RestoreKey onDone={onStarted} />
      <RestoreBackupLink />
    </>
  );
}

/** The popup (narrow, one screen at a time) or the full tab (wide: two side by side). */
export type Layout = 'popup' | 'tab';

/** What the app shows: exactly one of these at a time, chosen in one place (screenOf). */
type Screen =
  | { kind: 'waiting' }
  | { kind: 'no-identity' }
  | { kind: 'welcome'; me: IdentityView }
  | { kind: 'invite'; me: IdentityView; invite: InviteTabAddress }
  | { kind: 'murmur'; me: IdentityView };

function screenOf(
  identity: Loaded<IdentityView | null>,
  /** The first run's third step shows until "Go to Murmur". */
  welcoming: boolean,
  invite: InviteTabAddress | null,
): Screen {
  if (identity.kind !== 'ready') return { kind: 'waiting' };
  const me = identity.value;
  if (!me) return { kind: 'no-identity' };
  if (welcoming) return { kind: 'welcome', me };
  if (invite) return { kind: 'invite', me, invite };
  return { kind: 'murmur', me };
}

/** Where in Murmur the person is: a screen tab, and whose wall is open over it, if anyone's. */
interface Place {
  tab: Tab;
  wall: Fingerprint | null;
}

export function MurmurApp({ layout }: { layout: Layout }) {
  const [identity, reload] = useRequest('identity.get', {}, ['identity']);
  // Opening Murmur is reading: the badge goes back to zero.
  // A badge not cleared now is cleared at the next open; nothing on screen depends on it.
  useEffect(() => void background.request('unread.clear', {}).catch(() => undefined), []);
  const [invite, inviteAnswered] = useInvite();
  const [welcoming, setWelcoming] = useState(false);
  const [place, setPlace] = useState<Place>({ tab: 'feed', wall: null });
  /** Whom the invite just added, for the Friends screen to say so. */
  const [justAdded, setJustAdded] = useState<FriendView | null>(null);
  /** The first run just ended: its button went, so the focus goes to the tabs. */
  const [arrived, setArrived] = useState(false);
  const started = () => {
    setWelcoming(false);
    setArrived(true);
    setPlace({ tab: 'friends', wall: null });
    reload();
  };
  const screen = screenOf(identity, welcoming, invite);
  const shown = (): ComponentChildren => {
    switch (screen.kind) {
      case 'waiting':
        return null;
      case 'no-identity':
        return (
          <NoIdentity
            onUnlocked={reload}
            onCreated={() => {
              setWelcoming(true);
              reload();
            }}
            onStarted={started}
          />
        );
      case 'welcome':
        return <WelcomeInvite me={screen.me} onDone={started} />;
      case 'invite':
        return (
          <InviteOffer
            invite={screen.invite}
            onDone={(added) => {
              inviteAnswered();
              setJustAdded(added);
              setPlace({ tab: 'friends', wall: null });
            }}
          />
        );
      case 'murmur':
        return (
          <MurmurScreens
            me={screen.me}
            layout={layout}
            place={place}
            go={setPlace}
            justAdded={justAdded}
            takeFocus={arrived}
          />
        );
    }
  };
  return (
    <main class={layout}>
      <header class="app-header">
        <h1>{t('extName')}</h1>
        {layout === 'popup' && <OpenInTab />}
      </header>
      {shown()}
    </main>
  );
}

interface MurmurScreensProps {
  me: IdentityView;
  layout: Layout;
  place: Place;
  go: (place: Place) => void;
  justAdded: FriendView | null;
  takeFocus: boolean;
}

/** Feed, Chats and Friends under their tabs, or a wall over them. */
function MurmurScreens({ me, layout, place, go, justAdded, takeFocus }: MurmurScreensProps) {
  const pictures = useAuthorPictures();
  const { tab, wall } = place;
  const openWall = (who: Fingerprint | null) => go({ tab, wall: who });
  const [marks] = useRequest('tabs.marks', {}, ['messages', 'unread', 'friends']);
  const news = marks.kind === 'ready' ? marks.value : { unreadInChats: 0, newPosts: 0 };
  return (
    <>
      <BackupReminder />
      <ScreenTabs
        current={tab}
        news={news}
        takeFocus={takeFocus}
        onChoose={(name) => go({ tab: name, wall: null })}
      />
      <button type="button" class="link my-wall" onClick={() => openWall(me.fingerprint)}>
        {t('myWall')}
      </button>
      <AuthorPictures.Provider value={pictures}>
        <OpenWall.Provider value={openWall}>
          <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            {wall ? (
              <WallScreen who={wall} onBack={() => openWall(null)} />
            ) : (
              <TabScreen tab={tab} me={me} layout={layout} justAdded={justAdded} />
            )}
          </div>
        </OpenWall.Provider>
      </AuthorPictures.Provider>
    </>
  );
}

function TabScreen({
  tab,
  me,
  layout,
  justAdded,
}: Pick<MurmurScreensProps, 'me' | 'layout' | 'justAdded'> & { tab: Tab }) {
  switch (tab) {
    case 'feed':
      return layout === 'tab' ? (
        <div class="side-by-side">
          <FeedView me={me} />
          <FriendsView me={me} justAdded={justAdded} />
        </div>
      ) : (
        <FeedView me={me} />
      );
    case 'chats':
      return <ChatsView wide={layout === 'tab'} />;
    case 'friends':
      return <FriendsView me={me} justAdded={justAdded} />;
  }
}
