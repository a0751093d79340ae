/**
 * Unpairing a Murmur home (PROTOCOL.md §15). The owner's browser seals a `home-release` to the
 * home and, while the home is linked, waits a few seconds for its receipt before forgetting it;
 * the home, told by its owner, forgets the owner, the owner's friends and every copy it
 * carries, and offers a pairing link again. A home that is not online is forgotten by the
 * browser all the same (one click), and says so: it keeps what it knew until its data folder
 * is deleted.
 */
import type { Opened } from '../core/envelope/open';
import type { ContactRecord } from '../core/state/records';
import type { AppContext } from './app-context';
import { HOME_OWNER, homeOwner } from './home-owner';
import { forgetContactsExcept, HOME_FRIENDS_SETTINGS } from './home-friends';

/** The home's settings that describe its owner's world. */
const OWNER_SETTINGS = [HOME_OWNER, ...HOME_FRIENDS_SETTINGS];

/** How long unpairing waits for a linked home to confirm that it forgot us. */
export const RELEASE_WAIT_MS = 10_000;
const CHECK_EVERY_MS = 100;

/** Owner's side: tells our home it is released. True once its receipt says it was. */
export async function releaseHome(ctx: AppContext, home: ContactRecord): Promise<boolean> {
  const { node } = await ctx.running();
  if (!(await ctx.online()).has(home.fingerprint)) return false;
  const sent = await node.send(
    { kind: 'home-release', releasedAt: Date.now() },
    [home.fingerprint],
    {
      hopLimit: 0,
    },
  );
  // Bounded: the receipt comes within a round trip or two on a live link, or never.
  for (let waited = 0; waited < RELEASE_WAIT_MS; waited += CHECK_EVERY_MS) {
    if ((await node.status(sent.id))?.state === 'delivered') return true;
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
  }
  return false;
}

/** Home's side: released by its owner, it forgets them and all it knew. True when it did. */
export async function applyHomeRelease(ctx: AppContext, opened: Opened): Promise<boolean> {
  // Kept by nobody: an instruction is applied (or ignored), never stored.
  await ctx.store.deleteMessage(opened.envelope.id);
  const running = await ctx.runningOrNull();
  if (opened.message.kind !== 'home-release' || ctx.ports.role !== 'home' || !running) return false;
  if (opened.senderFingerprintHex !== (await homeOwner(ctx.settings))) return false;
  const { node } = running;
  await forgetContactsExcept(ctx, () => false);
  for (const copy of await ctx.store.listRelayCopies()) await ctx.store.deleteRelayCopy(copy.id);
  await ctx.settings.set(Object.fromEntries(OWNER_SETTINGS.map((key) => [key, null])));
  node.serveAsHomeOf(null);
  // Last: the owner's session still carries the receipt for this release (sent on close).
  node.hangUpOnStrangers();
  return true;
}
