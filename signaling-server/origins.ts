/**
 * Which browser contexts may use the tracker. A web page the user visits could otherwise fetch
 * challenges or open sockets from the user's address and spend that address's allowance —
 * locking the user, and everyone behind the same NAT, out of their tracker.
 *
 * - WebSocket handshakes from browsers always carry Origin: anything but an extension origin is
 *   refused before any allowance is spent.
 * - A challenge request must carry the `Murmur-Client` header. A page cannot send that header
 *   without a CORS preflight, and the preflight is granted to extension origins only; simple
 *   requests (an <img>, a form) come without it and are refused without spending anything.
 * Clients outside browsers (the doctor, a headless node) send no Origin and are not affected.
 */
import type { IncomingMessage } from 'node:http';

export const CLIENT_HEADER = 'murmur-client';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[\w.-]+$/;

export const isExtensionOrigin = (origin: string): boolean => EXTENSION_ORIGIN.test(origin);

/** An Origin header that names a web page (not an extension, not absent). */
export function fromWebPage(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return typeof origin === 'string' && !isExtensionOrigin(origin);
}
