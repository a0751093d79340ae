/**
 * "No friends in common" only when Murmur can know it. It learns a friend's friends from the
 * list that friend chose to share (off by default): a request from Dan, whom Ann and Ben both
 * know, said "No friends in common" while neither shared. Now it says who is known, and when
 * it cannot tell, that it cannot and why.
 */
import { describe, expect, it } from 'vitest';
import { inCommonWithFriend, inCommonWithStranger } from '../../../src/app/friends-in-common';
import { applyFriendList } from '../../../src/app/friends-of-friends';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { ContactRecord } from '../../../src/core/state/records';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { Opened } from '../../../src/core/envelope/open';
import { fromHex } from '../../../src/core/bytes';
import { peerIdFor } from '../peer-ids';

const fp = (c: string) => c.repeat(40) as Fingerprint;
const [ANN, BEN, DAN, HOME, ME] = [fp('a'), fp('b'), fp('d'), fp('e'), fp('f')];

function person(fingerprint: Fingerprint, name: string, extra: Partial<ContactRecord> = {}) {
  const record: ContactRecord = {
    fingerprint,
    publicKey: new Uint8Array(),
    displayName: name,
    peerId: peerIdFor(name.toLowerCase()),
    tracker: 'ws://127.0.0.1:9000/murmur',
    state: 'friend',
    addedAt: 0,
    ...extra,
  };
  return record;
}
const knowsDan = { friendList: [{ fingerprint: DAN, name: 'Dan' }] };
const knowsNobodyElse = { friendList: [{ fingerprint: ME, name: 'Me' }] };
const myHome = person(HOME, 'My home', { homeOf: ME });

describe('friends in common with someone who asks', () => {
  it('cannot tell while none of the user’s friends shares a list', () => {
    expect(inCommonWithStranger([person(ANN, 'Ann'), person(BEN, 'Ben'), myHome], DAN)).toEqual({
      kind: 'cannot-tell',
      because: 'friends-do-not-share',
    });
  });

  it('names who is known, and says there may be others while some share nothing', () => {
    const contacts = [person(ANN, 'Ann', knowsDan), person(BEN, 'Ben'), myHome];
    expect(inCommonWithStranger(contacts, DAN)).toEqual({ kind: 'some-known', names: ['Ann'] });
    const noneKnown = [person(ANN, 'Ann', knowsNobodyElse), person(BEN, 'Ben')];
    expect(inCommonWithStranger(noneKnown, DAN)).toEqual({ kind: 'some-known', names: [] });
  });

  it('says "none" only when every friend shares (a home shares nothing and does not count)', () => {
    const contacts = [person(ANN, 'Ann', knowsNobodyElse), person(BEN, 'Ben', knowsDan), myHome];
    expect(inCommonWithStranger(contacts, DAN)).toEqual({ kind: 'all-known', names: ['Ben'] });
    expect(inCommonWithStranger([person(ANN, 'Ann', knowsNobodyElse)], DAN)).toEqual({
      kind: 'all-known',
      names: [],
    });
    // No friends at all: nobody in common, surely.
    expect(inCommonWithStranger([myHome], DAN)).toEqual({ kind: 'all-known', names: [] });
  });
});

describe('friends in common with a friend', () => {
  it('cannot tell when the friend shares no list, or withdrew it', async () => {
    const store = new MemoryStore();
    const ann = person(ANN, 'Ann', {
      friendList: [
        { fingerprint: BEN, name: 'Ben' },
        { fingerprint: ME, name: 'Me' },
      ],
      friendListUpdatedAt: 1,
    });
    await store.putContact(ann);
    await store.putContact(person(BEN, 'Ben'));
    const contacts = async () =>
      new Map((await store.listContacts()).map((c) => [c.fingerprint, c]));
    const annNow = async () => (await store.getContact(ANN)) ?? ann;
    expect(inCommonWithFriend(await annNow(), await contacts())).toEqual({
      kind: 'all-known',
      names: ['Ben'],
    });
    // Ann turns sharing off: her empty list withdraws the old one.
    const withdrawal = {
      message: { kind: 'friend-list', updatedAt: 2, friends: [] },
      friend: { fingerprintHex: ANN },
      senderFingerprintHex: ANN,
    } as unknown as Opened;
    await applyFriendList(store, withdrawal);
    expect(inCommonWithFriend(await annNow(), await contacts())).toEqual({
      kind: 'cannot-tell',
      because: 'they-do-not-share',
    });
    // She shares again: known again.
    const again = {
      ...withdrawal,
      message: {
        kind: 'friend-list',
        updatedAt: 3,
        friends: [{ fingerprint: fromHex(BEN), name: 'Ben' }],
      },
    } as unknown as Opened;
    await applyFriendList(store, again);
    expect(inCommonWithFriend(await annNow(), await contacts())).toEqual({
      kind: 'all-known',
      names: ['Ben'],
    });
  });
});
