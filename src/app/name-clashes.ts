/**
 * A name the user already knows, on someone else. Anyone can make a card called "Paul" (a web
 * page can open Murmur's invite offer with one), and a friend request can say anything: until
 * the user has compared the safety number with them, a person whose name one of the user's
 * other contacts (or the user) also has is marked wherever the name is shown — the invite offer,
 * the request, the feed — so a second "Paul" never passes for the first.
 */
import type { Fingerprint } from '../core/identity/fingerprint';
import type { ContactRecord } from '../core/state/records';

/** Names compare as a person reads them: case, accents' forms and spacing aside. */
const sameName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Whether someone other than `them` among the contacts (or the user) is called `name`. */
export function nameTakenByAnother(
  name: string,
  them: Fingerprint,
  contacts: readonly ContactRecord[],
  myName: string | null,
): boolean {
  const wanted = sameName(name);
  if (myName !== null && sameName(myName) === wanted) return true;
  return contacts.some(
    (c) => c.fingerprint !== them && c.state !== 'declined' && sameName(c.displayName) === wanted,
  );
}

/** Contacts whose name another contact (or the user) also has and who are not verified yet. */
export function unverifiedClashes(
  contacts: readonly ContactRecord[],
  myName: string | null,
): Set<Fingerprint> {
  const clashing = new Set<Fingerprint>();
  for (const c of contacts)
    if (
      c.verifiedAt === undefined &&
      nameTakenByAnother(c.displayName, c.fingerprint, contacts, myName)
    )
      clashing.add(c.fingerprint);
  return clashing;
}
