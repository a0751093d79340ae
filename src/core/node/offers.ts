/**
 * Inventory: what to offer a friend, and which offered ids to request, hold or decline.
 * A copy with hops left may be taken by anyone who relays; a copy with none only by a
 * recipient (who recognises itself from the header's hints). Nothing is offered to a peer
 * known to hold it or that declined it.
 */
import { fromHex } from '../bytes';
import { decodeWith } from '../codec/decode-error';
import {
  decodeHeaderFields,
  expiresAtOf,
  hintWordsOf,
  headerPrefix,
  hopsLeftOf,
  withHopsLeft,
  withHopsRaisedTo,
} from '../envelope/format';
import type { Friend } from '../keyring';
import type { OfferDecision } from '../sync/engine';
import type { DeclineReason, OfferEntry } from '../sync/frames';
import { SessionError } from '../sync/session-error';
import type { OutboxEntry, RelayCopy, RelayPolicy } from '../state/records';
import { nowSeconds, type NodeContext } from './context';
import type { InFlight } from './in-flight';
import { relayDecision } from './relay-decision';
import { copyMayGoTo, outboxGoesToHome } from './home-offers';
import type { Fingerprint } from '../identity/fingerprint';
import { envelopeIdFromBytes, type EnvelopeId } from '../envelope/envelope-id';

/**
 * Offers made of held bytes, per bytes: a copy is offered to every friend who comes online, and
 * new bytes (hops raised) make a new offer. Only read once made (frames are encoded from them).
 */
const offers = new WeakMap<Uint8Array, OfferEntry>();

/** An offer is built from the held bytes alone: the header is their prefix. */
function offerOf(id: EnvelopeId, bytes: Uint8Array): OfferEntry {
  let offer = offers.get(bytes);
  if (!offer)
    offers.set(
      bytes,
      (offer = {
        id: fromHex(id),
        size: bytes.length,
        expiresAt: expiresAtOf(bytes),
        hopsLeft: hopsLeftOf(bytes),
        header: headerPrefix(bytes),
      }),
    );
  return offer;
}

export const offerOfOutbox = (entry: OutboxEntry): OfferEntry => offerOf(entry.id, entry.bytes);
export const offerOfCopy = (copy: RelayCopy): OfferEntry => offerOf(copy.id, copy.bytes);

/**
 * Whether to offer one of our own messages to this peer. `connected` says which friends we
 * are in a session with right now: a recipient we are connected to gets the message directly,
 * so relays only carry it for the recipients we cannot reach (fewer sealed copies in other
 * people's browsers, and no receipts to chase after them).
 */
export function shouldOfferOutbox(
  entry: OutboxEntry,
  peer: Friend,
  peerPolicy: RelayPolicy,
  now: number,
  connected: (fingerprintHex: string) => boolean,
  me: Fingerprint,
): boolean {
  if (entry.expiresAt < now || entry.bytes.length === 0) return false;
  if (entry.heldBy.includes(peer.fingerprintHex) || entry.declinedBy.includes(peer.fingerprintHex))
    return false;
  const recipient = entry.recipients.find((r) => r.fingerprintHex === peer.fingerprintHex);
  // A recipient gets the offer even when delivered, once (then it is a known holder): if its copy
  // came the long way round, ours may let it raise its hops and pass the message on further.
  if (recipient) return true;
  if (peer.homeOf !== null && !outboxGoesToHome(entry, peer.homeOf, me)) return false;
  const waiting = entry.recipients.filter((r) => r.state !== 'delivered');
  if (waiting.every((r) => connected(r.fingerprintHex))) return false;
  // Not a recipient: only as a relay, if hops and the peer's policy allow.
  return hopsLeftOf(entry.bytes) > 0 && entry.bytes.length <= peerPolicy.maxMessageBytes;
}

export function shouldOfferCopy(
  copy: RelayCopy,
  peer: Friend,
  now: number,
  homeOf: Fingerprint | null,
): boolean {
  if (!copyMayGoTo(copy, peer, homeOf)) return false;
  const fp = peer.fingerprintHex;
  const verdict = relayDecision({
    kind: 'hand-on',
    expired: copy.dropAt < now,
    cameFromThem: copy.fromPeer === fp,
    theyHoldIt: copy.heldBy.includes(fp),
    theyDeclined: copy.declinedBy.includes(fp),
  });
  return verdict.act === 'offer';
}

export async function offersFor(
  ctx: NodeContext,
  peer: Friend,
  peerPolicy: RelayPolicy,
  connected: (fingerprintHex: string) => boolean,
): Promise<OfferEntry[]> {
  const now = nowSeconds(ctx);
  const offers: OfferEntry[] = [];
  for (const entry of await ctx.store.listOutbox())
    if (shouldOfferOutbox(entry, peer, peerPolicy, now, connected, ctx.keyring.me.fingerprintHex))
      offers.push(offerOfOutbox(entry));
  for (const copy of await ctx.store.listRelayCopies())
    if (shouldOfferCopy(copy, peer, now, ctx.homeOf)) offers.push(offerOfCopy(copy));
  return offers;
}

/** The bytes handed to a peer carry one hop fewer: that is how hops are counted. */
export async function bytesToHandOn(ctx: NodeContext, id: EnvelopeId): Promise<Uint8Array | null> {
  const source =
    (await ctx.store.getOutbox(id))?.bytes ?? (await ctx.store.getRelayCopy(id))?.bytes;
  if (!source || source.length === 0) return null;
  const hops = hopsLeftOf(source); // held bytes were validated when they were stored
  return withHopsLeft(source, Math.max(0, hops - 1));
}

