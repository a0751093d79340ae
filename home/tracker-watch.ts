/**
 * Tells the log when a tracker registration or the number of linked friends changes, checked
 * whenever the network host reports a change (no polling). Trackers are named by their place
 * in the home's list, never by address.
 */
import type { HostStatus } from '../src/messaging/status';
import type { HomeLog } from './home-log';

export function watchTrackers(status: () => HostStatus, log: HomeLog) {
  let states: string[] = [];
  let linked = 0;
  let stopped = false;
  return {
    check(): void {
      if (stopped) return;
      const now = status();
      now.trackers.forEach((tracker, index) => {
        if (states[index] === tracker.state) return;
        log({ event: 'tracker', tracker: index, state: tracker.state, failures: tracker.failures });
      });
      states = now.trackers.map((tracker) => tracker.state);
      if (now.friendsLinked.length !== linked) {
        linked = now.friendsLinked.length;
        log({ event: 'friends-linked', count: linked });
      }
    },
    stop(): void {
      stopped = true;
    },
  };
}
