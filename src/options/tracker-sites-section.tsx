/**
 * Options › Network › Your trackers' sites: whether Murmur is allowed on each of the person's
 * trackers' sites. There a friend's invite link opens in Murmur by itself (the default
 * tracker's does from install, by the manifest; elsewhere background/invite-scripts.ts registers
 * the script once allowed), and the browser tells Murmur why the tracker cannot be reached
 * (background/tracker-errors.ts). Asked here, at the person's click: a browser asks only then.
 */
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { invitePageOf } from '../core/identity/invite-link';
import { matchesPattern, trackerSiteOf } from '../core/identity/invite-match';
import { t } from '../ui/i18n';
import { background } from '../ui/background-client';

type SiteState = 'built-in' | 'allowed' | 'not-allowed' | 'refused';

interface Site {
  host: string;
  /** The permission's origin, `http://h/*`. */
  origin: string;
  state: SiteState;
}

/**
 * Waits until the background's invite script follows the granted sites. If it cannot say (it
 * is restarting), the page shows the permission as it is: the script follows at its start.
 */
const scriptsReady = () =>
  background.request('invites.scripts.ready', {}).then(
    () => undefined,
    () => undefined,
  );

const builtInPatterns = () =>
  (browser.runtime.getManifest().content_scripts ?? [])
    .filter((script) => script.js?.includes('invite.js'))
    .flatMap((script) => script.matches ?? []);

async function sitesOf(trackers: readonly string[]): Promise<Site[]> {
  const sites = new Map<string, Site>();
  const builtIn = builtInPatterns();
  // "Allowed" means a link there opens in Murmur: the background's script is in place first.
  await scriptsReady();
  for (const tracker of trackers) {
    const page = invitePageOf(tracker);
    const origin = trackerSiteOf(tracker);
    if (!page || !origin || sites.has(origin)) continue;
    const host = new URL(page).hostname;
    const state: SiteState = builtIn.some((p) => matchesPattern(page, p))
      ? 'built-in'
      : (await browser.permissions.contains({ origins: [origin] }))
        ? 'allowed'
        : 'not-allowed';
    sites.set(origin, { host, origin, state });
  }
  return [...sites.values()];
}

export function TrackerSitesSection({ trackers }: { trackers: readonly string[] }) {
  const [sites, setSites] = useState<Site[]>([]);
  const key = trackers.join('\n');
  useEffect(() => {
    let alive = true;
    const load = () => void sitesOf(key.split('\n')).then((s) => alive && setSites(s));
    load();
    browser.permissions.onAdded.addListener(load);
    browser.permissions.onRemoved.addListener(load);
    return () => {
      alive = false;
      browser.permissions.onAdded.removeListener(load);
      browser.permissions.onRemoved.removeListener(load);
    };
  }, [key]);

  const settle = (origin: string, state: SiteState) =>
    setSites((now) => now.map((s) => (s.origin === origin ? { ...s, state } : s)));
  // Called straight from the click: a browser shows its question only while handling one.
  const allow = (site: Site) =>
    void browser.permissions
      .request({ origins: [site.origin] })
      .then(async (granted) => {
        if (granted) await scriptsReady();
        settle(site.origin, granted ? 'allowed' : 'refused');
      })
      .catch(() => settle(site.origin, 'refused'));
  const stop = (site: Site) =>
    void browser.permissions
      .remove({ origins: [site.origin] })
      .then(() => settle(site.origin, 'not-allowed'));

  if (sites.length === 0) return null;
  return (
    <section aria-labelledby="tracker-sites-heading">
      <h3 id="tracker-sites-heading">{t('optionsTrackerSites')}</h3>
      <ul class="list">
        {sites.map((site) => (
          <li key={site.origin}>
            <p role="status">
              {site.state === 'built-in'
                ? t('optionsTrackerSitesOpen', site.host)
                : site.state === 'allowed'
                  ? t('optionsTrackerSitesAllowed', site.host)
                  : t('optionsTrackerSitesAsk', site.host)}
            </p>
            {site.state === 'refused' && (
              <p class="warning">{t('optionsTrackerSitesRefused', site.host)}</p>
            )}
            {site.state === 'allowed' && (
              <button type="button" onClick={() => stop(site)}>
                {t('optionsTrackerSitesStop', site.host)}
              </button>
            )}
            {(site.state === 'not-allowed' || site.state === 'refused') && (
              <button type="button" onClick={() => allow(site)}>
                {t('optionsTrackerSitesAllow', site.host)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
