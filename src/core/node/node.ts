/**
 * A Murmur node: one user's identity, friends and store, syncing with whichever friends are
 * connected. The same class runs in the extension's background, in tests and in the simulator.
 */
import { fromHex } from '../bytes';
import { DEFAULT_HOP_LIMIT, hopsLeftOf, withHopsLeft } from '../envelope/format';
import { seal } from '../envelope/seal';
import { signDetached } from '../identity/detached-signature';
import type { Friend, Keyring } from '../keyring';
import { encodeMessage } from '../messages/codec';
import type { Message } from '../messages/kinds';
import type { OutboxEntry, RelayPolicy } from '../state/records';
import type { NodeStore } from '../state/store-port';
import type { Channel } from '../sync/channel';
import type { BodyRequestLimits } from '../sync/body-requests';
import type { AcceptOutcome, SyncEngine } from '../sync/engine';
import type { OfferEntry, ReceiptEntry } from '../sync/frames';
import type { RateLimits } from '../sync/rate-limit';
import { Session } from '../sync/session';
import type { SessionError } from '../sync/session-error';
import { acceptEnvelope } from './accept';
import { nowSeconds, type NodeContext, type NodeEvents } from './context';
import { introduction, newIntroductionLimit } from './introduction';
import type { TokenBucket } from '../token-bucket';
import {
  considerOffers,
  offerOfCopy,
  offerOfOutbox,
  offersFor,
  raiseHops,
  shouldOfferCopy,
  shouldOfferOutbox,
} from './offers';
import { outboxStatus, type OutboxStatus } from './outbox-status';
import { acceptReceipts, forgetReceipt, receiptsAcknowledged, receiptsFor } from './receipts';
import { peerDeclined, peerHolds } from './holders';
import { NotForMe } from './not-for-me';
import { InFlight, type WaitingOffer } from './in-flight';
import { dropExpiredCopies } from './relay-store';
import type { HeldHow } from '../sync/engine';

export interface NodeOptions {
  keyring: Keyring;
  store: NodeStore;
  now?: () => number;
  events?: NodeEvents;
  rateLimits?: RateLimits;
  /** Deadlines for bodies asked of a friend, and for a handshake (tests shorten them). */
  bodyLimits?: BodyRequestLimits;
  handshakeDeadlineMs?: number;
  /** Shared count of frames not yet handled, across sessions (for simulations). */
  activity?: { pending: number };
  /** Called when a session ends, with its error if it failed. */
  onSessionClosed?: (peer: Friend | null, error: SessionError | null) => void;
  /** Called when a friend proved their key and a session is running. */
  onSessionEstablished?: (peer: Friend) => void;
}

export interface SendOptions {
  hopLimit?: number;
  /** How long relays may hold it (default 14 days). */
  ttlSeconds?: number;
}

export const DEFAULT_TTL_SECONDS = 14 * 24 * 3600;

export class MurmurNode implements SyncEngine {
  readonly ctx: NodeContext;
  private readonly sessions = new Map<string, Session>();
  /** Ids some session is deciding on or fetching: never fetched twice at once. */
  private readonly inFlight = new InFlight();
  private readonly introductions: TokenBucket;
  private lastPurge = -Infinity;

  constructor(private readonly options: NodeOptions) {
    this.ctx = {
      keyring: options.keyring,
      store: options.store,
      now: options.now ?? (() => Date.now()),
      events: options.events ?? {},
      pendingReceipts: null,
      notForMe: new NotForMe(),
    };
    this.introductions = newIntroductionLimit(this.ctx.now);
  }

  get keyring(): Keyring {
    return this.ctx.keyring;
  }

  /** Runs a sync session over a channel we opened to this friend. */
  call(channel: Channel, friend: Friend): Session {
    return this.session(channel, { calling: friend });
  }

  /**
   * Runs a sync session over a channel someone opened to us: a friend's HELLO, or, with
   * `introductions`, one stranger's friend request.
   */
  answer(
    channel: Channel,
    options: { introductions: boolean } = { introductions: false },
  ): Session {
    return this.session(channel, { acceptIntroductions: options.introductions });
  }

  private session(
    channel: Channel,
    side: { calling: Friend } | { acceptIntroductions: boolean },
  ): Session {
    return new Session({
      channel,
      keyring: this.ctx.keyring,
      engine: this,
      ...side,
      rateLimits: this.options.rateLimits,
      bodyLimits: this.options.bodyLimits,
      handshakeDeadlineMs: this.options.handshakeDeadlineMs,
      activity: this.options.activity,
      onEstablished: (session, friend) => {
        const fp = friend.fingerprintHex;
        const previous = this.sessions.get(fp);
        this.sessions.set(fp, session);
        if (previous && previous !== session) previous.close();
        this.options.onSessionEstablished?.(friend);
      },
      onClosed: (session, error) => {
        const fp = session.peer?.fingerprintHex;
        if (fp && this.sessions.get(fp) === session) {
          this.sessions.delete(fp);
          void this.reofferOutbox().catch(() => undefined);
        }
        this.options.onSessionClosed?.(session.peer, error);
      },
    });
  }