/**
 * We hold a copy that came the long way round; this friend's copy has more hops left. Keep the
 * better count (no body needed) and forget who declined the poorer one.
 */
export async function raiseHops(ctx: NodeContext, id: EnvelopeId, hops: number): Promise<boolean> {
  const copy = await ctx.store.getRelayCopy(id);
  if (!copy || hops <= copy.hopsLeft) return false;
  const bytes = withHopsRaisedTo(copy.bytes, hops);
  const raised = hopsLeftOf(bytes);
  if (raised <= copy.hopsLeft) return false;
  await ctx.store.putRelayCopy({ ...copy, bytes, hopsLeft: raised, declinedBy: [] });
  return true;
}

export interface Considered extends OfferDecision {
  /** Relay copies whose hops were raised by this offer: worth offering on again. */
  raised: EnvelopeId[];
}

/** What to answer for an offered id this node does not know, and nobody is fetching. */
function verdictOnNew(
  ctx: NodeContext,
  entry: OfferEntry,
  id: EnvelopeId,
  policy: RelayPolicy,
): 'request' | DeclineReason {
  if (entry.hopsLeft === 0 && ctx.notForMe.has(id, entry.header)) return 'not-wanted';
  const parsed = decodeWith(() => decodeHeaderFields(entry.header));
  if (
    !parsed.ok ||
    parsed.value.expiresAt !== entry.expiresAt ||
    parsed.value.hopsLeft !== entry.hopsLeft
  )
    throw new SessionError('malformed', 'an offer whose header does not match it');
  const { nonce, slotCount } = parsed.value;
  const verdict = relayDecision({
    kind: 'offered',
    hopsLeft: entry.hopsLeft,
    size: entry.size,
    policy,
    forMe: () => ctx.keyring.matchHints(nonce, hintWordsOf(entry.header, slotCount)).length > 0,
  });
  if (verdict.act !== 'decline') return 'request';
  // Not for us and going nowhere: the same offer from anyone else is answered without a look.
  if (verdict.reason === 'not-wanted') ctx.notForMe.add(id, entry.header);
  return verdict.reason;
}

/** Reads of the store per offer at most: ids other sessions are deciding on get a second look. */
const ROUNDS = 3;

/**
 * Answers an offer. `inFlight` holds the ids some session is deciding on or fetching: an id is
 * claimed there before the store is asked whether it is known, so two sessions offered the same
 * copy at once never both fetch it (checking first let a copy arrive between the check and the
 * claim, and be fetched again). The store is asked once for the whole offer.
 *
 * An id another session holds is answered at once if it can be (it is here already, or it has no
 * hops left and is not for us). If its body is on its way, this offer waits for it (see InFlight)
 * and is answered "have" once it is stored. If that session is still deciding, it is looked at
 * again after another read: by then it has been let go (and is claimed and decided here) or is
 * being fetched.
 */
export async function considerOffers(
  ctx: NodeContext,
  peer: Friend,
  entries: OfferEntry[],
  inFlight: InFlight,
): Promise<Considered> {
  const decision: Considered = { request: [], have: [], decline: [], raised: [] };
  const now = nowSeconds(ctx);
  const haves: OfferEntry[] = [];
  const claimed = new Set<EnvelopeId>();
  const answer = (entry: OfferEntry, verdict: 'request' | 'have' | DeclineReason) => {
    if (verdict === 'request') decision.request.push(entry.id);
    else if (verdict === 'have') haves.push(entry);
    else decision.decline.push({ id: entry.id, reason: verdict });
  };
  let open = new Map<EnvelopeId, OfferEntry>();
  for (const entry of entries) {
    const id = envelopeIdFromBytes(entry.id);
    if (entry.expiresAt < now) answer(entry, 'expired');
    // Ours, and it did not open a moment ago: left unanswered, so it is offered again later.
    else if (ctx.refusedForNow.waiting(id, ctx.now())) continue;
    else open.set(id, entry);
  }
  try {
    const policy = await ctx.store.getRelayPolicy();
    for (let round = 0; round < ROUNDS && open.size > 0; round++) {
      for (const id of open.keys())
        if (!inFlight.has(id)) {
          inFlight.claim(id);
          claimed.add(id);
        }
      const known = await ctx.store.knownIds([...open.keys()]);
      const again = new Map<EnvelopeId, OfferEntry>();
      for (const [id, entry] of open) {
        const ours = claimed.has(id);
        // Known ids first: no header decode or hint check for what we already have.
        const verdict = known.has(id)
          ? 'have'
          : ours || entry.hopsLeft === 0
            ? verdictOnNew(ctx, entry, id, policy)
            : 'request';
        if (ours && verdict === 'request') {
          inFlight.fetching(id);
          answer(entry, verdict);
        } else if (ours) {
          inFlight.release(id);
          claimed.delete(id);
          answer(entry, verdict);
        } else if (verdict !== 'request') answer(entry, verdict);
        else if (
          !inFlight.wait(id, {
            peer: peer.fingerprintHex,
            hopsLeft: entry.hopsLeft,
            size: entry.size,
          })
        )
          again.set(id, entry); // still being decided on elsewhere, or let go: look again
      }
      open = again;
    }
    // After the claims are settled: raising hops reads and writes the store.
    for (const entry of haves) {
      decision.have.push(entry.id);
      const id = envelopeIdFromBytes(entry.id);
      if (await raiseHops(ctx, id, entry.hopsLeft - 1)) decision.raised.push(id);
    }
  } catch (error) {
    // The session ends: nothing of this offer will be fetched through it.
    for (const id of claimed) inFlight.release(id);
    throw error;
  }
  return decision;
}
