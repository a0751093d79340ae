/**
 * The node's running sessions, one per friend: a newer session with a friend replaces the
 * older, which is closed (both sides of a simultaneous dial then keep the same one).
 */
import type { Friend } from '../keyring';
import type { RelayPolicy } from '../state/records';
import type { OfferEntry } from '../sync/frames';
import type { Session } from '../sync/session';

export class LiveSessions implements Iterable<[string, Session]> {
  private readonly byFriend = new Map<string, Session>();

  /** The friend proved their key on this session: it is theirs now. */
  established(friend: Friend, session: Session): void {
    const fp = friend.fingerprintHex;
    const previous = this.byFriend.get(fp);
    this.byFriend.set(fp, session);
    if (previous && previous !== session) previous.close();
  }

  /** A session ended; true if it was the friend's current one (not one already replaced). */
  closed(session: Session): boolean {
    const fp = session.peer?.fingerprintHex;
    if (!fp || this.byFriend.get(fp) !== session) return false;
    this.byFriend.delete(fp);
    return true;
  }

  get(fingerprintHex: string): Session | undefined {
    return this.byFriend.get(fingerprintHex);
  }

  readonly has = (fingerprintHex: string): boolean => this.byFriend.has(fingerprintHex);

  friends(): string[] {
    return [...this.byFriend.keys()];
  }

  /** Whether any friend in session has sent its relay policy yet. */
  anyWithPolicy(): boolean {
    return [...this.byFriend.values()].some((s) => s.peerPolicy);
  }

  /** Offers to every friend in session but `except` (their relay policy, once they sent it). */
  offer(make: (peer: Friend, policy: RelayPolicy | null) => OfferEntry | null, except?: string) {
    for (const [fp, session] of this.byFriend) {
      const { peer, peerPolicy } = session;
      if (fp === except || !peer) continue;
      const offer = make(peer, peerPolicy);
      if (offer) session.offer([offer]);
    }
  }

  /** Ends the sessions of peers `gone` says are no longer friends (answers still go first). */
  hangUpOn(gone: (peer: Friend) => boolean): void {
    for (const session of [...this.byFriend.values()])
      if (session.peer && gone(session.peer)) session.close();
  }

  [Symbol.iterator](): Iterator<[string, Session]> {
    return this.byFriend[Symbol.iterator]();
  }
}