  private readonly isConnected = (fingerprintHex: string) => this.sessions.has(fingerprintHex);

  /**
   * A session ended: messages we were going to hand its peer directly may now need relays.
   * Offer what is still undelivered to the friends that remain.
   */
  private async reofferOutbox(): Promise<void> {
    const now = nowSeconds(this.ctx);
    if (![...this.sessions.values()].some((s) => s.peerPolicy)) return;
    for (const entry of await this.ctx.store.listOutbox()) {
      if (entry.bytes.length === 0) continue;
      this.offerLive((peer, policy) =>
        policy && shouldOfferOutbox(entry, peer, policy, now, this.isConnected)
          ? offerOfOutbox(entry)
          : null,
      );
    }
  }

  connectedFriends(): string[] {
    return [...this.sessions.keys()];
  }

  /** Seals a message for these friends, keeps it in the outbox and offers it at once. */
  async send(
    message: Message,
    recipients: string[],
    options: SendOptions = {},
  ): Promise<OutboxEntry> {
    const friends = recipients.map((fp) => {
      const f = this.ctx.keyring.friend(fp);
      if (!f) throw new RangeError(`not a friend: ${fp}`);
      if (f.keyExpiredAt !== null) throw new RangeError(`their key has expired: ${fp}`);
      return f;
    });
    const expiresAt = nowSeconds(this.ctx) + (options.ttlSeconds ?? DEFAULT_TTL_SECONDS);
    const sealed = await seal(message, friends, this.ctx.keyring.me, {
      expiresAt,
      hopLimit: options.hopLimit ?? DEFAULT_HOP_LIMIT,
    });
    const entry: OutboxEntry = {
      id: sealed.id,
      bytes: sealed.bytes,
      createdAt: this.ctx.now(),
      expiresAt,
      recipients: sealed.slots.map((s) => ({
        fingerprintHex: s.fingerprintHex,
        slot: s.slot,
        state: 'pending',
      })),
      heldBy: [],
      downstream: [],
      declinedBy: [],
    };
    const encoded = encodeMessage(message);
    // Persist first, in one step: the outbox and the user's own copy survive a crash together.
    await this.ctx.store.putSent(
      {
        id: sealed.id,
        authorFingerprint: this.ctx.keyring.me.fingerprintHex,
        kind: message.kind,
        message: encoded,
        conversationWith:
          message.kind === 'direct' && recipients.length === 1 ? (recipients[0] ?? null) : null,
        receivedAt: this.ctx.now(),
        signedData: encoded,
        signature: await signDetached(this.ctx.keyring.me, encoded),
      },
      entry,
    );
    this.offerLive((peer, policy) =>
      policy && shouldOfferOutbox(entry, peer, policy, nowSeconds(this.ctx), this.isConnected)
        ? offerOfOutbox(entry)
        : null,
    );
    return entry;
  }

  async status(id: string): Promise<OutboxStatus | null> {
    const entry = await this.ctx.store.getOutbox(id);
    return entry ? outboxStatus(entry, nowSeconds(this.ctx)) : null;
  }

  /**
   * Deletes what expired (relay copies, seen ids, receipts); returns bytes recovered. Walks
   * the whole store, so callers that run it often pass `atMostEverySeconds` (expiry is coarse:
   * nothing needs deleting the second it expires; the relay quota is enforced on every write).
   */
  async purgeExpired(atMostEverySeconds = 0): Promise<number> {
    const now = nowSeconds(this.ctx);
    if (now < this.lastPurge + atMostEverySeconds) return 0;
    this.lastPurge = now;
    const { store } = this.ctx;
    const freed = await dropExpiredCopies(store, now);
    for (const s of await store.listSeen()) if (s.expiresAt < now) await store.deleteSeen(s.id);
    for (const r of await store.listReceipts())
      if (r.expiresAt < now) {
        await store.deleteReceipt(r.key);
        forgetReceipt(this.ctx, r.key);
      }
    for (const e of await store.listOutbox())
      if (e.expiresAt < now && e.bytes.length > 0)
        await store.putOutbox({ ...e, bytes: new Uint8Array() });
    return freed;
  }

  /** Offers to every friend in session but `except` (their relay policy, once they sent it). */
  private offerLive(
    make: (peer: Friend, policy: RelayPolicy | null) => OfferEntry | null,
    except?: string,
  ): void {
    for (const [fp, session] of this.sessions) {
      const { peer, peerPolicy } = session;
      if (fp === except || !peer) continue;
      const offer = make(peer, peerPolicy);
      if (offer) session.offer([offer]);
    }
  }

  /** Offers a relay copy (new, or with more hops than before) to the friends it may serve. */
  private async offerCopyLive(id: string, except?: string): Promise<void> {
    const copy = await this.ctx.store.getRelayCopy(id);
    if (copy)
      this.offerLive(
        (peer) => (shouldOfferCopy(copy, peer, nowSeconds(this.ctx)) ? offerOfCopy(copy) : null),
        except,
      );
  }

