/**
 * Tracker addresses as users type them (`ws://127.0.0.1:9000/murmur`, `wss://tracker.example/`),
 * parsed into what a PeerJS client needs. Pure: used by settings validation and the transport.
 */
export interface TrackerAddress {
  secure: boolean;
  host: string;
  port: number;
  /** Always starts and ends with '/'. */
  path: string;
}

export type TrackerUrlResult = { ok: true; value: TrackerAddress } | { ok: false; reason: string };

export function parseTrackerUrl(text: string): TrackerUrlResult {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: `"${text}" is not an address like ws://host:port/path` };
  }
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  if (!secure && url.protocol !== 'ws:' && url.protocol !== 'http:')
    return { ok: false, reason: `unsupported scheme ${url.protocol} (use ws:// or wss://)` };
  if (url.username || url.password || url.search || url.hash)
    return { ok: false, reason: 'a tracker address has no credentials, query or fragment' };
  const port = url.port ? Number(url.port) : secure ? 443 : 80;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { ok: true, value: { secure, host: url.hostname, port, path } };
}

export function formatTrackerUrl(address: TrackerAddress): string {
  return `${address.secure ? 'wss' : 'ws'}://${address.host}:${address.port}${address.path}`;
}

/** One spelling per tracker (case, default port, trailing slash): a URL that does not parse stays as it is. */
export function normaliseTrackerUrl(url: string): string {
  const parsed = parseTrackerUrl(url);
  return parsed.ok ? formatTrackerUrl(parsed.value) : url;
}
