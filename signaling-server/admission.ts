/**
 * Who may open a socket: checked before the websocket upgrade, so a refused client costs one
 * HTTP response. No web page (origins.ts); per-address connection rate and registrations at
 * once (an address key: IPv4, or an IPv6 /64, behind a trusted proxy the forwarded one), and
 * registrations per network (an IPv6 /48 or IPv4 /24); the peer limit, with the last quarter
 * of the places kept for networks that hold less than a sixteenth of the tracker, so one
 * network with many addresses cannot lock newcomers out; a peer id that is a hash of a key, and a fresh, unused, correctly signed proof of
 * that key for this tracker's name. When the owner of an id proves it again (a new browser
 * session, a network change), the older socket for that id is closed first: nobody else can
 * take it over, and its owner never waits for a dead socket to time out. Challenges have an
 * allowance of their own, so fetching them never uses up the connections.
 */
import type { IncomingMessage } from 'node:http';
import { TokenBucket } from '../src/core/token-bucket';
import { isPeerId } from '../src/core/tracker/peer-id';
import { checkProofToken, ProofError } from '../src/core/tracker/proof';
import type { Challenges } from './challenges';
import { addressKey, clientAddress, networkOf } from './client-address';
import { fromWebPage } from './origins';
import type { TrackerLimits } from './config';
import type { GuardedSocket } from './guarded-socket';
import { entryOf } from '../src/core/map-entry';

export type Refusal = { status: number; reason: string };
export type Admission = { ok: true; peerId: string } | ({ ok: false } & Refusal);

export interface AdmissionDeps {
  limits: TrackerLimits;
  wsPath: string;
  challenges: Challenges;
  /** host[:port] names proofs may be signed for. */
  hosts: () => ReadonlySet<string>;
  registered: Map<string, GuardedSocket>;
  trustedProxies: ReadonlySet<string>;
}

export class Admissions {
  private readonly connections = new Map<string, TokenBucket>();
  private readonly challenges = new Map<string, TokenBucket>();
  /** Registered peer ids by the address key they registered from, and by its network. */
  private readonly byAddress = new Map<string, Set<string>>();
  private readonly byNetwork = new Map<string, Set<string>>();
  private pruneAt = 0;

  constructor(private readonly deps: AdmissionDeps) {}

  /** The key this request's limits count by. */
  keyOf(req: IncomingMessage): string {
    return addressKey(clientAddress(req, this.deps.trustedProxies));
  }

  allowChallenge(key: string): boolean {
    return this.take(this.challenges, key, this.deps.limits.challengesPerMinute);
  }

  private allowConnection(key: string): boolean {
    return this.take(this.connections, key, this.deps.limits.connectsPerMinute);
  }

  private take(buckets: Map<string, TokenBucket>, key: string, perMinute: number): boolean {
    const now = Date.now();
    if (now > this.pruneAt) {
      for (const map of [this.connections, this.challenges])
        for (const [k, bucket] of map) if (bucket.idle) map.delete(k);
      this.pruneAt = now + 60_000;
    }
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(perMinute / 60, perMinute);
      buckets.set(key, bucket);
    }
    return bucket.take();
  }

  /** A socket registered `peerId` from `key`; call `left` when it closes. */
  joined(peerId: string, key: string): void {
    entryOf(this.byAddress, key, () => new Set()).add(peerId);
    entryOf(this.byNetwork, networkOf(key), () => new Set()).add(peerId);
  }

  left(peerId: string, key: string): void {
    for (const [map, k] of [
      [this.byAddress, key],
      [this.byNetwork, networkOf(key)],
    ] as const) {
      const ids = map.get(k);
      ids?.delete(peerId);
      if (ids?.size === 0) map.delete(k);
    }
  }

  /**
   * Why a registration from `key` is refused by the peer, address and network limits. The
   * owner of an id already counted somewhere takes no new place there (its old socket goes).
   */
  private crowded(peerId: string, key: string): Refusal | null {
    const { limits, registered } = this.deps;
    const fromHere = this.byAddress.get(key);
    const fromNetwork = this.byNetwork.get(networkOf(key));
    const again = registered.has(peerId);
    if (registered.size >= limits.maxPeers && !again)
      return { status: 503, reason: 'tracker full' };
    if ((fromHere?.size ?? 0) >= limits.maxPeersPerAddress && !fromHere?.has(peerId))
      return { status: 429, reason: 'too many registrations from this address' };
    if (fromNetwork?.has(peerId)) return null;
    const networkCount = fromNetwork?.size ?? 0;
    if (networkCount >= limits.maxPeersPerNetwork)
      return { status: 429, reason: 'too many registrations from this network' };
    const nearlyFull = registered.size >= Math.floor((limits.maxPeers * 3) / 4);
    const fairShare = Math.max(1, Math.floor(limits.maxPeers / 16));
    if (nearlyFull && !again && networkCount >= fairShare)
      return { status: 503, reason: 'tracker nearly full: the places left are for other networks' };
    return null;
  }

  async admit(req: IncomingMessage): Promise<Admission> {
    const refuse = (status: number, reason: string): Admission => ({ ok: false, status, reason });
    const url = new URL(req.url ?? '/', 'http://tracker');
    if (url.pathname !== this.deps.wsPath) return refuse(404, 'not a tracker path');
    if (fromWebPage(req)) return refuse(403, 'web pages may not connect');
    const key = this.keyOf(req);
    if (!this.allowConnection(key)) return refuse(429, 'too many connections');
    const peerId = url.searchParams.get('id') ?? '';
    const token = url.searchParams.get('token') ?? '';
    if (!isPeerId(peerId).ok) return refuse(400, 'a peer id is "m" and 32 hex digits');
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.deps.hosts().has(host)) return refuse(421, `this tracker is not ${host}`);
    const crowded = this.crowded(peerId, key);
    if (crowded) return { ok: false, ...crowded };
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
