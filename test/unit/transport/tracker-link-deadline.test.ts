/**
 * A tracker that takes the challenge request and never answers (hung, or hostile) does not leave
 * the link "connecting" for good: the registration is given up after its deadline, the request
 * is aborted, the status says why, and the link tries again — with a fresh attempt each time.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrackerLink } from '../../../src/transport/tracker-link';
import { signingKeyFromSeed } from '../../../src/core/crypto/ed25519';

describe('a tracker that never answers the challenge', () => {
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is given up after the deadline, said so, and tried again', async () => {
    const requests: IncomingMessage[] = [];
    const aborted: number[] = [];
    let arrived: () => void = () => undefined;
    const server = createServer((request) => {
      // Takes the request, never answers.
      requests.push(request);
      request.on('close', () => aborted.push(requests.indexOf(request)));
      arrived();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const nextRequest = () => new Promise<void>((resolve) => (arrived = resolve));

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const changes: string[] = [];
    const link = new TrackerLink(
      `ws://127.0.0.1:${port}/murmur`,
      signingKeyFromSeed(new Uint8Array(32).fill(7)),
      { iceServers: [], hideAddress: false },
      {
        changed: () => changes.push(link.status.state),
        registered: () => undefined,
        incoming: () => undefined,
      },
    );
    const first = nextRequest();
    link.start();
    await first;
    expect(link.status.state).toBe('connecting');

    // Just before the deadline nothing has changed; at it, the attempt is given up.
    await vi.advanceTimersByTimeAsync(14_999);
    expect(link.status.state).toBe('connecting');
    const second = nextRequest();
    await vi.advanceTimersByTimeAsync(1);
    expect(link.status.state).toBe('down');
    expect(link.status.lastError).toMatch(/did not let us register within 15 s/);
    expect(link.status.failures).toBe(1);
    await vi.waitFor(() => expect(aborted).toContain(0));

    // Then a new attempt, after the backoff.
    await vi.advanceTimersByTimeAsync(1_000);
    await second;
    expect(requests).toHaveLength(2);
    expect(link.status.state).toBe('connecting');
    link.stop();
  });
});
