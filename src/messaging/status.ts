/** What the popup shows about a running Murmur: the background, its network host, trackers. */
export type TrackerLinkState = 'connecting' | 'connected' | 'down';

export interface TrackerLinkStatus {
  url: string;
  state: TrackerLinkState;
  /** The id the tracker knows us by, once connected. */
  peerId: string | null;
  lastError: string | null;
  /** When the link entered its current state (ms since epoch). */
  since: number;
  /** Failed attempts since the last successful connection (drives the backoff). */
  failures: number;
}

export type HostContext = 'offscreen' | 'background';

export interface HostStatus {
  context: HostContext;
  startedAt: number;
  trackers: TrackerLinkStatus[];
  /** Tracker peer ids of friends with an open data channel. */
  friendsLinked: string[];
}

export type BrowserName = 'chromium' | 'firefox';

export interface BackgroundStatus {
  version: string;
  browser: BrowserName;
  startedAt: number;
  host: { reachable: true; status: HostStatus } | { reachable: false; error: string };
}
