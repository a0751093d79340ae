/**
 * Murmur as a home (issue 32; PROTOCOL.md §15): an always-on node that serves one owner. Until
 * it has one it offers a pairing link (its card with a single-use secret that expires); the
 * first friend request proving that secret makes the requester its owner and a friend, the
 * secret is spent, and the node serves as the owner's home from then on (home-offers.ts).
 */
import { fromBase64Url, randomBytes, toBase64Url } from '../core/bytes';
import type { Opened } from '../core/envelope/open';
import { contactCardFromText, contactCardToText } from '../core/identity/contact-card';
import {
  PAIRING_LIFETIME_MS,
  PAIRING_SECRET_BYTES,
  pairingLinkOf,
  provesPairing,
} from '../core/identity/home-pairing';
import { contactCardOf } from './account';
import type { AppContext } from './app-context';
import type { SettingsPort } from './settings-port';
import { HOME_OWNER, homeOwner } from './home-owner';

const PAIRING = 'home.pairing';

interface StoredPairing {
  secret: string;
  expiresAt: number;
}

export interface PairingLink {
  /** The link to paste into Options › Murmur home (`murmur-pair:` and the home's card). */
  link: string;
  expiresAt: number;
}

/** The pairing secret still open, if any (none once paired). */
async function openPairing(settings: SettingsPort, now: number): Promise<Uint8Array | null> {
  if (await homeOwner(settings)) return null;
  const stored = (await settings.get(PAIRING))[PAIRING] as StoredPairing | undefined;
  const secret = stored && stored.expiresAt > now ? fromBase64Url(stored.secret) : null;
  return secret?.length === PAIRING_SECRET_BYTES ? secret : null;
}

/** For the network: the pairing secret's caller may come in the invited lane. */
export async function pairingSecrets(settings: SettingsPort, now = Date.now()): Promise<string[]> {
  const secret = await openPairing(settings, now);
  return secret ? [toBase64Url(secret)] : [];
}

/** The link to pair with, made afresh when the last has expired; null once paired. */
export async function pairingLink(ctx: AppContext, now = Date.now()): Promise<PairingLink | null> {
  if (await homeOwner(ctx.settings)) return null;
  const { identity } = await ctx.running();
  let secret = await openPairing(ctx.settings, now);
  let expiresAt = ((await ctx.settings.get(PAIRING))[PAIRING] as StoredPairing | undefined)
    ?.expiresAt;
  if (!secret || !expiresAt) {
    secret = randomBytes(PAIRING_SECRET_BYTES);
    expiresAt = now + PAIRING_LIFETIME_MS;
    await ctx.settings.set({ [PAIRING]: { secret: toBase64Url(secret), expiresAt } });
    await ctx.ports.network.configure();
  }
  const address = await ctx.ports.address();
  const card = contactCardFromText(
    contactCardOf(identity, address.peerId, address.tracker, secret).text,
  );
  return { link: pairingLinkOf(card), expiresAt };
}

/** Pairing attempts one at a time per app: two proofs of one secret cannot both pass. */
const attempts = new WeakMap<AppContext, Promise<boolean>>();

/**
 * A friend request arrived: if it proves the open pairing secret, its sender becomes the owner
 * (and a friend), and the secret is spent. True when it paired.
 */
export function pairIfProven(
  ctx: AppContext,
  opened: Opened,
  accept: (cardText: string) => Promise<unknown>,
): Promise<boolean> {
  const previous = attempts.get(ctx) ?? Promise.resolve(false);
  const attempt = previous.catch(() => false).then(() => tryPairing(ctx, opened, accept));
  attempts.set(ctx, attempt);
  return attempt;
}

async function tryPairing(
  ctx: AppContext,
  opened: Opened,
  accept: (cardText: string) => Promise<unknown>,
): Promise<boolean> {
  const message = opened.message;
  const card = opened.requestCard;
  if (message.kind !== 'friend-request' || !message.pairingProof || !card) return false;
  const secret = await openPairing(ctx.settings, Date.now());
  const { node } = await ctx.running();
  const owner = opened.senderFingerprintHex;
  const me = node.keyring.me.fingerprintHex;
  if (!secret || !provesPairing(message.pairingProof, secret, owner, me)) return false;
  // Spent before anything else: a later request with the same proof finds no secret.
  await ctx.settings.set({ [HOME_OWNER]: owner, [PAIRING]: null });
  await accept(contactCardToText(card));
  node.serveAsHomeOf(owner);
  return true;
}
