/**
 * Friendships as a small-world graph (Watts–Strogatz): a ring where each person knows their
 * nearest neighbours, with a fraction of ties rewired at random. Clustered like real friend
 * circles, with short paths between any two people.
 */
import type { Random } from './random';
import { at } from '../at';

export function smallWorld(
  nodes: number,
  averageFriends: number,
  rewire: number,
  random: Random,
): Set<number>[] {
  const friends = Array.from({ length: nodes }, () => new Set<number>());
  const link = (a: number, b: number) => {
    at(friends, a).add(b);
    at(friends, b).add(a);
  };
  const half = Math.max(1, Math.floor(averageFriends / 2));
  for (let i = 0; i < nodes; i++)
    for (let j = 1; j <= half; j++) {
      let target = (i + j) % nodes;
      if (random.next() < rewire) {
        // Rewire to someone random who is not already a friend.
        for (let tries = 0; tries < 20; tries++) {
          const candidate = random.int(nodes);
          if (candidate !== i && !at(friends, i).has(candidate)) {
            target = candidate;
            break;
          }
        }
      }
      if (target !== i) link(i, target);
    }
  return friends;
}
