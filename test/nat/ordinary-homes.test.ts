/**
 * Two ordinary home routers (endpoint-independent mapping): the browsers find each other's
 * public addresses through the tracker's STUN server and talk directly, not through the relay.
 */
import { describe, expect, it } from 'vitest';
import { labScene } from './lab-scene';
import { exchange, linkedPath, onlineConnection, startAndBefriend } from './paths';

describe('two ordinary homes', () => {
  const scene = labScene([
    { name: 'ann-home', kind: 'ordinary' },
    { name: 'ben-home', kind: 'ordinary' },
  ]);

  it('connect through server-reflexive candidates, not the relay, and exchange messages', async () => {
    const { tracker, person } = await scene.start({ turn: true });
    const ann = person('ann', 'chromium', 'ann-home');
    const ben = person('ben', 'chromium', 'ben-home');
    await startAndBefriend([ann, ben], [[ann, ben]], tracker.url);
    const path = await linkedPath(ann, ben);
    console.log('PATH', JSON.stringify(path));
    expect(path.via).toBe('direct');
    expect(['srflx', 'prflx']).toContain(path.local);
    expect(['srflx', 'prflx']).toContain(path.remote);
    expect(await onlineConnection(ann, ben)).toEqual({ state: 'online', via: 'direct' });
    await exchange(ann, ben, 'Across two routers, directly');
    await exchange(ben, ann, 'And back');
  });
});
