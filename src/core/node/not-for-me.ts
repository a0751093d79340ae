/**
 * Envelopes found not to be for this user, remembered in memory so that the same copy offered by
 * several friends is checked against the keyring once (a hint check costs one SHA-256 per friend).
 * Keyed by id and the header as offered (past hopsLeft, which differs between copies): a friend
 * who lies about an id's header gets its own check, and cannot make this node refuse the real
 * envelope. Bounded; forgotten on restart.
 */
import { bytesEqual } from '../bytes';
import { addressingOf } from '../envelope/format';
import type { EnvelopeId } from '../envelope/envelope-id';

// Copies of one id come from several friends within minutes: a few hundred recent ids cover
// them (4096 kept 1.6 GB of headers alive across a 1,000-person simulation).
const REMEMBERED = 512;

export class NotForMe {
  private readonly headers = new Map<string, Uint8Array>();
  /**
   * Ids in the order they were added, as a ring: the oldest is overwritten. (Taking the oldest
   * from the map's key iterator walked over every deleted entry still in its table, up to a few
   * microseconds per call.)
   */
  private readonly order: (string | undefined)[] = new Array<string | undefined>(REMEMBERED);
  private next = 0;

  has(id: EnvelopeId, header: Uint8Array): boolean {
    const known = this.headers.get(id);
    return known !== undefined && bytesEqual(known, addressingOf(header));
  }

  add(id: EnvelopeId, header: Uint8Array): void {
    const oldest = this.order[this.next];
    if (oldest !== undefined) this.headers.delete(oldest);
    this.order[this.next] = id;
    this.next = (this.next + 1) % REMEMBERED;
    // A copy: the offer's header is a view into a frame that would otherwise stay alive.
    this.headers.set(id, addressingOf(header).slice());
  }
}
