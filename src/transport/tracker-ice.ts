/**
 * The STUN/TURN servers one tracker hands us (PROTOCOL §13 MURMUR-ICE), kept fresh: asked
 * after each registration, asked again before the credentials run out, and merged with the
 * user's own servers into the RTCConfiguration for every channel through that tracker.
 * The credentials live only here, in memory: never stored, logged or shown.
 */
import { isTurnUrl } from '../core/tracker/turn-credentials';
import { ICE_TYPE, isIceAnswer, type TrackerIceServer } from '../core/tracker/frames';
import type { IceServer } from '../messaging/settings';
import type { TrackerIceOffer } from '../messaging/status';

const ANSWER_WITHIN_MS = 5_000;
/** Renew when this share of the lifetime is left (and never later than a minute before). */
const RENEW_AT = 0.8;

export interface IceSocket {
  send(frame: object): void;
}

export class TrackerIce {
  private servers: TrackerIceServer[] = [];
  private asks = 0;
  private pending: { ask: number; resolve: () => void } | null = null;
  private renewTimer: ReturnType<typeof setTimeout> | null = null;
  private socket: IceSocket | null = null;
  offer: TrackerIceOffer = 'asking';

  constructor(
    private readonly userServers: IceServer[],
    private readonly changed: () => void,
  ) {}

  /** Asks now; resolves when answered or after a deadline (dialling goes on without). */
  ask(socket: IceSocket): Promise<void> {
    this.stop();
    const ask = ++this.asks;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending?.ask !== ask) return;
        this.pending = null;
        if (this.offer === 'asking') this.offer = 'no-answer';
        this.changed();
        resolve();
      }, ANSWER_WITHIN_MS);
      this.pending = {
        ask,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.socket = socket;
      socket.send({ type: ICE_TYPE, payload: { ask } });
    });
  }

  /** A frame from the tracker; false when it was not an ICE answer. */
  answered(message: unknown): boolean {
    const checked = isIceAnswer(message);
    if (!checked.ok) return false;
    const payload = checked.value.payload;
    const pending = this.pending;
    if (!pending || pending.ask !== payload.ask) return true;
    this.pending = null;
    if ('refused' in payload) {
      this.offer = this.servers.length ? this.offer : 'refused';
      this.renewIn(payload.retryAfter);
    } else {
      this.servers = payload.iceServers;
      this.offer = payload.iceServers.some((s) => s.urls.some(isTurnUrl))
        ? 'turn'
        : payload.iceServers.length
          ? 'stun'
          : 'nothing';
      this.renewIn(Math.max(30, Math.min(payload.ttl * RENEW_AT, payload.ttl - 60)));
    }
    this.changed();
    pending.resolve();
    return true;
  }

  private renewIn(seconds: number): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => {
      this.renewTimer = null;
      if (this.socket) void this.ask(this.socket);
    }, seconds * 1000);
  }

  get offersRelay(): boolean {
    return this.offer === 'turn';
  }

  /** The configuration for a new RTCPeerConnection through this tracker. */
  rtcConfig(relayOnly: boolean): RTCConfiguration {
    return {
      iceServers: [...this.servers, ...this.userServers],
      iceTransportPolicy: relayOnly ? 'relay' : 'all',
    };
  }

  stop(): void {
    if (this.renewTimer) clearTimeout(this.renewTimer);
    this.renewTimer = null;
    this.pending = null;
    this.socket = null;
  }
}
