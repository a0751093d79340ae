/** What the popup shows about a running Murmur: the background, its network host, trackers. */
/** What STUN/TURN a tracker offered us: still asking, nothing, STUN only, TURN too, … */
export type TrackerIceOffer = 'asking' | 'nothing' | 'stun' | 'turn' | 'refused' | 'no-answer';

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
  /** What STUN/TURN the tracker offers us (PROTOCOL §13). */
  ice: TrackerIceOffer;
}

/** The way a channel to a friend goes, from the browser's getStats (selected candidate pair). */
export interface LinkPath {
  via: 'direct' | 'relay';
  /** Candidate types: host, srflx, prflx or relay. */
  local: string;
  remote: string;
  /** How our end reaches its TURN server (udp, tcp, tls) when it is the relayed one. */
  relayProtocol: string | null;
  /** Every kind of candidate the friend's side offered: only "relay" when they hide their address. */
  remoteTypes: string[];
}

/** How a friend's browser is reached now, by tracker peer id. */
export type FriendReach =
  { state: 'linked'; path: LinkPath | null } | { state: 'unreachable'; reason: UnreachableReason };

/** Why a friend the tracker says is online could not be reached. */
export type UnreachableReason = 'no-relay' | 'relay-failed' | 'address-hidden-no-relay';

/** One tracker in "test my connection". */
export interface TrackerTestResult {
  url: string;
  registered: boolean;
  /** Its last error while not registered. */
  error: string | null;
  offers: TrackerIceOffer;
  /** The address its STUN server sees (null: no STUN, or no answer). */
  publicAddress: string | null;
  /** True when that address is none of this computer's own: a NAT is in the way. */
  behindNat: boolean | null;
  turn: 'works' | 'fails' | 'not-offered';
}

export interface ConnectionTestResult {
  trackers: TrackerTestResult[];
}

/** Where the network host runs: Chromium's offscreen document, Firefox's background, a home. */
export type HostContext = 'offscreen' | 'background' | 'home';

export interface HostStatus {
  context: HostContext;
  startedAt: number;
  trackers: TrackerLinkStatus[];
  /** Tracker peer ids of friends with an open data channel. */
  friendsLinked: string[];
  /** Friends we reached, and how, or tried and failed to reach, by tracker peer id. */
  reach: Record<string, FriendReach>;
}

export type BrowserName = 'chromium' | 'firefox';

export interface BackgroundStatus {
  version: string;
  browser: BrowserName;
  startedAt: number;
  host: { reachable: true; status: HostStatus } | { reachable: false; error: string };
}
