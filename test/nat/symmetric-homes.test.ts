/**
 * Two homes behind symmetric NATs (a new port for every destination): STUN cannot get them
 * together, the tracker's TURN relay does. Chromium in one home and Firefox in the other.
 */
import { describe, expect, it } from 'vitest';
import { labScene } from './lab-scene';
import { exchange, linkedPath, onlineConnection, startAndBefriend } from './paths';

describe('two symmetric homes, Chromium and Firefox', () => {
  const scene = labScene([
    { name: 'cat-home', kind: 'symmetric' },
    { name: 'dan-home', kind: 'symmetric' },
  ]);

  it('connect only through the TURN relay, and exchange messages', async () => {
    const { tracker, person } = await scene.start({ turn: true });
    const cat = person('cat', 'chromium', 'cat-home');
    const dan = person('dan', 'firefox', 'dan-home');
    await startAndBefriend([cat, dan], [[cat, dan]], tracker.url);
    const path = await linkedPath(cat, dan, 90_000);
    expect(path.via).toBe('relay');
    expect((await linkedPath(dan, cat)).via).toBe('relay');
    expect(await onlineConnection(cat, dan)).toEqual({ state: 'online', via: 'relay' });
    await exchange(cat, dan, 'Through the relay, from Chromium');
    await exchange(dan, cat, 'And back from Firefox');
  });
});
