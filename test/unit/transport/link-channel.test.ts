/**
 * A session ends by sending its last answers (receipts, acks) and a BYE, then closing its
 * channel. Each send is a request to the network host, answered some time later; the close
 * must reach the host after them, or the host closes the data channel with the answers unsent
 * and the friend waits for receipts until the next session.
 */
import { describe, expect, it } from 'vitest';
import { LinkChannel } from '../../../src/transport/link-channel';
import type { Client } from '../../../src/messaging/client';
import type { HostRequests } from '../../../src/messaging/host-requests';

/** A host that answers each request after a few turns of the event loop, in arrival order. */
function slowHost(): { host: Client<HostRequests>; seen: string[] } {
  const seen: string[] = [];
  const host = {
    async request(type: string, payload: unknown) {
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      const frame = (payload as { frame?: string }).frame;
      seen.push(frame ? `${type} ${frame}` : type);
      return { ok: true };
    },
  } as unknown as Client<HostRequests>;
  return { host, seen };
}

describe('a link channel that closes', () => {
  it('hands the host every frame sent before it, then the close', async () => {
    const { host, seen } = slowHost();
    const channel = new LinkChannel('l1-abc', 'peer', new Uint8Array(32), host);
    let closedHeard = false;
    channel.onClose(() => (closedHeard = true));
    channel.send(new Uint8Array([1]));
    channel.send(new Uint8Array([2]));
    channel.close();
    channel.send(new Uint8Array([3])); // after the close: never sent
    expect(closedHeard).toBe(true);
    for (let i = 0; i < 50 && !seen.includes('host.link.close'); i++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['host.link.send AQ', 'host.link.send Ag', 'host.link.close']);
  });
});
