/**
 * Why a tracker cannot be reached, as the browser tells it (webRequest, for allowed sites): a
 * refused certificate is named as such in Chromium's and Firefox's words, the opaque error is
 * replaced only while the tracker is not connected and only by a recent reason for that same
 * host and port, and what Murmur aborted itself says nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { networkErrorReason } from '../../../src/app/network-error-reason';
// vi.mock below is hoisted above this import: the module sees the fake browser.
import { trackerErrors } from '../../../src/background/tracker-errors';
import { explainLink, explainTest } from '../../../src/app/tracker-reasons';
import type { TrackerLinkStatus } from '../../../src/messaging/status';

const fake = vi.hoisted(() => ({
  listeners: [] as ((details: { url: string; error: string }) => void)[],
  filters: [] as unknown[],
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    webRequest: {
      onErrorOccurred: {
        addListener: (f: (details: { url: string; error: string }) => void, filter: unknown) => {
          fake.listeners.push(f);
          fake.filters.push(filter);
        },
      },
    },
  },
}));

const fail = (url: string, error: string) => fake.listeners.forEach((f) => f({ url, error }));
const down = (url: string): TrackerLinkStatus => ({
  url,
  state: 'down',
  peerId: null,
  lastError:
    'tracker unreachable over TLS: it is down, or this browser does not trust its certificate (TypeError: Failed to fetch)',
  since: 0,
  failures: 3,
  ice: 'asking',
});

describe('the browser’s reason a tracker cannot be reached', () => {
  beforeEach(() => {
    fake.listeners.length = 0;
    fake.filters.length = 0;
  });

  it('names a refused certificate in either browser’s words, and the common network failures', () => {
    for (const error of [
      'net::ERR_CERT_AUTHORITY_INVALID',
      'net::ERR_CERT_COMMON_NAME_INVALID',
      'net::ERR_SSL_PROTOCOL_ERROR',
      'Peer’s Certificate issuer is not recognized.',
    ])
      expect(networkErrorReason(error)).toMatch(
        /^this browser refused the tracker's secure connection, usually because it does not trust its certificate \(/,
      );
    expect(networkErrorReason('NS_ERROR_CONNECTION_REFUSED')).toMatch(/^nothing answers/);
    expect(networkErrorReason('net::ERR_CONNECTION_REFUSED')).toMatch(/^nothing answers/);
    expect(networkErrorReason('net::ERR_NAME_NOT_RESOLVED')).toMatch(/host name is not known/);
    expect(networkErrorReason('NS_ERROR_UNKNOWN_HOST')).toMatch(/host name is not known/);
    expect(networkErrorReason('net::ERR_CONNECTION_TIMED_OUT')).toMatch(/did not answer in time/);
    expect(networkErrorReason('net::ERR_ABORTED')).toBeNull();
    expect(networkErrorReason('NS_BINDING_ABORTED')).toBeNull();
    expect(networkErrorReason('net::ERR_ADDRESS_UNREACHABLE')).toBe(
      'the browser says net::ERR_ADDRESS_UNREACHABLE',
    );
    expect(networkErrorReason('x'.repeat(5_000))?.length).toBeLessThan(400);
  });

  it('replaces the opaque error of that tracker only, while it is down, for two minutes', () => {
    let now = 1_000_000;
    let heard = 0;
    const errors = trackerErrors(
      () => heard++,
      () => now,
    );
    const tracker = 'wss://tracker.example:8443/murmur';
    expect(explainLink(errors, down(tracker)).lastError).toMatch(/it is down, or/);

    fail('https://tracker.example:8443/murmur/challenge', 'net::ERR_CERT_AUTHORITY_INVALID');
    expect(heard).toBe(1);
    expect(explainLink(errors, down(tracker)).lastError).toBe(
      "tracker unreachable: this browser refused the tracker's secure connection, usually because it does not trust its certificate (net::ERR_CERT_AUTHORITY_INVALID)",
    );
    // Another port on the same host, or another host: not this tracker.
    expect(explainLink(errors, down('wss://tracker.example/murmur')).lastError).toMatch(
      /it is down, or/,
    );
    expect(explainLink(errors, down('wss://other.example:8443/murmur')).lastError).toMatch(
      /it is down, or/,
    );
    // Connected: nothing to explain.
    const connected = { ...down(tracker), state: 'connected' as const, lastError: null };
    expect(explainLink(errors, connected)).toEqual(connected);
    // "Test my connection" says the same for a tracker not registered.
    const test = explainTest(errors, {
      trackers: [
        {
          url: tracker,
          registered: false,
          error: 'opaque',
          offers: 'asking',
          publicAddress: null,
          behindNat: null,
          turn: 'not-offered',
        },
      ],
    });
    expect(test.trackers[0]?.error).toMatch(/does not trust its certificate/);

    // The same reason at the next retry is no news; a different one is.
    fail('https://tracker.example:8443/murmur/challenge', 'net::ERR_CERT_AUTHORITY_INVALID');
    expect(heard).toBe(1);
    fail('https://tracker.example:8443/murmur/challenge', 'net::ERR_CONNECTION_REFUSED');
    expect(heard).toBe(2);
    expect(explainLink(errors, down(tracker)).lastError).toMatch(/nothing answers/);

    now += 120_000;
    expect(explainLink(errors, down(tracker)).lastError).toMatch(/it is down, or/);
    // Our own deadline's abort tells nothing and is not news.
    fail('https://tracker.example:8443/murmur/challenge', 'net::ERR_ABORTED');
    expect(heard).toBe(2);
    // After two minutes the same reason is news again: pages showed the opaque error meanwhile.
    fail('https://tracker.example:8443/murmur/challenge', 'net::ERR_CONNECTION_REFUSED');
    expect(heard).toBe(3);
  });

  it('keeps a few hosts only', () => {
    const errors = trackerErrors(() => undefined);
    for (let i = 0; i < 40; i++)
      fail(`https://t${i}.example/murmur/challenge`, 'NS_ERROR_UNKNOWN_HOST');
    expect(errors.reasonFor('wss://t39.example/murmur')).toMatch(/not known/);
    expect(errors.reasonFor('wss://t0.example/murmur')).toBeNull();
    expect(fake.filters[0]).toEqual({
      urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'],
    });
  });
});
