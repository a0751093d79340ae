import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConfigError, parseTrackerConfig } from '../../../signaling-server/config';
import { startTracker, type TrackerEvent } from '../../../signaling-server/tracker';

describe('tracker configuration', () => {
  it('defaults to 127.0.0.1:9000/murmur; flags beat environment', () => {
    expect(parseTrackerConfig([], {})).toEqual({ host: '127.0.0.1', port: 9000, path: '/murmur' });
    expect(
      parseTrackerConfig(['--port', '7000', '--path=x'], {
        MURMUR_TRACKER_PORT: '8000',
        MURMUR_TRACKER_HOST: '::1',
      }),
    ).toEqual({ host: '::1', port: 7000, path: '/x' });
  });

  it('refuses nonsense with a clear error', () => {
    expect(() => parseTrackerConfig(['--port', 'abc'], {})).toThrow(ConfigError);
    expect(() => parseTrackerConfig(['--bogus'], {})).toThrow(/unknown argument/);
    expect(() => parseTrackerConfig(['--port'], {})).toThrow(/needs a value/);
  });
});

describe('tracker server', () => {
  it('serves health, registers a PeerJS-protocol client, and stops cleanly', async () => {
    const events: TrackerEvent[] = [];
    const tracker = await startTracker({ host: '127.0.0.1', port: 0, path: '/murmur' }, (e) =>
      events.push(e),
    );
    const health = await fetch(`http://127.0.0.1:${tracker.port}/health`);
    expect(await health.json()).toEqual({ ok: true, peers: 0 });

    const socket = new WebSocket(
      `ws://127.0.0.1:${tracker.port}/murmur/peerjs?key=peerjs&id=alice1&token=t0k3n`,
    );
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(String(data)));
      socket.once('error', reject);
    });
    expect(JSON.parse(first)).toEqual({ type: 'OPEN' });
    expect([...tracker.onlinePeers()]).toEqual(['alice1']);

    const closed = new Promise((resolve) => socket.once('close', resolve));
    await tracker.stop();
    await closed;
    expect(events.map((e) => e.event)).toEqual([
      'listening',
      'peer-connected',
      'peer-disconnected',
      'stopped',
    ]);
  });

  it('does not list who is online', async () => {
    const tracker = await startTracker({ host: '127.0.0.1', port: 0, path: '/murmur' });
    const response = await fetch(`http://127.0.0.1:${tracker.port}/murmur/peerjs/peers`);
    expect(response.status).not.toBe(200);
    await tracker.stop();
  });
});
