/**
 * Said above the friends list when no tracker of the person's can be reached: otherwise every
 * friend just reads "offline", and the person would think it is them. It says what it means
 * (friends do not see you, messages wait) and where the reason is; the technical status itself
 * stays in Options › About.
 */
import type { TrackerLinkStatus } from '../messaging/status';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The trackers to name, or none: one connected is enough, and a first attempt is not a problem yet. */
export function unreachableTrackers(links: readonly TrackerLinkStatus[]): string[] {
  if (links.some((link) => link.state === 'connected')) return [];
  return links.filter((link) => link.failures > 0).map((link) => hostOf(link.url));
}

export function TrackerNotice() {
  const [status] = useRequest('status', {}, ['status']);
  if (status.kind !== 'ready' || !status.value.host.reachable) return null;
  const hosts = unreachableTrackers(status.value.host.status.trackers);
  if (hosts.length === 0) return null;
  return (
    <p class="warning" role="status" data-testid="tracker-notice">
      {t('trackerUnreachableNotice', hosts.join(', '))}
    </p>
  );
}
