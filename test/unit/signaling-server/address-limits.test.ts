/**
 * Tracker denial of service (hostile-peers issue, point 8): a web page the user visits must
 * not spend the user's address's allowance; one address holds a bounded number of
 * registrations (an IPv6 /64 counts as one); behind a trusted reverse proxy, the forwarded
 * address counts, and nobody else's X-Forwarded-For does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { peerIdOf } from '../../../src/core/tracker/peer-id';
import { addressKey, clientAddress } from '../../../signaling-server/client-address';
import { localConfig, type TrackerConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { openSocket, proofFor } from './client';

let tracker: RunningTracker | null = null;
afterEach(async () => {
  await tracker?.stop();
  tracker = null;
});

async function start(config: TrackerConfig): Promise<number> {
  tracker = await startTracker(config);
  return tracker.port;
}

/** Registers a new key; the HTTP status it was refused with, or null. */
async function register(port: number, headers: Record<string, string> = {}) {
  const key = generateSigningKey();
  const { socket, refused } = await openSocket(
    port,
    peerIdOf(key.publicKey),
    await proofFor(port, key),
    undefined,
    headers,
  );
  return { socket, refused };
}

describe('a web page the user visits', () => {
  it("cannot spend the user's allowance with challenges or sockets", async () => {
    const port = await start(localConfig({ connectsPerMinute: 2, challengesPerMinute: 2 }));
    const challenge = `http://127.0.0.1:${port}/murmur/challenge`;
    // What a page can send without a preflight: a plain GET (an <img>, a no-cors fetch).
    for (let i = 0; i < 10; i++) expect((await fetch(challenge)).status).toBe(400);
    // Its sockets carry its origin.
    for (let i = 0; i < 10; i++) {
      const page = await openSocket(
        port,
        peerIdOf(generateSigningKey().publicKey),
        'x',
        undefined,
        {
          Origin: 'https://news.example',
        },
      );
      expect(page.refused).toBe(403);
    }
    // The user's own Murmur still registers.
    const mine = await register(port, { Origin: 'chrome-extension://abcdefghijklmnop' });
    expect(mine.refused).toBeNull();
    mine.socket.close();
  });

  it('gets no CORS grant; an extension does', async () => {
    const port = await start(localConfig());
    const preflight = (origin: string) =>
      fetch(`http://127.0.0.1:${port}/murmur/challenge`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'murmur-client',
        },
      });
    expect(
      (await preflight('https://news.example')).headers.get('access-control-allow-origin'),
    ).toBeNull();
    const extension = await preflight('moz-extension://0b8c7f3e-1d2a-4b5c-9e8f-123456789abc');
    expect(extension.headers.get('access-control-allow-origin')).toBe(
      'moz-extension://0b8c7f3e-1d2a-4b5c-9e8f-123456789abc',
    );
    expect(extension.headers.get('access-control-allow-headers')).toBe('murmur-client');
  });
});

describe('registrations from one address', () => {
  it('are capped, and a place frees when one leaves', async () => {
    const port = await start(localConfig({ maxPeersPerAddress: 2 }));
    const first = await register(port);
    const second = await register(port);
    expect([first.refused, second.refused]).toEqual([null, null]);
    expect((await register(port)).refused).toBe(429);
    await new Promise<void>((resolve) => {
      first.socket.once('close', () => resolve());
      first.socket.close();
    });
    // The tracker hears of the close a moment later: wait for it by trying again.
    let again = await register(port);
    for (let i = 0; i < 50 && again.refused === 429; i++) again = await register(port);
    expect(again.refused).toBeNull();
    second.socket.close();
    again.socket.close();
  });

  it('count the forwarded address behind a trusted proxy, and ignore it otherwise', async () => {
    const behindProxy = {
      ...localConfig({ maxPeersPerAddress: 1 }),
      trustedProxies: ['127.0.0.1'],
    };
    let port = await start(behindProxy);
    const ann = await register(port, { 'X-Forwarded-For': '198.51.100.7' });
    const ben = await register(port, { 'X-Forwarded-For': '198.51.100.8' });
    expect([ann.refused, ben.refused]).toEqual([null, null]);
    const annAgain = await register(port, { 'X-Forwarded-For': '10.9.9.9, 198.51.100.7' });
    expect(annAgain.refused).toBe(429);
    ann.socket.close();
    ben.socket.close();
    await tracker?.stop();

    port = await start(localConfig({ maxPeersPerAddress: 1 }));
    const cat = await register(port, { 'X-Forwarded-For': '198.51.100.9' });
    expect(cat.refused).toBeNull();
    // Without a trusted proxy the header is the client's own words: same address, refused.
    expect((await register(port, { 'X-Forwarded-For': '198.51.100.10' })).refused).toBe(429);
    cat.socket.close();
  });
});

describe('address keys', () => {
  const request = (remote: string, forwarded?: string) =>
    ({
      socket: { remoteAddress: remote } as Socket,
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    }) as IncomingMessage;

  it('put a whole IPv6 /64 under one key, and IPv4 (mapped or not) under its own', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(clientAddress(request('::ffff:203.0.113.5'), new Set())).toBe('203.0.113.5');
  });

  it('read X-Forwarded-For from the right, past trusted proxies only', () => {
    const proxies = new Set(['192.0.2.1', '192.0.2.2']);
    expect(
      clientAddress(request('192.0.2.1', '203.0.113.9, 198.51.100.3, 192.0.2.2'), proxies),
    ).toBe('198.51.100.3');
    expect(clientAddress(request('203.0.113.50', '198.51.100.3'), proxies)).toBe('203.0.113.50');
  });
});
