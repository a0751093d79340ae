/**
 * Network settings and this installation's tracker peer id, in extension storage.
 * What is read back is validated like any other input: a corrupted value falls back to
 * defaults instead of breaking the background.
 */
import browser from 'webextension-polyfill';
import {
  DEFAULT_NETWORK_SETTINGS,
  isNetworkSettings,
  type NetworkSettings,
} from '../messaging/settings';
import { isPeerId } from '../messaging/host-requests';

const NETWORK_KEY = 'settings.network';
const PEER_ID_KEY = 'network.peerId';

export async function loadNetworkSettings(): Promise<NetworkSettings> {
  const stored = (await browser.storage.local.get(NETWORK_KEY))[NETWORK_KEY];
  if (stored === undefined) return DEFAULT_NETWORK_SETTINGS;
  const checked = isNetworkSettings(stored);
  if (!checked.ok) console.warn('Murmur: stored network settings invalid, using defaults');
  return checked.ok ? checked.value : DEFAULT_NETWORK_SETTINGS;
}

export async function saveNetworkSettings(settings: NetworkSettings): Promise<void> {
  await browser.storage.local.set({ [NETWORK_KEY]: settings });
}

/**
 * A random id, made once per installation and kept so reconnects reuse it.
 * (The tracker issue replaces it with an id derived from a key only we hold.)
 */
let peerIdOnce: Promise<string> | null = null;

/** Memoised: concurrent first calls (start-up and a status request) must not mint two ids. */
export function loadOrCreatePeerId(): Promise<string> {
  peerIdOnce ??= readOrCreatePeerId().catch((error: unknown) => {
    peerIdOnce = null;
    throw error;
  });
  return peerIdOnce;
}

async function readOrCreatePeerId(): Promise<string> {
  const stored = (await browser.storage.local.get(PEER_ID_KEY))[PEER_ID_KEY];
  if (isPeerId(stored).ok) return stored as string;
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const peerId = `m${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  await browser.storage.local.set({ [PEER_ID_KEY]: peerId });
  return peerId;
}
