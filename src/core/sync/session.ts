/**
 * One sync session between two friends over a channel. Handshake (handshake.ts), then relay
 * policies, then inventory sync: offer ids → request what is missing → transfer → ack; and
 * live offers and receipts while connected. Frames are handled strictly one after another,
 * each fully persisted by the engine before the next (answers that only report it share frames:
 * outgoing-batch.ts), so a session killed at any point leaves a consistent store. Bad frames
 * end the session with a typed error.
 */
import { fromHex, randomBytes, toHex } from '../bytes';
import { envelopeId } from '../envelope/format';
import type { Friend, Keyring } from '../keyring';
import type { RelayPolicy } from '../state/records';
import type { Channel } from './channel';
import type { SyncEngine } from './engine';
import { encodeFrame, MAX_LIST, type Frame, type OfferEntry, type ReceiptEntry } from './frames';
import { CHALLENGE_BYTES, helloTag } from './handshake';
import { handshakeStep, type HandshakePhase, type Phase } from './handshake-step';
import {
  BodyRequests,
  DEFAULT_BODY_LIMITS,
  type BodyRequestLimits,
  type WantedBody,
} from './body-requests';
import { InboundFrames, type InboundOptions } from './inbound-frames';
import { OutgoingBatch } from './outgoing-batch';
import { decodeSessionFrame, SessionError, sessionErrorOf } from './session-error';
import { receiptKey } from '../state/receipt-key';
import { envelopeIdFromBytes } from '../envelope/envelope-id';

export type SessionState = 'handshake' | 'established' | 'closed';

export const HANDSHAKE_DEADLINE_MS = 10_000;

export interface SessionOptions extends InboundOptions {
  channel: Channel;
  keyring: Keyring;
  engine: SyncEngine;
  /** The friend we dialled; absent when we answer. */
  calling?: Friend;
  /** Accept one INTRODUCE frame from a stranger instead of a HELLO (answering side only). */
  acceptIntroductions?: boolean;
  bodyLimits?: BodyRequestLimits;
  /** How long the peer has to complete the handshake (ms). */
  handshakeDeadlineMs?: number;
  onEstablished?: (session: Session, friend: Friend) => void;
  onClosed?: (session: Session, error: SessionError | null) => void;
}

export class Session {
  private phase: Phase;
  private readonly myChallenge = randomBytes(CHALLENGE_BYTES);
  private readonly bodies: BodyRequests;
  private readonly inbound: InboundFrames;
  private readonly answers = new OutgoingBatch((frame) => this.send(frame));
  private readonly receiptsSent = new Set<string>();
  /** Anyone holding a card can open a channel: it must prove itself within this time. */
  private handshakeTimer: ReturnType<typeof setTimeout> | null;

  constructor(private readonly options: SessionOptions) {
    this.phase = options.calling
      ? { kind: 'calling', friend: options.calling }
      : { kind: 'answering' };
    this.inbound = new InboundFrames(
      options,
      (bytes) => this.handle(bytes),
      (error) => this.fail(error),
      () => {
        if (this.state !== 'closed') this.answers.flush();
      },
    );
    this.bodies = new BodyRequests(options.bodyLimits ?? DEFAULT_BODY_LIMITS, {
      request: (ids) => {
        for (let i = 0; i < ids.length; i += MAX_LIST)
          this.send({ type: 'request', ids: ids.slice(i, i + MAX_LIST).map(fromHex) });
      },
      overdue: (ids) => {
        const peer = this.peer;
        if (peer) this.options.engine.requestsOverdue(peer, ids);
      },
      letGo: (ids) => this.options.engine.requestsAbandoned(ids),
      stalled: () => this.fail(new SessionError('timeout', 'the bodies we asked for did not come')),
    });
    this.handshakeTimer = setTimeout(
      () => this.fail(new SessionError('timeout', 'no handshake in time')),
      options.handshakeDeadlineMs ?? HANDSHAKE_DEADLINE_MS,
    );
    options.channel.onFrame((bytes) => {
      if (this.state !== 'closed') this.inbound.push(bytes);
    });
    // Behind the frames already received: a BYE's reason must not be overtaken by the close.
    options.channel.onClose(() => this.inbound.then(() => this.finish(null)));
    if (options.calling) {
      this.send({
        type: 'hello',
        challenge: this.myChallenge,
        tag: helloTag(options.calling, this.myChallenge),
      });
    }
  }

  get state(): SessionState {
    const { kind } = this.phase;
    return kind === 'established' || kind === 'closed' ? kind : 'handshake';
  }

  /** Who is at the other end, once known (the caller's friend from the start). */
  get peer(): Friend | null {
    return 'friend' in this.phase ? this.phase.friend : null;
  }

  /** The relay policy the friend sent after the handshake, if it has yet. */
  get peerPolicy(): RelayPolicy | null {
    return this.phase.kind === 'established' ? this.phase.policy : null;
  }

  close(): void {
    if (this.state === 'closed') return;
    this.answers.flush();
    this.send({ type: 'bye', code: 'done', reason: '' });
    this.finish(null);
    this.options.channel.close();
  }

  /** Live: offer new items to this peer right away. */
  offer(entries: OfferEntry[]): void {
    if (this.state !== 'established') return;
    for (let i = 0; i < entries.length; i += MAX_LIST)
      this.send({ type: 'offer', entries: entries.slice(i, i + MAX_LIST) });
  }

  /** Asks this peer for bodies it offered (another friend did not send them in time). */
  requestBodies(bodies: WantedBody[]): boolean {
    if (this.state !== 'established') return false;
    this.bodies.add(bodies);
    return true;
  }

