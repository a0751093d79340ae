/**
 * Pairing a Murmur home with its owner (issue 32, point 2; PROTOCOL.md §15), through the app's
 * front door on both sides: the home's link is single-use, the home never becomes a
 * recipient of anything, and a request that does not prove the open secret pairs nobody.
 */
import { expect, it } from 'vitest';
import { homeOwner } from '../../../src/app/home-owner';
import { dial, host } from './headless-hosts';

async function started() {
  const home = host('home', 'home');
  const ann = host('ann');
  await home.murmur.ask('identity.create', { displayName: 'Ann’s home' });
  const annView = await ann.murmur.ask('identity.create', { displayName: 'Ann' });
  return { home, ann, annFingerprint: annView.fingerprint };
}

it('pairs the home with the owner who proves its link, once; then it serves her', async () => {
  const { home, ann, annFingerprint } = await started();
  const link = await home.murmur.asHome.pairingLink();
  expect(link?.link).toMatch(/^murmur-pair:/);

  const asked = await ann.murmur.ask('home.pair', { link: link?.link ?? '' });
  expect(asked).toMatchObject({ displayName: 'Ann’s home', state: 'pairing' });
  // The home is no friend of Ann's in any list a page shows, and gets none of her posts.
  expect(await ann.murmur.ask('friends.list', {})).toEqual([]);

  const paired = home.next('friends');
  await dial(ann, home).closed; // her request, handed over
  await paired;
  expect(await homeOwner(home.settings)).toBe(annFingerprint);
  expect(await home.murmur.asHome.pairingLink()).toBeNull();

  const confirmed = ann.next('friends');
  const session = dial(ann, home);
  await confirmed;
  expect(await ann.murmur.ask('home.get', {})).toMatchObject({ state: 'paired', linked: true });
  session.close();

  // Nothing Ann sends is sealed to her home: with no other friend, a post has nobody to go to.
  await expect(ann.murmur.ask('posts.publish', { text: 'hi' })).rejects.toMatchObject({
    code: 'no-recipients',
  });
});

it('pairs nobody on a spent, wrong or foreign link, and a plain card is refused', async () => {
  const { home, ann } = await started();
  const link = (await home.murmur.asHome.pairingLink())?.link ?? '';
  const ben = host('ben');
  await ben.murmur.ask('identity.create', { displayName: 'Ben' });

  // Ben has the link too, but Ann uses it first.
  await ann.murmur.ask('home.pair', { link });
  await ben.murmur.ask('home.pair', { link });
  const paired = home.next('friends');
  await dial(ann, home).closed;
  await paired;
  await dial(ben, home).closed; // Ben's request is handed over, and pairs nothing
  const ownerAfterBen = await homeOwner(home.settings);
  expect(ownerAfterBen).toBe((await ann.murmur.ask('identity.get', {}))?.fingerprint);
  expect(await home.murmur.ask('requests.list', {})).toEqual([]);

  // A card without a pairing secret is not a pairing link.
  const carl = host('carl');
  const carlView = await carl.murmur.ask('identity.create', { displayName: 'Carl' });
  await expect(ben.murmur.ask('home.pair', { link: carlView.cardLink })).rejects.toMatchObject({
    code: expect.stringMatching(/home-paired|home-link/),
  });
  const dora = host('dora');
  await dora.murmur.ask('identity.create', { displayName: 'Dora' });
  await expect(dora.murmur.ask('home.pair', { link: carlView.cardLink })).rejects.toMatchObject({
    code: 'home-link',
  });
});

it('unpairing forgets the home: nothing goes to it any more', async () => {
  const { home, ann } = await started();
  const link = (await home.murmur.asHome.pairingLink())?.link ?? '';
  await ann.murmur.ask('home.pair', { link });
  // Never linked: nothing to tell it, and it is forgotten all the same.
  expect(await ann.murmur.ask('home.unpair', {})).toEqual({ homeForgotUs: false });
  expect(await ann.murmur.ask('home.get', {})).toBeNull();
  expect((await ann.murmur.networkConfig()).friends).toEqual([]);
});

it('pairs nobody once the link has expired', async () => {
  const { home, ann } = await started();
  const link = (await home.murmur.asHome.pairingLink())?.link ?? '';
  const stored = (await home.settings.get('home.pairing'))['home.pairing'] as object;
  await home.settings.set({ 'home.pairing': { ...stored, expiresAt: Date.now() - 1 } });
  await ann.murmur.ask('home.pair', { link });
  await dial(ann, home).closed;
  expect(await homeOwner(home.settings)).toBeNull();
  expect(await home.murmur.ask('friends.list', {})).toEqual([]);
  // A fresh link is made for the next try.
  expect((await home.murmur.asHome.pairingLink())?.link).not.toBe(link);
});
