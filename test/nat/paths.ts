/** What the NAT lab tests ask a person's Murmur: friends, how each is reached, messages. */
import type { LinkPath } from '../../src/messaging/status';
import type { FriendView } from '../../src/messaging/views';
import { befriend, type Person } from '../e2e/harness/person';

export async function startAndBefriend(
  people: Person[],
  pairs: [Person, Person][],
  trackerUrl: string,
) {
  await Promise.all(people.map((p) => p.launch(trackerUrl)));
  for (const p of people) await p.ui('identity.create', { displayName: p.name });
  await befriend(pairs);
}

export async function friendOf(person: Person, other: Person): Promise<FriendView> {
  const them = (await other.ui('identity.get', {}))!;
  const found = (await person.ui('friends.list', {})).find(
    (f) => f.fingerprint === them.fingerprint,
  );
  if (!found) throw new Error(`${person.name} has no friend ${other.name}`);
  return found;
}

/** Waits until `person` has a sync session with `other`; returns how the Friends list says it goes. */
export async function onlineConnection(person: Person, other: Person) {
  const them = (await other.ui('identity.get', {}))!;
  // Online comes first; the way it took is known once the browser has read the link's stats.
  const friends = await person.until(
    'friends.list',
    {},
    (fs) =>
      fs.some(
        (f) =>
          f.fingerprint === them.fingerprint &&
          f.online &&
          (f.connection?.state !== 'online' || f.connection.via !== 'unknown'),
      ),
    `${person.name} has a session with ${other.name}, and knows its path`,
    60_000,
    250,
  );
  return friends.find((f) => f.fingerprint === them.fingerprint)?.connection;
}

/** Waits until `person` has a session with `other`, and returns the way the browser took. */
export async function linkedPath(
  person: Person,
  other: Person,
  timeoutMs = 60_000,
): Promise<LinkPath> {
  const them = (await other.ui('identity.get', {}))!;
  const status = await person.until(
    'status',
    {},
    (s) => {
      if (!s.host.reachable) return false;
      const reach = s.host.status.reach[them.peerId];
      return reach?.state === 'linked' && reach.path !== null;
    },
    `${person.name} linked to ${other.name}`,
    timeoutMs,
    250,
  );
  if (!status.host.reachable) throw new Error('host unreachable');
  const reach = status.host.status.reach[them.peerId];
  if (reach?.state !== 'linked' || !reach.path) throw new Error('not linked');
  return reach.path;
}

/** Sends a direct message and resolves once the friend's store has it. */
export async function exchange(from: Person, to: Person, text: string): Promise<void> {
  const them = (await to.ui('identity.get', {}))!;
  await from.ui('messages.send', { to: them.fingerprint, text });
  await to.waitForText(text, 60_000);
}
