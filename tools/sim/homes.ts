/**
 * Murmur homes in the simulated world (issue 32): a share of the people run an always-on home
 * with a key of its own. It knows its owner and the owner's friends; they know it from the
 * owner's profile. Homes are added to a built world for one run and taken away after it, so
 * runs with different shares share one world.
 */
import { createIdentity } from '../../src/core/identity/identity';
import { Keyring } from '../../src/core/keyring';
import { at } from '../at';
import { Random } from './random';
import type { World } from './world';

export interface Homes {
  /** Percent of people with a home. */
  percent: number;
  /** Each home's owner (a person's index) and keyring. */
  list: { owner: number; keyring: Keyring }[];
}

/** Which people have a home: the same people for the same seed, more for a larger share. */
function owners(people: number, percent: number, seed: number): number[] {
  const random = new Random(seed ^ 0x686f6d65);
  const order = Array.from({ length: people }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [at(order, j), at(order, i)];
  }
  return order.slice(0, Math.round((people * percent) / 100)).sort((a, b) => a - b);
}

export async function addHomes(world: World, percent: number, seed: number): Promise<Homes> {
  const list = await Promise.all(
    owners(world.keyrings.length, percent, seed).map(async (owner) => ({
      owner,
      keyring: new Keyring(await createIdentity(`home of p${owner}`)),
    })),
  );
  for (const { owner, keyring } of list) {
    const homeOf = at(world.keyrings, owner).me.fingerprintHex;
    const people = [owner, ...at(world.friends, owner)].map((i) => at(world.keyrings, i));
    await Promise.all(
      people.map(async (person) => {
        await keyring.addFriendAsync(person.me.publicKey);
        await person.addFriendAsync(keyring.me.publicKey, { homeOf });
      }),
    );
  }
  return { percent, list };
}

/** The world as it was: nobody knows the homes any more. */
export function removeHomes(world: World, homes: Homes): void {
  for (const { owner, keyring } of homes.list)
    for (const i of [owner, ...at(world.friends, owner)])
      at(world.keyrings, i).removeFriend(keyring.me.fingerprintHex);
}

/** The homes a person talks to when online: their own and their friends'. */
export function homesOf(world: World, homes: Homes): Map<number, number[]> {
  const byPerson = new Map<number, number[]>();
  homes.list.forEach(({ owner }, k) => {
    for (const i of [owner, ...at(world.friends, owner)]) {
      const list = byPerson.get(i) ?? [];
      list.push(k);
      byPerson.set(i, list);
    }
  });
  return byPerson;
}