  /** Tells the peer this node holds these ids (answering offers made while their body was coming). */
  tellHave(ids: Uint8Array[]): void {
    if (this.state !== 'established') return;
    for (let i = 0; i < ids.length; i += MAX_LIST)
      this.send({ type: 'have', ids: ids.slice(i, i + MAX_LIST) });
  }

  /** Receipts not yet sent in this session (re-sent next session until acknowledged). */
  sendReceipts(entries: ReceiptEntry[]): void {
    if (this.state !== 'established') return;
    for (const e of entries) {
      const key = receiptKey(toHex(e.id), e.slot);
      if (this.receiptsSent.has(key)) continue;
      this.receiptsSent.add(key);
      this.answers.receipt(e);
    }
    if (!this.inbound.busy) this.answers.flush();
  }

  private send(frame: Frame): void {
    this.options.channel.send(encodeFrame(frame));
  }

  private async handle(bytes: Uint8Array): Promise<void> {
    if (this.state === 'closed') return;
    const frame = decodeSessionFrame(bytes);
    if (frame.type === 'bye') {
      this.finish(
        frame.code === 'done' ? null : new SessionError(frame.code, `peer: ${frame.reason}`),
      );
      this.options.channel.close();
      return;
    }
    const phase = this.phase;
    if (phase.kind === 'established') return this.sync(frame, phase.friend);
    if (phase.kind !== 'closed') return this.handshake(frame, phase);
  }

  private async handshake(frame: Frame, phase: HandshakePhase): Promise<void> {
    const step = handshakeStep(phase, frame, {
      keyring: this.options.keyring,
      binding: this.options.channel.binding,
      myChallenge: this.myChallenge,
      acceptIntroductions: this.options.acceptIntroductions ?? false,
    });
    switch (step.kind) {
      case 'introduction':
        await this.options.engine.acceptIntroduction(step.envelope);
        return this.close();
      case 'welcome':
        this.phase = step.next;
        return this.send(step.send);
      case 'established':
        if (step.send) this.send(step.send);
        return this.establish(step.friend);
    }
  }

  private stopHandshakeTimer(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
  }

  private async establish(friend: Friend): Promise<void> {
    this.phase = { kind: 'established', friend, policy: null };
    this.stopHandshakeTimer();
    this.options.channel.established?.();
    this.send({ type: 'policy', policy: await this.options.engine.policy() });
    this.options.onEstablished?.(this, friend);
  }

  private async sync(frame: Frame, peer: Friend): Promise<void> {
    const engine = this.options.engine;
    switch (frame.type) {
      case 'policy': {
        const first = this.peerPolicy === null;
        this.phase = { kind: 'established', friend: peer, policy: frame.policy };
        if (first) {
          this.offer(await engine.offersFor(peer, frame.policy));
          this.sendReceipts(await engine.receiptsFor(peer));
        }
        return;
      }
      case 'offer': {
        const decision = await engine.considerOffers(peer, frame.entries);
        if (decision.have.length) this.send({ type: 'have', ids: decision.have });
        if (decision.decline.length) this.send({ type: 'decline', entries: decision.decline });
        const sizes = new Map(frame.entries.map((e) => [envelopeIdFromBytes(e.id), e.size]));
        this.bodies.add(
          decision.request.map((raw) => {
            const id = envelopeIdFromBytes(raw);
            return { id, size: sizes.get(id) ?? 0 };
          }),
        );
        return;
      }
      case 'request':
        for (const id of frame.ids) {
          const bytes = await engine.envelopeFor(peer, envelopeIdFromBytes(id));
          if (bytes) this.send({ type: 'envelope', bytes });
        }
        return;
      case 'envelope': {
        // Only envelopes we asked for are accepted; their id is recomputed, never trusted.
        const id = envelopeId(frame.bytes);
        const arrival = this.bodies.arrived(id);
        if (arrival === 'unrequested')
          throw new SessionError('protocol', 'an envelope we did not request');
        if (arrival === 'late') return; // asked of someone else since: dropped unread
        const outcome = await engine.acceptEnvelope(peer, frame.bytes, id);
        if (outcome === 'taken') this.answers.ack(fromHex(id));
        return;
      }
      case 'ack':
      case 'have':
        return engine.peerHolds(
          peer,
          frame.ids.map(envelopeIdFromBytes),
          frame.type === 'ack' ? 'took-it-from-us' : 'had-it',
        );
      case 'decline':
        return engine.peerDeclined(
          peer,
          frame.entries.map((e) => ({ id: envelopeIdFromBytes(e.id), reason: e.reason })),
        );
      case 'receipts':
        await engine.acceptReceipts(peer, frame.entries);
        for (const e of frame.entries) this.answers.receiptAck({ id: e.id, slot: e.slot });
        return;
      case 'receipts-ack':
        return engine.receiptsAcknowledged(
          peer,
          frame.entries.map((e) => ({ id: envelopeIdFromBytes(e.id), slot: e.slot })),
        );
      default:
        throw new SessionError('protocol', `unexpected ${frame.type} after the handshake`);
    }
  }

  private fail(error: unknown): void {
    const sessionError = sessionErrorOf(error);
    if (this.state !== 'closed') {
      try {
        this.answers.flush(); // what was stored before the failure is still acknowledged
        this.send({ type: 'bye', code: sessionError.code, reason: sessionError.reason });
      } catch {
        // the channel may already be gone
      }
    }
    this.finish(sessionError);
    this.options.channel.close();
  }

  private finish(error: SessionError | null): void {
    if (this.state === 'closed') return;
    this.phase = { kind: 'closed', friend: this.peer };
    this.stopHandshakeTimer();
    const wanted = this.bodies.close();
    if (wanted.length) this.options.engine.requestsAbandoned(wanted);
    this.options.onClosed?.(this, error);
  }
}
