/**
 * Envelopes found not to be for this user, remembered in memory so that the same copy offered by
 * several friends is checked against the keyring once (a hint check costs one SHA-256 per friend).
 * Keyed by id and the header as offered (past hopsLeft, which differs between copies): a friend
 * who lies about an id's header gets its own check, and cannot make this node refuse the real
 * envelope. Bounded; forgotten on restart.
 */
import { bytesEqual } from '../bytes';
import { addressingOf } from '../envelope/format';

// Copies of one id come from several friends within minutes: a few hundred recent ids cover
// them (4096 kept 1.6 GB of headers alive across a 1,000-person simulation).
const REMEMBERED = 512;

export class NotForMe {
  private readonly headers = new Map<string, Uint8Array>();

  has(id: string, header: Uint8Array): boolean {
    const known = this.headers.get(id);
    return known !== undefined && bytesEqual(known, addressingOf(header));
  }

  add(id: string, header: Uint8Array): void {
    if (this.headers.size >= REMEMBERED) {
      const oldest = this.headers.keys().next().value;
      if (oldest !== undefined) this.headers.delete(oldest);
    }
    // A copy: the offer's header is a view into a frame that would otherwise stay alive.
    this.headers.set(id, addressingOf(header).slice());
  }
}
