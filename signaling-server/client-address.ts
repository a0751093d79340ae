/**
 * Whose request this is, for per-address limits. Behind a reverse proxy every client would
 * share the proxy's address (and one client could lock out everyone); so a request from a
 * trusted proxy counts as from the address the proxy says it forwarded (X-Forwarded-For, read
 * from the right, skipping trusted proxies). Anyone else's X-Forwarded-For is ignored: it is
 * whatever the client wrote.
 *
 * Limits count by address key: an IPv4 address, or an IPv6 address's /64 (one home or phone
 * gets a whole /64, so per-address IPv6 limits would be no limits at all). Wider limits count
 * by network: an IPv6 /48 (what one site or one hosting customer is given) or an IPv4 /24, so
 * a few /64s of one /48 cannot fill the tracker.
 */
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

const unmapped = (address: string) =>
  address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4
    ? address.slice(7)
    : address;

export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  const direct = unmapped(req.socket.remoteAddress ?? '?');
  if (!trustedProxies.has(direct)) return direct;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => unmapped(h.trim()))
    .filter((h) => isIP(h) !== 0);
  for (const hop of [...hops].reverse()) if (!trustedProxies.has(hop)) return hop;
  return hops[0] ?? direct;
}

/** The key limits count by: the IPv4 address, or the IPv6 /64. */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The network an address key belongs to: an IPv6 /48, or an IPv4 /24. */
export function networkOf(key: string): string {
  if (key.endsWith('::/64')) return `${key.split(':').slice(0, 3).join(':')}::/48`;
  if (isIP(key) === 4) return `${key.split('.').slice(0, 3).join('.')}.0/24`;
  return key;
}
