/**
 * The simulated world: people with real OpenPGP identities and keyrings, who is friends with
 * whom, when each is online, and what each will send when.
 */
import { createIdentity } from '../../src/core/identity/identity';
import { Keyring } from '../../src/core/keyring';
import type { SimConfig } from './config';
import { smallWorld } from './graph';
import { Random } from './random';
import { onlineIntervals, pickHabit, type Interval } from './schedule';
import { at } from '../at';

export interface PlannedMessage {
  index: number;
  sender: number;
  kind: 'direct' | 'post';
  recipients: number[];
  /** Seconds from the start. */
  at: number;
}

export interface World {
  keyrings: Keyring[];
  friends: Set<number>[];
  online: Interval[][];
  plan: PlannedMessage[];
}

export async function buildWorld(config: SimConfig): Promise<World> {
  const random = new Random(config.seed);
  const friends = smallWorld(config.nodes, config.averageFriends, config.rewire, random);
  const online = Array.from({ length: config.nodes }, () =>
    onlineIntervals(pickHabit(random), config.days, random),
  );
  const identities = await Promise.all(
    Array.from({ length: config.nodes }, (_, i) => createIdentity(`p${i}`)),
  );
  const keyrings = identities.map((id) => new Keyring(id));
  for (const [i, set] of friends.entries())
    await Promise.all(
      [...set].map((j) => at(keyrings, i).addFriendAsync(at(identities, j).publicKey)),
    );

  // People write while they are online: each message at a random moment of a random session.
  const plan: PlannedMessage[] = [];
  for (let sender = 0; sender < config.nodes; sender++) {
    const sessions = at(online, sender);
    const myFriends = [...at(friends, sender)];
    if (sessions.length === 0 || myFriends.length === 0) continue;
    const directs = random.poisson(config.directPerDay * config.days);
    const posts = random.poisson(config.postsPerDay * config.days);
    for (let k = 0; k < directs + posts; k++) {
      const session = random.pick(sessions);
      const at = Math.floor(random.between(session.start, session.end - 1));
      const kind = k < directs ? 'direct' : 'post';
      plan.push({
        index: 0,
        sender,
        kind,
        recipients: kind === 'direct' ? [random.pick(myFriends)] : myFriends,
        at,
      });
    }
  }
  plan.sort((a, b) => a.at - b.at || a.sender - b.sender);
  plan.forEach((m, i) => (m.index = i));
  return { keyrings, friends, online, plan };
}
