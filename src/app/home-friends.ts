/**
 * The owner's friends, for their Murmur home (PROTOCOL.md §15): the owner's client sends its
 * home the cards of its friends (public keys, peer ids, trackers; no secrets) whenever they
 * change, so the home knows whom it may serve; the home keeps exactly those as its friends,
 * besides its owner. The list is the one message ever sealed to a home.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, toHex } from '../core/bytes';
import type { Opened } from '../core/envelope/open';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { AppContext } from './app-context';
import { checkedCard, type CheckedCard } from './card-contact';
import { cardBytesOf, pairedHome } from './home-card';
import { homeOwner } from './home-owner';

const SHARED = 'home.friendsShared';
const APPLIED = 'home.friendsUpdatedAt';
/** The settings a home keeps of its owner's friends (forgotten with the owner: home-release.ts). */
export const HOME_FRIENDS_SETTINGS = [SHARED, APPLIED] as const;

/** Owner's side: sends the current list to our paired home, unless it has it already. */
export async function shareFriendsWithHome(ctx: AppContext): Promise<void> {
  const running = await ctx.runningOrNull();
  if (!running) return;
  const home = await pairedHome(ctx.store, running.identity.fingerprintHex);
  if (!home) return;
  const friends = (await ctx.contacts()).filter((c) => c.state === 'friend');
  const cards = friends.map(cardBytesOf);
  const digest = `${home.fingerprint}:${toHex(sha256(concatBytes(...cards)))}`;
  if ((await ctx.settings.get(SHARED))[SHARED] === digest) return;
  await running.node.send(
    { kind: 'home-friends', updatedAt: Date.now(), cards },
    [home.fingerprint],
    {
      hopLimit: 0,
    },
  );
  await ctx.settings.set({ [SHARED]: digest });
}

/** Home's side: forgets every contact but those `keep` names (keys, key states, records). */
export async function forgetContactsExcept(
  ctx: AppContext,
  keep: (fingerprint: Fingerprint) => boolean,
): Promise<void> {
  const running = await ctx.running();
  for (const contact of await ctx.store.listContacts()) {
    if (keep(contact.fingerprint)) continue;
    running.node.keyring.removeFriend(contact.fingerprint);
    running.contactKeys.delete(contact.fingerprint);
    await ctx.store.deleteContact(contact.fingerprint);
  }
}

/** Home's side: its owner's list replaces its friends (the owner stays). True when applied. */
export async function applyHomeFriends(ctx: AppContext, opened: Opened): Promise<boolean> {
  const message = opened.message;
  const running = await ctx.runningOrNull();
  if (message.kind !== 'home-friends' || ctx.ports.role !== 'home' || !running) return false;
  const owner = await homeOwner(ctx.settings);
  // Kept by nobody: the owner's instructions are applied, not stored.
  await ctx.store.deleteMessage(opened.envelope.id);
  const applied = (await ctx.settings.get(APPLIED))[APPLIED];
  if (opened.senderFingerprintHex !== owner || Number(applied ?? 0) >= message.updatedAt)
    return false;
  const me = running.identity.fingerprintHex;
  const wanted = new Map<Fingerprint, CheckedCard>();
  for (const bytes of message.cards) {
    const checked = await checkedCard(bytes);
    if (checked && checked.fingerprint !== owner && checked.fingerprint !== me)
      wanted.set(checked.fingerprint, checked);
  }
  await forgetContactsExcept(ctx, (fp) => fp === owner || wanted.has(fp));
  const { keyring } = running.node;
  for (const [fingerprint, { card, key, peerId }] of wanted) {
    const existing = await ctx.store.getContact(fingerprint);
    if (!existing) await keyring.addFriendAsync(key);
    await ctx.store.putContact({
      ...existing,
      fingerprint,
      publicKey: card.publicKey,
      displayName: card.displayName,
      peerId,
      tracker: card.tracker,
      state: 'friend',
      addedAt: existing?.addedAt ?? Date.now(),
    });
  }
  await ctx.settings.set({ [APPLIED]: message.updatedAt });
  return true;
}
