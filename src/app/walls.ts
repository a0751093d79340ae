/**
 * Walls: a friend's (who they are, the safety number and whether the user checked it, friends
 * the two share, their posts to the user) and the user's own (their posts, and whom each went
 * to). Posts come from a bounded walk back through the feed: at most WALL_PAGES pages of posts
 * are read for at most WALL_POSTS of this person's.
 */
import { inCommonWithFriend } from './friends-in-common';
import { avatarView } from './friend-view';
import type { Identity } from '../core/identity/identity';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { Keyring } from '../core/keyring';
import { safetyNumber } from '../core/identity/safety-number';
import { Refusal } from '../core/refusal';
import type { ContactRecord, StoredMessage } from '../core/state/records';
import type { NodeStore } from '../core/state/store-port';
import type { ProfileView, WallPerson, WallPost, WallView } from '../messaging/views';
import { unverifiedClashes } from './name-clashes';
import { messageView } from './message-view';
import { deliveryView } from './delivery-view';

export const WALL_POSTS = 50;
const PAGE = 200;
const WALL_PAGES = 25;

export interface WallContext {
  store: NodeStore;
  me: Identity;
  keyring: Keyring;
  names: ReadonlyMap<string, string>;
  online: ReadonlySet<string>;
  profile: ProfileView;
}

export async function wallOf(who: Fingerprint, ctx: WallContext): Promise<WallView> {
  const mine = who === ctx.me.fingerprintHex;
  const contact = mine ? null : await ctx.store.getContact(who);
  if (!mine && (!contact || contact.state !== 'friend'))
    throw new Refusal('not-a-friend', 'no wall for someone who is not a friend');
  const person: WallPerson = contact
    ? await friendPerson(contact, ctx)
    : { kind: 'me', fingerprint: who, ...ctx.profile };
  const posts = await postsBy(who, ctx);
  return { person, posts };
}

async function friendPerson(c: ContactRecord, ctx: WallContext): Promise<WallPerson> {
  const friend = ctx.keyring.friend(c.fingerprint);
  const contacts = new Map((await ctx.store.listContacts()).map((x) => [x.fingerprint, x]));
  return {
    kind: 'friend',
    fingerprint: c.fingerprint,
    name: c.displayName,
    callsThemselves: c.theirName && c.theirName !== c.displayName ? c.theirName : null,
    status: c.status ?? '',
    avatar: avatarView(c),
    online: ctx.online.has(c.fingerprint),
    safetyNumber: friend ? safetyNumber(ctx.me, friend) : '',
    verified: c.verifiedAt !== undefined,
    inCommon: inCommonWithFriend(c, contacts),
  };
}

async function postsBy(who: Fingerprint, ctx: WallContext): Promise<WallPost[]> {
  const found: StoredMessage[] = [];
  let before: number | undefined;
  for (let page = 0; page < WALL_PAGES && found.length < WALL_POSTS; page++) {
    const batch = await ctx.store.listMessages({ kind: 'post', limit: PAGE, before });
    found.push(...batch.filter((m) => m.authorFingerprint === who));
    const last = batch.at(-1);
    if (batch.length < PAGE || !last) break;
    before = last.receivedAt;
  }
  const me = { fingerprintHex: ctx.me.fingerprintHex, displayName: ctx.profile.name };
  const now = Math.floor(Date.now() / 1000);
  const clashes = unverifiedClashes(await ctx.store.listContacts(), me.displayName);
  const posts = await Promise.all(
    found.slice(0, WALL_POSTS).map(async (m): Promise<WallPost | null> => {
      const outbox = who === me.fingerprintHex ? await ctx.store.getOutbox(m.id) : undefined;
      const delivery = outbox ? deliveryView(outbox, now, ctx.names, ctx.online) : null;
      const post = messageView(m, me, ctx.names, delivery, clashes);
      if (!post) return null;
      const sentTo = outbox
        ? outbox.recipients.map((r) => ctx.names.get(r.fingerprintHex) ?? '?')
        : null;
      return { post, sentTo: who === me.fingerprintHex ? (sentTo ?? []) : null };
    }),
  );
  return posts.filter((p): p is WallPost => p !== null);
}

/** The user compared the safety number with the friend: it matched (or they take that back). */
export async function setVerified(
  store: NodeStore,
  who: Fingerprint,
  verified: boolean,
): Promise<void> {
  const contact = await store.getContact(who);
  if (!contact || contact.state !== 'friend') throw new Refusal('not-a-friend', 'not a friend');
  const updated = { ...contact };
  if (verified) updated.verifiedAt = Date.now();
  else delete updated.verifiedAt;
  await store.putContact(updated);
}
