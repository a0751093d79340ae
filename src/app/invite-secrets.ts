/**
 * The secrets in the user's invite links. The link the user hands out carries one; a friend
 * request that proves it (core/identity/invite-token.ts) comes in a lane of its own, so
 * someone who holds an old card of the user's and dials with throwaway ids cannot keep the
 * people the user just invited out. A secret is made when the newest is a week old and
 * honoured for two weeks (as long as a friend request lives); at most a few are kept.
 */
import { fromBase64Url, randomBytes, toBase64Url } from '../core/bytes';
import type { SettingsPort } from './settings-port';

const KEY = 'inviteSecrets';
const DAY = 86_400_000;
const NEW_AFTER_MS = 7 * DAY;
const HONOURED_MS = 14 * DAY;
const KEPT = 4;

interface StoredSecret {
  secret: string;
  createdAt: number;
}

async function stored(settings: SettingsPort, now: number): Promise<StoredSecret[]> {
  const value = (await settings.get(KEY))[KEY];
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  return list.filter(
    (s): s is StoredSecret =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as StoredSecret).secret === 'string' &&
      typeof (s as StoredSecret).createdAt === 'number' &&
      now - (s as StoredSecret).createdAt < HONOURED_MS,
  );
}

/**
 * The secret for the invite link shown now: the newest, or a new one when it is a week old
 * (`made`: the network host must hear of it).
 */
export async function currentInviteSecret(
  settings: SettingsPort,
  now = Date.now(),
): Promise<{ secret: Uint8Array; made: boolean }> {
  const secrets = await stored(settings, now);
  const newest = secrets.at(-1);
  const bytes = newest && now - newest.createdAt < NEW_AFTER_MS && fromBase64Url(newest.secret);
  if (bytes) return { secret: bytes, made: false };
  const fresh = randomBytes(16);
  await settings.set({
    [KEY]: [...secrets, { secret: toBase64Url(fresh), createdAt: now }].slice(-KEPT),
  });
  return { secret: fresh, made: true };
}

/** Every secret still honoured, for the network host to check callers' tokens against. */
export async function honouredInviteSecrets(
  settings: SettingsPort,
  now = Date.now(),
): Promise<string[]> {
  return (await stored(settings, now)).map((s) => s.secret);
}
