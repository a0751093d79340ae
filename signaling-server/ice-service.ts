/**
 * Hands registered peers the operator's STUN/TURN servers, with TURN credentials that coturn
 * checks against the shared secret (TURN REST scheme, src/core/tracker/turn-credentials.ts).
 * Asked over the registered socket only, so only a peer that proved its key gets any; limited
 * per peer id (a reconnect does not refill the allowance). Credentials are never logged.
 */
import { TokenBucket } from '../src/core/token-bucket';
import type { IceAnswer, TrackerIceServer } from '../src/core/tracker/frames';
import { ICE_TYPE } from '../src/core/tracker/frames';
import { isTurnUrl, turnCredential } from '../src/core/tracker/turn-credentials';

export interface IceConfig {
  /** stun:, turn: and turns: URLs, in the order clients should try them. */
  urls: string[];
  /** The secret coturn knows as static-auth-secret; null: no TURN (STUN only, or nothing). */
  turnSecret: string | null;
  /** Seconds a credential stays valid. */
  ttlSeconds: number;
  /** Credential requests per peer id: a burst, then one per this many seconds. */
  burst: number;
  refillSeconds: number;
}

export const DEFAULT_ICE: IceConfig = {
  urls: [],
  turnSecret: null,
  ttlSeconds: 3600,
  burst: 4,
  refillSeconds: 300,
};

export interface IceHealth {
  stun: boolean;
  turn: boolean;
}

export class IceService {
  private readonly perPeer = new Map<string, TokenBucket>();
  private pruneAt = 0;

  constructor(
    private readonly config: IceConfig,
    private readonly now: () => number = Date.now,
  ) {}

  health(): IceHealth {
    return {
      stun: this.config.urls.some((u) => u.startsWith('stun:')),
      turn: this.config.turnSecret !== null && this.config.urls.some(isTurnUrl),
    };
  }

  answer(peerId: string, ask: number): IceAnswer {
    const bucket = this.bucketOf(peerId);
    if (!bucket.take())
      return {
        type: ICE_TYPE,
        payload: { ask, refused: 'rate-limited', retryAfter: this.config.refillSeconds },
      };
    const ttl = this.config.ttlSeconds;
    return { type: ICE_TYPE, payload: { ask, iceServers: this.servers(peerId), ttl } };
  }

  private servers(peerId: string): TrackerIceServer[] {
    const stun = this.config.urls.filter((u) => u.startsWith('stun:'));
    const turn = this.config.urls.filter(isTurnUrl);
    const out: TrackerIceServer[] = [];
    if (stun.length) out.push({ urls: stun });
    if (turn.length && this.config.turnSecret !== null) {
      const expires = Math.floor(this.now() / 1000) + this.config.ttlSeconds;
      out.push({ urls: turn, ...turnCredential(this.config.turnSecret, peerId, expires) });
    }
    return out;
  }

  private bucketOf(peerId: string): TokenBucket {
    const t = this.now();
    if (t > this.pruneAt) {
      for (const [id, bucket] of this.perPeer) if (bucket.idle) this.perPeer.delete(id);
      this.pruneAt = t + 60_000;
    }
    let bucket = this.perPeer.get(peerId);
    if (!bucket) {
      bucket = new TokenBucket(1 / this.config.refillSeconds, this.config.burst, this.now);
      this.perPeer.set(peerId, bucket);
    }
    return bucket;
  }
}
