/**
 * A Murmur node: one user's identity, friends and store, syncing with whichever friends are
 * connected. The same class runs in the extension's background, in tests and in the simulator.
 */
import { fromHex } from '../bytes';
import type { Friend, Keyring } from '../keyring';
import type { Message } from '../messages/kinds';
import type { OutboxEntry, RelayPolicy } from '../state/records';
import type { Channel } from '../sync/channel';
import type { AcceptOutcome, SyncEngine } from '../sync/engine';
import type { OfferEntry, ReceiptEntry } from '../sync/frames';
import { Session } from '../sync/session';
import { LiveSessions } from './live-sessions';
import { acceptEnvelope } from './accept';
import { nowSeconds, type NodeContext } from './context';
import type { NodeOptions } from './node-options';
import { introduction, newIntroductionLimit } from './introduction';
import type { TokenBucket } from '../token-bucket';
import { bytesToHandOn, considerOffers, offersFor, raiseHops } from './offers';
import { offerCopyLive, offerOutboxLive, reofferOutbox } from './live-offers';
import { outboxStatus, type OutboxStatus } from './outbox-status';
import { acceptReceipts, receiptsAcknowledged, receiptsFor } from './receipts';
import { peerDeclined, peerHolds } from './holders';
import { NotForMe } from './not-for-me';
import { RefusedForNow } from './refused-for-now';
import { ReceiptsOwed } from './receipts-owed';
import { InFlight, type WaitingOffer } from './in-flight';
import { purgeExpired } from './purge';
import { sealToOutbox, type SendOptions } from './seal-to-outbox';
import type { HeldHow } from '../sync/engine';
import type { Fingerprint } from '../identity/fingerprint';
import type { EnvelopeId } from '../envelope/envelope-id';
import { OneAtATime } from '../one-at-a-time';

/** How often, at most, expired copies, seen ids and receipts are swept (node.purgeExpired). */
const PURGE_EVERY_SECONDS = 3600;

export type { NodeOptions } from './node-options';

export { DEFAULT_TTL_SECONDS, type SendOptions } from './seal-to-outbox';

export class MurmurNode implements SyncEngine {
  readonly ctx: NodeContext;
  private readonly sessions = new LiveSessions();
  /** Ids some session is deciding on or fetching: never fetched twice at once. */
  private readonly inFlight = new InFlight();
  /** Engine work that reads, changes and writes records, one piece at a time (together()). */
  private readonly writes = new OneAtATime();
  private readonly introductions: TokenBucket;
  private lastPurge = -Infinity;

  constructor(private readonly options: NodeOptions) {
    this.ctx = {
      keyring: options.keyring,
      store: options.store,
      now: options.now ?? (() => Date.now()),
      events: options.events ?? {},
      receiptsOwed: new ReceiptsOwed(),
      notForMe: new NotForMe(),
      refusedForNow: new RefusedForNow(),
      homeOf: options.homeOf ?? null,
    };
    this.introductions = newIntroductionLimit(this.ctx.now);
  }

  get keyring(): Keyring {
    return this.ctx.keyring;
  }

