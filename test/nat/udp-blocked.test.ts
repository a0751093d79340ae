/**
 * A home whose router lets no UDP out (only TCP/TLS): its browser reaches its friend through
 * the tracker's TURN server over TCP, and the Friends list says "through the relay".
 */
import { describe, expect, it } from 'vitest';
import { labScene } from './lab-scene';
import { exchange, linkedPath, onlineConnection, startAndBefriend } from './paths';

describe('a home with UDP blocked', () => {
  const scene = labScene([
    { name: 'eve-home', kind: 'udp-blocked' },
    { name: 'fay-home', kind: 'ordinary' },
  ]);

  it('connects through TURN over TCP', async () => {
    const { tracker, person } = await scene.start({ turn: true });
    const eve = person('eve', 'chromium', 'eve-home');
    const fay = person('fay', 'firefox', 'fay-home');
    await startAndBefriend([eve, fay], [[eve, fay]], tracker.url);
    const path = await linkedPath(eve, fay, 90_000);
    expect(path).toMatchObject({ via: 'relay', local: 'relay', relayProtocol: 'tcp' });
    expect(await onlineConnection(fay, eve)).toEqual({ state: 'online', via: 'relay' });
    await exchange(eve, fay, 'No UDP here, and still we talk');
    await exchange(fay, eve, 'Heard you');
  });
});
