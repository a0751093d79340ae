/**
 * A friend's Murmur home, learned from their signed profile (PROTOCOL.md §15): kept as a
 * contact marked as theirs (`homeOf`), so our copies for them go to it while they are away,
 * and never sealed to (keyring.ts). A newer profile without a home, or with another, replaces
 * it. A card that is ours, a person we know, or a peer id taken is ignored.
 */
import type { Opened } from '../core/envelope/open';
import type { AppContext } from './app-context';
import { checkedCard } from './card-contact';

/** True when the friend's home changed (the network must look for it). */
export async function applyFriendHome(ctx: AppContext, opened: Opened): Promise<boolean> {
  const profile = opened.message;
  const running = await ctx.runningOrNull();
  if (profile.kind !== 'profile' || !opened.friend || !running) return false;
  const owner = opened.senderFingerprintHex;
  const { store } = ctx;
  // Only the profile that was just kept speaks for them (an older one changes nothing).
  if ((await store.getContact(owner))?.profileUpdatedAt !== profile.updatedAt) return false;
  const contacts = await store.listContacts();
  const current = contacts.find((c) => c.homeOf === owner) ?? null;
  const checked = profile.home ? await checkedCard(profile.home) : null;
  const me = running.identity.fingerprintHex;
  const taken =
    checked &&
    (checked.fingerprint === me ||
      contacts.some(
        (c) =>
          c.homeOf !== owner &&
          (c.fingerprint === checked.fingerprint || c.peerId === checked.peerId),
      ));
  const next = taken ? null : checked;
  if (current?.fingerprint === next?.fingerprint) return false;
  const { keyring } = running.node;
  if (current) {
    keyring.removeFriend(current.fingerprint);
    running.contactKeys.delete(current.fingerprint);
    await store.deleteContact(current.fingerprint);
  }
  if (next) {
    await keyring.addFriendAsync(next.key, { homeOf: owner });
    await store.putContact({
      fingerprint: next.fingerprint,
      publicKey: next.card.publicKey,
      displayName: next.card.displayName,
      peerId: next.peerId,
      tracker: next.card.tracker,
      state: 'friend',
      addedAt: Date.now(),
      homeOf: owner,
    });
  }
  return true;
}
