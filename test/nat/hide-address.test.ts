/**
 * "Hide my address from friends" (Options › Network): every channel goes through the relay,
 * and the friend's browser never gets a candidate with the user's own address.
 */
import { describe, expect, it } from 'vitest';
import { labScene } from './lab-scene';
import { exchange, linkedPath, startAndBefriend } from './paths';

describe('hide my address', () => {
  const scene = labScene([
    { name: 'gus-home', kind: 'ordinary' },
    { name: 'hal-home', kind: 'ordinary' },
  ]);

  it('the friend sees only relay candidates, though a direct path exists', async () => {
    const { tracker, person } = await scene.start({ turn: true });
    const gus = person('gus', 'chromium', 'gus-home');
    const hal = person('hal', 'firefox', 'hal-home');
    await startAndBefriend([gus, hal], [], tracker.url);
    // Gus switches it on in Options › Network before he has any friend.
    const options = await gus.browser!.openExtensionPage('options.html');
    await options.waitFor(() => !!document.querySelector('#hide-address'), null);
    expect(await options.textOf('label:has(#hide-address)')).toContain('Hide my address');
    await options.click('#hide-address');
    await options.click('form:has(#trackers) button[type=submit]');
    await options.waitFor(
      () => document.querySelector('form:has(#trackers) [role=status]')?.textContent,
      null,
    );
    await options.close();
    expect((await gus.ui('settings.network.get', {})).hideAddress).toBe(true);

    const cardGus = (await gus.ui('identity.get', {}))!.card;
    const cardHal = (await hal.ui('identity.get', {}))!.card;
    await gus.ui('friends.add', { card: cardHal });
    await hal.ui('friends.add', { card: cardGus });
    const halSees = await linkedPath(hal, gus, 90_000);
    expect(halSees.via).toBe('relay');
    expect(halSees.remote).toBe('relay');
    expect(halSees.remoteTypes).toEqual(['relay']);
    expect((await linkedPath(gus, hal)).local).toBe('relay');
    await exchange(gus, hal, 'You cannot see where I am');
  });
});
