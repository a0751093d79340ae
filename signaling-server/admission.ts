/**
 * Who may open a socket: checked before the websocket upgrade, so a refused client costs one
 * HTTP response. Per-address connection rate, the peer limit, a peer id that is a hash of a
 * key, and a fresh, unused, correctly signed proof of that key for this tracker's name. When
 * the owner of an id proves it again (a new browser session, a network change), the older
 * socket for that id is closed first: nobody else can take it over, and its owner never
 * waits for a dead socket to time out.
 */
import type { IncomingMessage } from 'node:http';
import { TokenBucket } from '../src/core/token-bucket';
import { isPeerId } from '../src/core/tracker/peer-id';
import { checkProofToken, ProofError } from '../src/core/tracker/proof';
import type { Challenges } from './challenges';
import type { TrackerLimits } from './config';
import type { GuardedSocket } from './guarded-socket';

export type Refusal = { status: number; reason: string };
export type Admission = { ok: true; peerId: string } | ({ ok: false } & Refusal);

export interface AdmissionDeps {
  limits: TrackerLimits;
  wsPath: string;
  challenges: Challenges;
  /** host[:port] names proofs may be signed for. */
  hosts: () => ReadonlySet<string>;
  registered: Map<string, GuardedSocket>;
}

export class Admissions {
  private readonly perAddress = new Map<string, TokenBucket>();
  private pruneAt = 0;

  constructor(private readonly deps: AdmissionDeps) {}

  /** A per-address allowance for connections (and challenge requests, at twice the rate). */
  allow(address: string, cost = 1): boolean {
    const now = Date.now();
    if (now > this.pruneAt) {
      for (const [key, bucket] of this.perAddress) if (bucket.idle) this.perAddress.delete(key);
      this.pruneAt = now + 60_000;
    }
    let bucket = this.perAddress.get(address);
    if (!bucket) {
      const perMinute = this.deps.limits.connectsPerMinute * 2;
      bucket = new TokenBucket(perMinute / 60, perMinute);
      this.perAddress.set(address, bucket);
    }
    return bucket.take(cost);
  }

  async admit(req: IncomingMessage): Promise<Admission> {
    const refuse = (status: number, reason: string): Admission => ({ ok: false, status, reason });
    const url = new URL(req.url ?? '/', 'http://tracker');
    if (url.pathname !== this.deps.wsPath) return refuse(404, 'not a tracker path');
    if (!this.allow(req.socket.remoteAddress ?? '?', 2)) return refuse(429, 'too many connections');
    const peerId = url.searchParams.get('id') ?? '';
    const token = url.searchParams.get('token') ?? '';
    if (!isPeerId(peerId)) return refuse(400, 'a peer id is "m" and 32 hex digits');
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.deps.hosts().has(host)) return refuse(421, `this tracker is not ${host}`);
    if (this.deps.registered.size >= this.deps.limits.maxPeers && !this.deps.registered.has(peerId))
      return refuse(503, 'tracker full');
    let challenge: Uint8Array;
    try {
      challenge = await checkProofToken(token, host, peerId);
    } catch (error) {
      if (error instanceof ProofError) return refuse(401, `proof: ${error.code}`);
      throw error;
    }
    const verdict = this.deps.challenges.redeem(challenge);
    if (verdict !== 'ok') return refuse(401, `challenge ${verdict}`);
    await this.evict(peerId);
    return { ok: true, peerId };
  }

  /** Closes the socket that holds this id now, and waits until `peer` has let the id go. */
  private async evict(peerId: string): Promise<void> {
    const old = this.deps.registered.get(peerId);
    if (!old) return;
    await new Promise<void>((resolve) => {
      old.once('close', () => resolve());
      old.terminate();
      if (old.raw.readyState === old.raw.CLOSED) resolve();
    });
  }
}
