/**
 * Murmur homes: an always-on node a person runs (issue 32), with its own key, that cannot read
 * what it carries. To the sessions a home is a friend like any other; two rules keep it from
 * becoming everyone's relay, since nobody can tell from a sealed copy whom it is for:
 *
 * - To a home go only the sender's own messages, offered by the sender, who knows the
 *   recipients: to their own home anything they send, to a friend's home what they send that
 *   friend. Nobody hands a home the copies they carry for others.
 * - A home hands on what its owner gave it to whoever it may serve (the recipients find
 *   themselves in it), and what others gave it to its owner only.
 */
import type { Fingerprint } from '../identity/fingerprint';
import type { Friend } from '../keyring';
import type { OutboxEntry, RelayCopy } from '../state/records';

/** For an outbox entry of ours offered to `home` (a friend with `homeOf` set). */
export function outboxGoesToHome(entry: OutboxEntry, owner: Fingerprint, me: Fingerprint): boolean {
  if (owner === me) return true;
  return entry.recipients.some((r) => r.fingerprintHex === owner && r.state !== 'delivered');
}

/**
 * Whether a held copy may be offered to `peer` at all, before the relay's usual rules:
 * `homeOf` is whose home this node is (null: a person's browser).
 */
export function copyMayGoTo(copy: RelayCopy, peer: Friend, homeOf: Fingerprint | null): boolean {
  // Copies carried for others never go to a home.
  if (peer.homeOf !== null) return false;
  if (homeOf === null) return true;
  return copy.fromPeer === homeOf || peer.fingerprintHex === homeOf;
}
