/**
 * Hands registered peers the operator's STUN/TURN servers, with TURN credentials that coturn
 * checks against the shared secret (TURN REST scheme, src/core/tracker/turn-credentials.ts).
 * Asked over the registered socket only, so only a peer that proved its key gets any; limited
 * per peer id (a reconnect does not refill the allowance) and per client address (an IPv6 /64
 * as one): peer ids are free, and coturn's quotas count per credential, so without the second
 * limit one client with throwaway ids could take every allocation the relay has. Credentials
 * are never logged.
 */
import { TokenBucket } from '../src/core/token-bucket';
import type { IceAnswer, TrackerIceServer } from '../src/core/tracker/frames';
import { ICE_TYPE } from '../src/core/tracker/frames';
import { isTurnUrl, turnCredential } from '../src/core/tracker/turn-credentials';
import { entryOf } from '../src/core/map-entry';

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
  /** Credentials per client address (IPv6 /64) an hour, in a burst of as many. */
  perAddressPerHour: number;
}

export const DEFAULT_ICE: IceConfig = {
  urls: [],
  turnSecret: null,
  ttlSeconds: 3600,
  burst: 4,
  refillSeconds: 300,
  perAddressPerHour: 16,
};

export interface IceHealth {
  stun: boolean;
  turn: boolean;
}

export class IceService {
  private readonly perPeer = new Map<string, TokenBucket>();
  private readonly perAddress = new Map<string, TokenBucket>();
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

  /** ICE servers for `peerId`, registered from the address key `address`. */
  answer(peerId: string, ask: number, address: string): IceAnswer {
    const refused = (retryAfter: number): IceAnswer => ({
      type: ICE_TYPE,
      payload: { ask, refused: 'rate-limited', retryAfter },
    });
    this.prune();
    const perPeer = entryOf(
      this.perPeer,
      peerId,
      () => new TokenBucket(1 / this.config.refillSeconds, this.config.burst, this.now),
    );
    if (!perPeer.take()) return refused(this.config.refillSeconds);
    // Only answers with a TURN credential count against the address.
    if (this.health().turn) {
      const hourly = this.config.perAddressPerHour;
      const perAddress = entryOf(
        this.perAddress,
        address,
        () => new TokenBucket(hourly / 3600, hourly, this.now),
      );
      if (!perAddress.take()) return refused(Math.ceil(3600 / hourly));
    }
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

  private prune(): void {
    const t = this.now();
    if (t <= this.pruneAt) return;
    for (const map of [this.perPeer, this.perAddress])
      for (const [key, bucket] of map) if (bucket.idle) map.delete(key);
    this.pruneAt = t + 60_000;
  }
}
