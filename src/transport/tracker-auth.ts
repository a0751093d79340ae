/**
 * Registering with a tracker needs a fresh proof of our tracker key: fetch a challenge over
 * HTTP(S) from the tracker, sign it for the name we dial. Used by the extension, the tracker
 * benchmark and the tests (Node has fetch too).
 */
import { fromBase64Url } from '../core/bytes';
import type { SigningKey } from '../core/crypto/ed25519';
import { makeProofToken } from '../core/tracker/proof';
import type { TrackerAddress } from '../core/tracker-url';

export class TrackerAuthError extends Error {
  override readonly name = 'TrackerAuthError';
}

/** The host[:port] the browser will send as Host when it opens the websocket. */
export function dialledHost(address: TrackerAddress): string {
  const defaultPort = address.secure ? 443 : 80;
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return address.port === defaultPort ? host : `${host}:${address.port}`;
}

export async function fetchProofToken(
  address: TrackerAddress,
  key: SigningKey,
  signal?: AbortSignal,
): Promise<string> {
  const url = `${address.secure ? 'https' : 'http'}://${dialledHost(address)}${address.path}challenge`;
  // The header a web page cannot send without a preflight the tracker grants only to
  // extensions: so pages cannot spend our address's allowance (PROTOCOL §13).
  const response = await fetch(url, {
    cache: 'no-store',
    signal,
    headers: { 'Murmur-Client': '1' },
  });
  if (!response.ok) throw new TrackerAuthError(`challenge: HTTP ${response.status}`);
  const body = (await response.json()) as { challenge?: unknown };
  const challenge = typeof body.challenge === 'string' ? fromBase64Url(body.challenge) : null;
  if (!challenge) throw new TrackerAuthError('challenge: malformed answer');
  return makeProofToken(key, dialledHost(address), challenge);
}
