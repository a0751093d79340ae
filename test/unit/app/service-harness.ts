/**
 * Murmur (the app) over a memory store and memory settings, with no network host: for what the
 * app decides on its own (keys, contacts).
 */
import * as openpgp from 'openpgp';
import type { UnlockedKeyCache } from '../../../src/app/account';
import { Murmur } from '../../../src/app/murmur';
import { NO_ATTENTION } from '../../../src/app/app-ports';
import type { ContactRecord } from '../../../src/core/state/records';
import type { MemoryStore } from '../../../src/core/state/memory-store';
import { memorySettings } from '../../../src/app/settings-port';
import { fingerprintOfKey } from '../../../src/core/identity/key-material';
import { peerIdFor } from '../peer-ids';

export const DAY = 86_400_000;

export async function expiredKey(
  name: string,
): Promise<{ key: openpgp.PublicKey; expiredAt: number }> {
  // OpenPGP keeps whole seconds.
  const created = new Date(Math.floor((Date.now() - 10 * DAY) / 1000) * 1000);
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name }],
    date: created,
    keyExpirationTime: 86_400,
    format: 'object',
  });
  return { key: privateKey.toPublic(), expiredAt: created.getTime() + DAY };
}

export const contact = (publicKey: openpgp.PublicKey, name: string): ContactRecord => ({
  fingerprint: fingerprintOfKey(publicKey),
  publicKey: publicKey.write(),
  displayName: name,
  peerId: peerIdFor(name.toLowerCase()),
  tracker: 'ws://127.0.0.1:9000/murmur',
  state: 'friend',
  addedAt: Date.now() - 20 * DAY,
});

export const noCache: UnlockedKeyCache = { get: async () => null, set: async () => undefined };

export function serviceOver(store: MemoryStore): Murmur {
  return new Murmur({
    store,
    settings: memorySettings(),
    address: async () => ({ peerId: peerIdFor('me'), tracker: 'ws://127.0.0.1:9000/murmur' }),
    unlockedKeys: noCache,
    network: { configure: async () => undefined, reach: async () => ({}) },
    attention: NO_ATTENTION,
    askToShare: async () => undefined,
    changed: () => undefined,
  });
}
