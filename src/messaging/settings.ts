/** User settings the background keeps, and the guards that validate them on the way in. */
import {
  isArray,
  isBoolean,
  isLiteral,
  isObject,
  isOptional,
  isString,
  type Guard,
} from '../core/guard';
import { parseTrackerUrl } from '../core/tracker-url';
import { isFingerprint, type Fingerprint } from '../core/identity/fingerprint';

export interface IceServer {
  urls: string;
  username?: string;
  credential?: string;
}

export interface NetworkSettings {
  trackers: string[];
  iceServers: IceServer[];
  /** "Hide my address from friends": relay-only ICE, so friends see only the TURN server. */
  hideAddress?: boolean;
}

/** Replaced at build time: `npm run package -- --tracker wss://…` bakes in the store default. */
declare const MURMUR_DEFAULT_TRACKER: string | undefined;

/** The tracker `npm run tracker` starts: development builds (and Node tests) use it. */
export const LOCAL_TRACKER = 'ws://127.0.0.1:9000/murmur';

export const DEFAULT_TRACKER =
  typeof MURMUR_DEFAULT_TRACKER === 'string' ? MURMUR_DEFAULT_TRACKER : LOCAL_TRACKER;

export const DEFAULT_NETWORK_SETTINGS: NetworkSettings = {
  trackers: [DEFAULT_TRACKER],
  iceServers: [],
};

export const isTrackerUrl: Guard<string> = (input, path = '') => {
  const s = isString({ min: 1, max: 512 })(input, path);
  if (!s.ok) return s;
  const parsed = parseTrackerUrl(s.value);
  return parsed.ok ? s : { ok: false, reason: `${path || 'tracker'}: ${parsed.reason}` };
};

export const isIceServer: Guard<IceServer> = (input, path) => {
  const r = isObject({
    urls: isString({ min: 1, max: 512, pattern: /^(stun|stuns|turn|turns):/ }),
    username: isOptional(isString({ max: 256 })),
    credential: isOptional(isString({ max: 256 })),
  })(input, path);
  return r.ok ? { ok: true, value: r.value } : r;
};

export const isNetworkSettings: Guard<NetworkSettings> = isObject({
  trackers: isArray(isTrackerUrl, { max: 8 }),
  iceServers: isArray(isIceServer, { max: 8 }),
  hideAddress: isOptional(isBoolean),
});

/** Facebook cross-posting: off (the default), ask each time, or automatic. */
export type CrosspostMode = 'off' | 'ask' | 'auto';

export interface CrosspostSettings {
  mode: CrosspostMode;
  /** Who mirrored posts go to by default: all friends, or these friends (fingerprints). */
  audience: 'all-friends' | Fingerprint[];
}

export const DEFAULT_CROSSPOST_SETTINGS: CrosspostSettings = {
  mode: 'off',
  audience: 'all-friends',
};

const isFingerprintList = isArray(isFingerprint, { max: 5000 });

export const isCrosspostSettings: Guard<CrosspostSettings> = (input, path = '') => {
  const r = isObject({
    mode: isLiteral('off', 'ask', 'auto'),
    audience: (value: unknown, at?: string) =>
      value === 'all-friends'
        ? { ok: true as const, value: 'all-friends' as const }
        : isFingerprintList(value, at),
  })(input, path);
  return r.ok ? { ok: true, value: r.value } : r;
};

/** A saved audience ("family", "climbing club"): a name and the friends in it. Kept locally. */
export interface AudienceList {
  name: string;
  members: Fingerprint[];
}

export const isAudienceLists: Guard<AudienceList[]> = isArray(
  isObject({ name: isString({ min: 1, max: 64 }), members: isFingerprintList }),
  { max: 100 },
);
