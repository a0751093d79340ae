/** What a host gives a node: its keys and store, its clock, and what it hears of sessions. */
import type { Keyring, Friend } from '../keyring';
import type { NodeStore } from '../state/store-port';
import type { BodyRequestLimits } from '../sync/body-requests';
import type { RateLimits } from '../sync/rate-limit';
import type { SessionError } from '../sync/session-error';
import type { Fingerprint } from '../identity/fingerprint';
import type { NodeEvents } from './context';

export interface NodeOptions {
  keyring: Keyring;
  store: NodeStore;
  now?: () => number;
  events?: NodeEvents;
  rateLimits?: RateLimits;
  /** Deadlines for bodies asked of a friend, and for a handshake (tests shorten them). */
  bodyLimits?: BodyRequestLimits;
  handshakeDeadlineMs?: number;
  /** Shared count of frames not yet handled, across sessions (for simulations). */
  activity?: { pending: number };
  /** Called when a session ends, with its error if it failed. */
  onSessionClosed?: (peer: Friend | null, error: SessionError | null) => void;
  /** Called when a friend proved their key and a session is running. */
  onSessionEstablished?: (peer: Friend) => void;
  /** This node is the Murmur home of that person (home-offers.ts). */
  homeOf?: Fingerprint;
}
