/** Nodes with real identities and stores, connected over in-memory channels. */
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import type { DirectMessage, PostMessage } from '../../../src/core/messages/kinds';
import { MurmurNode, type NodeOptions } from '../../../src/core/node/node';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { NodeStore } from '../../../src/core/state/store-port';
import { channelPair, newTraffic } from '../../../src/core/sync/memory-channel';
import type { Opened } from '../../../src/core/envelope/open';
import type { SessionError } from '../../../src/core/sync/session-error';
import type { Session } from '../../../src/core/sync/session';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import { newMessageId } from '../../../src/core/messages/message-id';

export interface TestNode {
  name: string;
  node: MurmurNode;
  store: NodeStore;
  keyring: Keyring;
  fp: Fingerprint;
  inbox: Opened[];
  errors: (SessionError | null)[];
}

export const clock = { now: Date.UTC(2026, 10, 24, 12) };

/**
 * What every node and channel of a test is doing: frames on their way (`traffic`) and frames
 * being handled (`activity`), so a test can wait until the nodes are idle instead of counting
 * turns. Channels made in a test join it with `channelPair(world.traffic)`.
 */
export const world = { traffic: newTraffic(), activity: { pending: 0 } };

export async function makeNode(
  name: string,
  store: NodeStore = new MemoryStore(),
  keyring?: Keyring,
  options: Pick<NodeOptions, 'bodyLimits' | 'handshakeDeadlineMs' | 'homeOf'> = {},
): Promise<TestNode> {
  const ring = keyring ?? new Keyring(await createIdentity(name));
  const inbox: Opened[] = [];
  const errors: (SessionError | null)[] = [];
  const node = new MurmurNode({
    keyring: ring,
    store,
    now: () => clock.now,
    events: { message: (o) => inbox.push(o) },
    onSessionClosed: (_peer, error) => errors.push(error),
    activity: world.activity,
    ...options,
  });
  return { name, node, store, keyring: ring, fp: ring.me.fingerprintHex, inbox, errors };
}

/** Rebuilds a node over the same store and keys, as after a browser restart. */
export const restart = (n: TestNode) => makeNode(n.name, n.store, n.keyring);

export function befriend(a: TestNode, b: TestNode): void {
  a.keyring.addFriend(b.keyring.me.publicKey);
  b.keyring.addFriend(a.keyring.me.publicKey);
}

export function connect(a: TestNode, b: TestNode): [Session, Session] {
  const [ca, cb] = channelPair(world.traffic);
  const answering = b.node.answer(cb);
  const calling = a.node.call(ca, a.keyring.friend(b.fp)!);
  return [calling, answering];
}

/**
 * Alice and her friends Paul, George and Carol, at noon on the test day; Paul and George are
 * friends too, and Alice and Paul are connected: Paul carries what Alice sends to the others.
 */
export async function aliceWithRelayPaul() {
  clock.now = Date.UTC(2026, 10, 24, 12);
  const [alice, paul, george, carol] = (await Promise.all(
    ['Alice', 'Paul', 'George', 'Carol'].map((n) => makeNode(n)),
  )) as [TestNode, TestNode, TestNode, TestNode];
  for (const friend of [paul, george, carol]) befriend(alice, friend);
  befriend(paul, george);
  connect(alice, paul);
  return { alice, paul, george, carol };
}

/** One turn of the event loop. */
export const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Makes the store's knownIds answer as IndexedDB's reads do: with what was stored when the read
 * began, a few event-loop turns later (so other sessions run in between).
 */
export function slowReads(store: NodeStore, turns = 5): void {
  const knownIds = store.knownIds.bind(store);
  store.knownIds = async (ids) => {
    const known = await knownIds(ids);
    for (let i = 0; i < turns; i++) await tick();
    return known;
  };
}

/**
 * Resolves when the nodes are idle: no frame on its way, none being handled (with its crypto
 * and store writes), and none sent during two whole turns of the event loop. A network that
 * never quiets fails the test instead of hanging it.
 */
export async function whenIdle(maxTurns = 100_000): Promise<void> {
  let framesSeen = -1;
  let quietTurns = 0;
  for (let turn = 0; turn < maxTurns; turn++) {
    await tick();
    const { traffic, activity } = world;
    const quiet = traffic.inFlight === 0 && activity.pending === 0 && traffic.frames === framesSeen;
    framesSeen = traffic.frames;
    quietTurns = quiet ? quietTurns + 1 : 0;
    if (quietTurns >= 2) return;
  }
  throw new Error(`the nodes were still busy after ${maxTurns} turns`);
}

/** Polls until the condition holds; gives up after `timeoutMs` of wall time. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`never happened in ${timeoutMs} ms: ${what}`);
}

export const dm = (text: string): DirectMessage => ({
  kind: 'direct',
  id: newMessageId(),
  createdAt: clock.now,
  text,
});
export const post = (text: string): PostMessage => ({
  kind: 'post',
  id: newMessageId(),
  createdAt: clock.now,
  text,
  thumbnails: [],
  audience: { kind: 'all-friends' },
  mirroredFrom: null,
});
