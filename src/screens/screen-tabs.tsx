/**
 * Feed, Chats, Friends: a tab list as the ARIA authoring practices describe it, because that is
 * what screen-reader and keyboard users expect of one. Only the chosen tab is in the Tab order;
 * the arrow keys, Home and End move between the tabs and choose the one they reach.
 */
import { Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../ui/i18n';
import type { TabMarksView } from '../messaging/views';

export type Tab = 'feed' | 'chats' | 'friends';
const TABS: readonly Tab[] = ['feed', 'chats', 'friends'];

/** The tab a key moves to from `at`, or null for keys the tab list does not use. */
function tabAfterKey(key: string, at: number): Tab | null {
  const count = TABS.length;
  const moves: Record<string, number> = {
    ArrowRight: (at + 1) % count,
    ArrowLeft: (at + count - 1) % count,
    Home: 0,
    End: count - 1,
  };
  const to = moves[key];
  return to === undefined ? null : (TABS[to] ?? null);
}

interface ScreenTabsProps {
  current: Tab;
  /** News under the tabs: unread messages in chats, friends' posts new since the feed. */
  news: TabMarksView;
  onChoose: (tab: Tab) => void;
  /** Focus the chosen tab on showing: the screen before (the first run's end) went away. */
  takeFocus: boolean;
}

/** The tab's news in words (for its description) and as a mark (for the eye), or null. */
function newsOf(
  name: Tab,
  news: TabMarksView,
  current: Tab,
): { words: string; mark: string } | null {
  // The feed's news is read by looking at it; chats stay unread until each is opened.
  if (name === 'feed' && news.newPosts > 0 && current !== 'feed')
    return { words: t('tabNewPosts', String(news.newPosts)), mark: '•' };
  if (name === 'chats' && news.unreadInChats > 0)
    return {
      words: t('tabUnreadMessages', String(news.unreadInChats)),
      mark: String(news.unreadInChats),
    };
  return null;
}

export function ScreenTabs({ current, news, onChoose, takeFocus }: ScreenTabsProps) {
  const list = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (takeFocus) list.current?.querySelector<HTMLButtonElement>('[aria-selected=true]')?.focus();
    // On showing only: later choices move the focus themselves.
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabAfterKey(event.key, TABS.indexOf(current));
    if (!next) return;
    event.preventDefault();
    onChoose(next);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus();
  };
  return (
    <nav role="tablist" aria-label={t('extName')} class="tabs" ref={list} onKeyDown={onKeyDown}>
      {TABS.map((name) => {
        const said = newsOf(name, news, current);
        // The tab keeps its name ("Chats"): the news is its description, read after it, and
        // kept outside the button so that no tool counts it into the name.
        return (
          <Fragment key={name}>
            <button
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={current === name}
              aria-controls="panel"
              aria-describedby={said ? `tab-${name}-news` : undefined}
              tabIndex={current === name ? 0 : -1}
              onClick={() => onChoose(name)}
            >
              {t(`tab_${name}`)}
              {said && (
                <span class="tab-news" aria-hidden="true" data-testid={`tab-${name}-mark`}>
                  {said.mark}
                </span>
              )}
            </button>
            {said && (
              <span id={`tab-${name}-news`} hidden>
                {said.words}
              </span>
            )}
          </Fragment>
        );
      })}
    </nav>
  );
}