  /** A home that has just been paired serves its owner from now on (home-offers.ts). */
  serveAsHomeOf(owner: Fingerprint | null): void {
    this.ctx.homeOf = owner;
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
        this.sessions.established(friend, session);
        this.options.onSessionEstablished?.(friend);
        // A friend arriving is the node's heartbeat, in every host: what expired goes, at most
        // hourly — else expired copies would hold the relay quota (and refuse new ones) and
        // seen ids and receipts would grow for ever.
        void this.purgeExpired(PURGE_EVERY_SECONDS).catch((error: unknown) =>
          // Tried again when the next friend arrives; the store's failure is worth a look.
          console.warn('Murmur: sweeping expired copies failed', error),
        );
      },
      onClosed: (session, error) => {
        if (this.sessions.closed(session))
          void reofferOutbox(this.ctx, this.sessions).catch((error: unknown) =>
            // Offered again at the next session's start; the store's failure is worth a look.
            console.warn('Murmur: offering the outbox again failed', error),
          );
        this.options.onSessionClosed?.(session.peer, error);
      },
    });
  }

  connectedFriends(): string[] {
    return this.sessions.friends();
  }

  /** Ends the sessions of anyone no longer a friend (a contact just forgotten). */
  hangUpOnStrangers(): void {
    this.sessions.hangUpOn((peer) => !this.ctx.keyring.friend(peer.fingerprintHex));
  }

  /** Seals a message for these friends, keeps it in the outbox and offers it at once. */
  async send(
    message: Message,
    recipients: Fingerprint[],
    options: SendOptions = {},
  ): Promise<OutboxEntry> {
    const entry = await sealToOutbox(this.ctx, message, recipients, options);
    offerOutboxLive(this.ctx, this.sessions, entry);
    return entry;
  }

  async status(id: EnvelopeId): Promise<OutboxStatus | null> {
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
    return this.writes.run(() => purgeExpired(this.ctx, now));
  }

  /**
   * A frame's writes, committed together (NodeStore.writeTogether) through `ctx.store`, one
   * frame's work at a time across all sessions: they read, change and write the same records
   * (two friends' receipts for one post both rewrite its outbox entry).
   */
  private together<T>(work: (ctx: NodeContext) => Promise<T>): Promise<T> {
    return this.writes.run(() =>
      this.ctx.store.writeTogether((store) => work({ ...this.ctx, store })),
    );
  }

  // SyncEngine: what sessions ask of the node.

  policy(): Promise<RelayPolicy> {
    return this.ctx.store.getRelayPolicy();
  }

  offersFor(peer: Friend, peerPolicy: RelayPolicy) {
    return offersFor(this.ctx, peer, peerPolicy, this.sessions.has);
  }

  async considerOffers(peer: Friend, entries: OfferEntry[]) {
    // In turn with the writes: raising a copy's hops rewrites it.
    const decision = await this.writes.run(() =>
      considerOffers(this.ctx, peer, entries, this.inFlight),
    );
    for (const id of decision.raised) {
      await offerCopyLive(this.ctx, this.sessions, id, peer.fingerprintHex);
    }
    return decision;
  }

  requestsAbandoned(ids: EnvelopeId[]): void {
    // Offers that waited for these bodies go unanswered: those friends offer them again.
    for (const id of ids) this.inFlight.release(id);
  }

  /** `peer` did not send these in time: ask the next friend who offered each while we waited. */
  requestsOverdue(peer: Friend, ids: EnvelopeId[]): void {
    for (const id of ids)
      this.inFlight.reassign(
        id,
        peer.fingerprintHex,
        (fp) => this.sessions.get(fp)?.state === 'established',
        (next) => this.sessions.get(next.peer)?.requestBodies([{ id, size: next.size }]) ?? false,
      );
  }

  envelopeFor(_peer: Friend, id: EnvelopeId): Promise<Uint8Array | null> {
    return bytesToHandOn(this.ctx, id);
  }

  async acceptEnvelope(peer: Friend, bytes: Uint8Array, id: EnvelopeId): Promise<AcceptOutcome> {
    let accepted;
    let waiting: WaitingOffer[] = [];
    try {
      accepted = await this.together((ctx) => acceptEnvelope(ctx, peer, bytes, id));
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
      await offerCopyLive(this.ctx, this.sessions, id, peer.fingerprintHex);
    }
    return accepted.retryLater ? 'retry' : 'taken';
  }

  /**
   * Friends that offered a body while it was on its way hear "have" now that it is stored. The
   * friend it came from is not among them: its ack says so (a "have" before it recorded that
   * friend as a holder twice, and made the number of writes depend on timing).
   */
  private async answerWaiting(
    id: EnvelopeId,
    waiting: WaitingOffer[],
    from: string,
  ): Promise<void> {
    waiting = waiting.filter((w) => w.peer !== from);
    if (waiting.length === 0 || !(await this.ctx.store.knownIds([id])).has(id)) return;
    let raised = false;
    for (const { peer, hopsLeft } of waiting) {
      const session = this.sessions.get(peer);
      if (!session) continue;
      session.tellHave([fromHex(id)]);
      raised = (await this.writes.run(() => raiseHops(this.ctx, id, hopsLeft - 1))) || raised;
    }
    if (raised) await offerCopyLive(this.ctx, this.sessions, id);
  }

  peerHolds(peer: Friend, ids: EnvelopeId[], how: HeldHow): Promise<void> {
    return this.together((ctx) => peerHolds(ctx, peer, ids, how));
  }

  peerDeclined(peer: Friend, entries: { id: EnvelopeId }[]): Promise<void> {
    return this.together((ctx) => peerDeclined(ctx, peer, entries));
  }

  receiptsFor(peer: Friend) {
    return receiptsFor(this.ctx, peer);
  }

  async acceptReceipts(peer: Friend, entries: ReceiptEntry[]): Promise<void> {
    // Committed before they are passed on (and before the session acknowledges them).
    const fresh = await this.together((ctx) => acceptReceipts(ctx, peer, entries));
    if (fresh.length === 0) return;
    for (const [fp, session] of this.sessions) {
      const friend = session.peer;
      if (fp !== peer.fingerprintHex && friend)
        session.sendReceipts(await receiptsFor(this.ctx, friend, fresh));
    }
  }

  receiptsAcknowledged(peer: Friend, entries: { id: EnvelopeId; slot: number }[]): Promise<void> {
    return this.together((ctx) => receiptsAcknowledged(ctx, peer, entries));
  }

  acceptIntroduction(envelope: Uint8Array): Promise<void> {
    return introduction(this.ctx, envelope, this.introductions);
  }
}
