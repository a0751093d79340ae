/**
 * The user's own Murmur home (issue 32; PROTOCOL.md §15), from the browser's side. Pairing adds
 * the home from its pairing link as a contact marked as ours (`homeOf` is our fingerprint); our
 * calls show the link's invite token, and our request proves the link's secret
 * (call-friend.ts). A home is never a recipient of anything (keyring.ts `writableFriend`): it
 * carries our sealed copies and cannot read them. Unpairing tells it to forget us, and
 * forgets it.
 */
import { contactCardToText } from '../core/identity/contact-card';
import { cardOfPairingLink } from '../core/identity/home-pairing';
import type { Fingerprint } from '../core/identity/fingerprint';
import { Refusal } from '../core/refusal';
import type { ContactRecord, OutboxEntry } from '../core/state/records';
import type { HomeUnpaired, HomeView } from '../messaging/views';
import { addContact } from './add-contact';
import type { AppContext } from './app-context';
import { removeContact } from './contacts';
import { refusing, cardRefusal } from './refusals';
import { loadOwnProfile, saveOwnProfile, sendProfileTo } from './profiles';
import { acceptedFriends } from './accepted-friends';
import { shareFriendsWithHome } from './home-friends';
import { releaseHome } from './home-release';

async function ourHome(ctx: AppContext, me: Fingerprint): Promise<ContactRecord | null> {
  return (await ctx.reachable()).find((c) => c.homeOf === me) ?? null;
}

/** When a session with our home last began or ended (ms): "last seen" while it is away. */
const LAST_SEEN = 'home.lastSeenAt';

async function viewOf(ctx: AppContext, home: ContactRecord): Promise<HomeView> {
  const lastSeen = (await ctx.settings.get(LAST_SEEN))[LAST_SEEN];
  const pending = (entry: OutboxEntry) => entry.recipients.some((r) => r.state !== 'delivered');
  const carried = (await ctx.store.listOutbox()).filter(
    (entry) => entry.heldBy.includes(home.fingerprint) && pending(entry),
  );
  return {
    fingerprint: home.fingerprint,
    displayName: home.displayName,
    state: home.state === 'friend' ? 'paired' : 'pairing',
    linked: (await ctx.online()).has(home.fingerprint),
    lastSeenAt: typeof lastSeen === 'number' ? lastSeen : null,
    carryingForFriends: carried.length,
  };
}

export async function myHome(ctx: AppContext): Promise<HomeView | null> {
  const running = await ctx.runningOrNull();
  const home = running && (await ourHome(ctx, running.identity.fingerprintHex));
  return home ? viewOf(ctx, home) : null;
}

/** A session began or ended: if it was with our home, it was seen now. */
export async function sawOurHome(ctx: AppContext, fingerprint: string): Promise<void> {
  const running = await ctx.runningOrNull();
  const home = running && (await ourHome(ctx, running.identity.fingerprintHex));
  if (home?.fingerprint !== fingerprint) return;
  await ctx.settings.set({ [LAST_SEEN]: Date.now() });
  ctx.ports.changed('friends');
}

export async function pairHome(ctx: AppContext, link: string): Promise<HomeView> {
  const { node, identity, contactKeys } = await ctx.running();
  const me = identity.fingerprintHex;
  if (await ourHome(ctx, me))
    throw new Refusal('home-paired', 'you have a Murmur home: unpair it first');
  const card = await refusing(
    Promise.resolve().then(() => cardOfPairingLink(link)),
    cardRefusal,
  );
  if (!card) throw new Refusal('home-link', 'this is not a pairing link: run your home to get one');
  const active = await ctx.reachable();
  const cardText = contactCardToText(card);
  const added = await addContact(node, identity, ctx.store, active, cardText, '', { homeOf: me });
  contactKeys.set(added.fingerprint, { state: 'valid', expiresAt: added.keyExpiresAt });
  ctx.friendsChanged();
  const home = await ourHome(ctx, me);
  if (!home) throw new Error('the paired home is missing from the contacts');
  return viewOf(ctx, home);
}

/** Forgets our home, after telling it to forget us if it is online (home-release.ts). */
export async function unpairHome(ctx: AppContext): Promise<HomeUnpaired> {
  const running = await ctx.running();
  const home = await ourHome(ctx, running.identity.fingerprintHex);
  if (!home) return { homeForgotUs: false };
  const homeForgotUs = home.state === 'friend' && (await releaseHome(ctx, home));
  const ours = { keyring: running.node.keyring, contactKeys: running.contactKeys };
  if (await removeContact(ctx.store, home.fingerprint, 'remove', ours)) {
    await ctx.settings.set({ [LAST_SEEN]: null });
    ctx.friendsChanged();
    await announceHome(ctx);
  }
  return { homeForgotUs };
}

/**
 * Our home was paired or forgotten: friends learn it from a fresh profile, and a paired home
 * learns our friends.
 */
export async function announceHome(ctx: AppContext): Promise<void> {
  const running = await ctx.runningOrNull();
  if (!running) return;
  const own = await loadOwnProfile(ctx.settings);
  await saveOwnProfile(ctx.settings, { ...own, updatedAt: Date.now() });
  const { node } = running;
  await sendProfileTo(
    node,
    ctx.store,
    ctx.settings,
    await acceptedFriends(node.keyring, ctx.store),
  );
  await shareFriendsWithHome(ctx);
}
