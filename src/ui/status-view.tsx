/** Renders what the background reports about itself, its network host and the trackers. */
import type { BackgroundStatus, TrackerLinkStatus } from '../messaging/status';
import { t } from './i18n';

function trackerText(link: TrackerLinkStatus): string {
  if (link.state === 'connected') return t('trackerConnected', link.peerId ?? '');
  if (link.state === 'connecting') return t('trackerConnecting');
  return t('trackerDown', link.lastError ?? '');
}

export function StatusView({ status }: { status: BackgroundStatus }) {
  const host = status.host;
  return (
    <dl class="status" data-testid="status">
      <dt>{t('statusBackground')}</dt>
      <dd data-testid="status-background" data-browser={status.browser}>
        Murmur {status.version} ·{' '}
        {t('statusRunningSince', new Date(status.startedAt).toLocaleTimeString())}
      </dd>
      <dt>{t('statusNetworkHost')}</dt>
      <dd data-testid="status-host" data-context={host.reachable ? host.status.context : 'none'}>
        {host.reachable
          ? t(host.status.context === 'offscreen' ? 'statusHostOffscreen' : 'statusHostBackground')
          : t('statusHostUnreachable', host.error)}
      </dd>
      <dt>{t('statusTracker')}</dt>
      {host.reachable && host.status.trackers.length > 0 ? (
        host.status.trackers.map((link) => (
          <dd
            key={link.url}
            data-testid="status-tracker"
            data-state={link.state}
            data-peer-id={link.peerId ?? ''}
          >
            <span class={`dot dot-${link.state}`} aria-hidden="true" />
            {link.url} — {trackerText(link)}
          </dd>
        ))
      ) : (
        <dd data-testid="status-tracker" data-state="none">
          {t('trackerNone')}
        </dd>
      )}
    </dl>
  );
}
