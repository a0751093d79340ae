/**
 * What a client may send the tracker over its socket: the PeerJS signalling messages, and
 * Murmur's presence question. Anything else — unknown types, extra keys, ids that are not
 * peer ids, oversized lists — is a protocol violation and costs the sender its connection.
 */
import {
  isArray,
  isInteger,
  isLiteral,
  isObject,
  isOptional,
  isString,
  type Guarded,
} from '../guard';
import { isPeerId } from './peer-id';

/** The most ids one presence question may name (a generous friend list). */
export const MAX_PRESENCE_IDS = 512;
export const PRESENCE_TYPE = 'MURMUR-PRESENCE';
/** Asking the tracker for its STUN/TURN servers and fresh TURN credentials (§13). */
export const ICE_TYPE = 'MURMUR-ICE';
/** Bounds on what a tracker may hand out: a few servers, a few URLs each, sane lifetimes. */
export const MAX_ICE_SERVERS = 4;
export const MIN_ICE_TTL_S = 60;
export const MAX_ICE_TTL_S = 7 * 24 * 3600;

const peerId = isPeerId;

/** PeerJS's payloads (SDP, ICE candidates) are opaque to us: a plain object, size-bounded by the frame limit. */
const isPlainObject = (input: unknown, path = '') =>
  typeof input === 'object' && input !== null && !Array.isArray(input)
    ? { ok: true as const, value: input as Record<string, unknown> }
    : { ok: false as const, reason: `${path || 'payload'}: expected object` };

const signal = isObject({
  type: isLiteral('OFFER', 'ANSWER', 'CANDIDATE'),
  dst: peerId,
  payload: isPlainObject,
});
const leave = isObject({
  type: isLiteral('LEAVE'),
  dst: peerId,
  payload: isOptional(isPlainObject),
});
const heartbeat = isObject({ type: isLiteral('HEARTBEAT') });
const iceQuestion = isObject({
  type: isLiteral(ICE_TYPE),
  payload: isObject({ ask: isInteger({ min: 0, max: 2 ** 31 }) }),
});
const presence = isObject({
  type: isLiteral(PRESENCE_TYPE),
  payload: isObject({
    ask: isInteger({ min: 0, max: 2 ** 31 }),
    ids: isArray(peerId, { max: MAX_PRESENCE_IDS }),
  }),
});

export type SignalFrame = Guarded<typeof signal> | Guarded<typeof leave>;
export type PresenceQuestion = Guarded<typeof presence>;
export type IceQuestion = Guarded<typeof iceQuestion>;
export type ClientFrame =
  | { kind: 'heartbeat' }
  | { kind: 'signal'; frame: SignalFrame }
  | { kind: 'presence'; frame: PresenceQuestion }
  | { kind: 'ice'; frame: IceQuestion };

export interface PresenceAnswer {
  type: typeof PRESENCE_TYPE;
  payload: { ask: number; online: string[] };
}

export type FrameCheck = { ok: true; value: ClientFrame } | { ok: false; reason: string };

/** Classifies one parsed JSON frame from a client. */
export function checkClientFrame(input: unknown): FrameCheck {
  const type = (input as { type?: unknown } | null)?.type;
  switch (type) {
    case 'HEARTBEAT': {
      const r = heartbeat(input);
      return r.ok ? { ok: true, value: { kind: 'heartbeat' } } : r;
    }
    case 'OFFER':
    case 'ANSWER':
    case 'CANDIDATE': {
      const r = signal(input);
      return r.ok ? { ok: true, value: { kind: 'signal', frame: r.value } } : r;
    }
    case 'LEAVE': {
      const r = leave(input);
      return r.ok ? { ok: true, value: { kind: 'signal', frame: r.value } } : r;
    }
    case PRESENCE_TYPE: {
      const r = presence(input);
      return r.ok ? { ok: true, value: { kind: 'presence', frame: r.value } } : r;
    }
    case ICE_TYPE: {
      const r = iceQuestion(input);
      return r.ok ? { ok: true, value: { kind: 'ice', frame: r.value } } : r;
    }
    default:
      // Described without JSON.stringify, which throws on some values (a BigInt).
      return {
        ok: false,
        reason: `unknown frame type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : typeof type}`,
      };
  }
}

export const isPresenceAnswer = isObject({
  type: isLiteral(PRESENCE_TYPE),
  payload: isObject({
    ask: isInteger({ min: 0, max: 2 ** 31 }),
    online: isArray(peerId, { max: MAX_PRESENCE_IDS }),
  }),
});

const iceUrl = isString({ min: 6, max: 512, pattern: /^(stun|turn|turns):[^\s]+$/ });
const iceServer = isObject({
  urls: isArray(iceUrl, { max: 8 }),
  username: isOptional(isString({ min: 1, max: 256 })),
  credential: isOptional(isString({ min: 1, max: 256 })),
});
export type TrackerIceServer = Guarded<typeof iceServer>;

/**
 * The tracker's answer: its servers with credentials valid for `ttl` seconds from now (a
 * duration, so the client's clock does not matter), or a refusal with when to ask again.
 */
export type IceAnswer = {
  type: typeof ICE_TYPE;
  payload:
    | { ask: number; iceServers: TrackerIceServer[]; ttl: number }
    | { ask: number; refused: 'rate-limited'; retryAfter: number };
};

const iceGranted = isObject({
  ask: isInteger({ min: 0, max: 2 ** 31 }),
  iceServers: isArray(iceServer, { max: MAX_ICE_SERVERS }),
  ttl: isInteger({ min: MIN_ICE_TTL_S, max: MAX_ICE_TTL_S }),
});
const iceRefused = isObject({
  ask: isInteger({ min: 0, max: 2 ** 31 }),
  refused: isLiteral('rate-limited'),
  retryAfter: isInteger({ min: 1, max: MAX_ICE_TTL_S }),
});
export const isIceAnswer = isObject({
  type: isLiteral(ICE_TYPE),
  payload: (input: unknown, path?: string) => {
    const granted = iceGranted(input, path);
    return granted.ok ? granted : iceRefused(input, path);
  },
});
