/**
 * What a browser's own network error says about a tracker, in words a person can act on. Pages
 * (fetch, WebSocket) get one opaque error for all of these; webRequest.onErrorOccurred gets the
 * browser's reason — Chromium a `net::ERR_*` code, Firefox an `NS_ERROR_*` code, or, for a
 * refused secure connection, the security library's own sentence ("Peer's Certificate issuer
 * is not recognized.").
 */

/** null: nothing worth saying (the request was aborted, by our own deadline say). */
export function networkErrorReason(error: string): string | null {
  const code = error.trim().slice(0, 200);
  if (/^(net::ERR_ABORTED|NS_BINDING_ABORTED)$/.test(code)) return null;
  if (/^net::ERR_(CERT_|SSL_|BAD_SSL_)/.test(code) || !/^(net::|NS_)/.test(code))
    return `this browser refused the tracker's secure connection, usually because it does not trust its certificate (${code})`;
  if (/^(net::ERR_CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED)$/.test(code))
    return `nothing answers at the tracker's address and port (${code})`;
  if (/^(net::ERR_NAME_NOT_RESOLVED|NS_ERROR_UNKNOWN_HOST)$/.test(code))
    return `the tracker's host name is not known (${code})`;
  if (/^(net::ERR_(CONNECTION_)?TIMED_OUT|NS_ERROR_NET_TIMEOUT)$/.test(code))
    return `the tracker did not answer in time (${code})`;
  return `the browser says ${code}`;
}
