/** What the node's parts share: who I am, where state lives, what time it is. */
import type { Keyring } from '../keyring';
import type { Opened } from '../envelope/open';
import type { NodeStore } from '../state/store-port';
import type { NotForMe } from './not-for-me';
import type { ReceiptsOwed } from './receipts-owed';
import type { RefusedForNow } from './refused-for-now';
import type { EnvelopeId } from '../envelope/envelope-id';
import type { Fingerprint } from '../identity/fingerprint';

export interface NodeEvents {
  /** A message for this user was opened and stored (once per message). */
  message?: (opened: Opened) => void;
  /** An outbox entry changed state (held by more friends, delivered, …). */
  outbox?: (id: EnvelopeId) => void;
  /** A stranger's friend request arrived on an introduction channel. */
  friendRequest?: (opened: Opened) => void;
  /** A sealed copy for others was kept (what this node carries grew). */
  carried?: (id: EnvelopeId) => void;
  /** A copy carried for others was delivered and dropped (what this node carries shrank). */
  retired?: (id: EnvelopeId) => void;
}

export interface NodeContext {
  keyring: Keyring;
  store: NodeStore;
  /** Milliseconds since the epoch (a virtual clock in the simulator). */
  now: () => number;
  events: NodeEvents;
  /** Which receipts each friend is still owed (receipts.ts alone reads and writes it). */
  receiptsOwed: ReceiptsOwed;
  notForMe: NotForMe;
  /** Ours, did not open for a reason that may pass: not fetched again until its next try. */
  refusedForNow: RefusedForNow;
  /** Whose Murmur home this node is (home-offers.ts); null for a person's own Murmur. */
  homeOf: Fingerprint | null;
}

export const nowSeconds = (ctx: NodeContext) => Math.floor(ctx.now() / 1000);

export const addOnce = <T>(list: T[], item: T): boolean => {
  if (list.includes(item)) return false;
  list.push(item);
  return true;
};