  // SyncEngine: what sessions ask of the node.

  policy(): Promise<RelayPolicy> {
    return this.ctx.store.getRelayPolicy();
  }

  offersFor(peer: Friend, peerPolicy: RelayPolicy) {
    return offersFor(this.ctx, peer, peerPolicy, this.isConnected);
  }

  async considerOffers(peer: Friend, entries: OfferEntry[]) {
    const decision = await considerOffers(this.ctx, peer, entries, this.inFlight);
    for (const id of decision.raised) {
      await this.offerCopyLive(id, peer.fingerprintHex);
    }
    return decision;
  }

  requestsAbandoned(ids: string[]): void {
    // Offers that waited for these bodies go unanswered: those friends offer them again.
    for (const id of ids) this.inFlight.release(id);
  }

  /** `peer` did not send these in time: ask the next friend who offered each while we waited. */
  requestsOverdue(peer: Friend, ids: string[]): void {
    for (const id of ids) {
      const waiting = this.inFlight.release(id);
      const next = waiting.find(
        (w) => w.peer !== peer.fingerprintHex && this.sessions.get(w.peer)?.state === 'established',
      );
      if (!next) continue; // the others offer it again next session
      this.inFlight.claim(id);
      this.inFlight.fetching(id);
      for (const w of waiting) if (w !== next) this.inFlight.wait(id, w);
      if (!this.sessions.get(next.peer)?.requestBodies([{ id, size: next.size }]))
        this.inFlight.release(id);
    }
  }

  /** The bytes handed to a peer carry one hop fewer: that is how hops are counted. */
  async envelopeFor(_peer: Friend, id: string): Promise<Uint8Array | null> {
    const source =
      (await this.ctx.store.getOutbox(id))?.bytes ?? (await this.ctx.store.getRelayCopy(id))?.bytes;
    if (!source || source.length === 0) return null;
    const hops = hopsLeftOf(source); // held bytes were validated when they were stored
    return withHopsLeft(source, Math.max(0, hops - 1));
  }

  async acceptEnvelope(peer: Friend, bytes: Uint8Array, id: string): Promise<AcceptOutcome> {
    let accepted;
    let waiting: WaitingOffer[] = [];
    try {
      accepted = await acceptEnvelope(this.ctx, peer, bytes, id);
    } finally {
      waiting = this.inFlight.release(id);
    }
    await this.answerWaiting(id, waiting, peer.fingerprintHex);
    const { acknowledge } = accepted;
    if (acknowledge) {
      // Tell the sender (if connected) and whoever delivered it.
      for (const fp of new Set([acknowledge.sender, peer.fingerprintHex])) {
        const session = this.sessions.get(fp);
        const friend = session?.peer;
        if (session && friend)
          session.sendReceipts(await receiptsFor(this.ctx, friend, [acknowledge.key]));
      }
    }
    if (accepted.relayed) {
      await this.offerCopyLive(id, peer.fingerprintHex);
    }
    return accepted.retryLater ? 'retry' : 'taken';
  }

  /**
   * Friends that offered a body while it was on its way hear "have" now that it is stored. The
   * friend it came from is not among them: its ack says so (a "have" before it recorded that
   * friend as a holder twice, and made the number of writes depend on timing).
   */
  private async answerWaiting(id: string, waiting: WaitingOffer[], from: string): Promise<void> {
    waiting = waiting.filter((w) => w.peer !== from);
    if (waiting.length === 0 || !(await this.ctx.store.knownIds([id])).has(id)) return;
    let raised = false;
    for (const { peer, hopsLeft } of waiting) {
      const session = this.sessions.get(peer);
      if (!session) continue;
      session.tellHave([fromHex(id)]);
      raised = (await raiseHops(this.ctx, id, hopsLeft - 1)) || raised;
    }
    if (raised) await this.offerCopyLive(id);
  }

  peerHolds(peer: Friend, ids: string[], how: HeldHow): Promise<void> {
    return peerHolds(this.ctx, peer, ids, how);
  }

  peerDeclined(peer: Friend, entries: { id: string }[]): Promise<void> {
    return peerDeclined(this.ctx, peer, entries);
  }

  receiptsFor(peer: Friend) {
    return receiptsFor(this.ctx, peer);
  }

  async acceptReceipts(peer: Friend, entries: ReceiptEntry[]): Promise<void> {
    const fresh = await acceptReceipts(this.ctx, peer, entries);
    if (fresh.length === 0) return;
    for (const [fp, session] of this.sessions) {
      const friend = session.peer;
      if (fp !== peer.fingerprintHex && friend)
        session.sendReceipts(await receiptsFor(this.ctx, friend, fresh));
    }
  }

  receiptsAcknowledged(peer: Friend, entries: { id: string; slot: number }[]): Promise<void> {
    return receiptsAcknowledged(this.ctx, peer, entries);
  }

  acceptIntroduction(envelope: Uint8Array): Promise<void> {
    return introduction(this.ctx, envelope, this.introductions);
  }
}
