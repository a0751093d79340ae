/**
 * Kill a node between any two steps of a sync: for each of Alice, Paul and George, and for
 * every store write a clean run makes, the node dies at that write and is restarted over what
 * it had persisted. The run must still end with George holding Alice's message exactly once,
 * Paul's copy cleared by the receipt, and Alice seeing "delivered".
 */
import { describe, expect, it } from 'vitest';
import { createIdentity } from '../../../src/core/identity/identity';
import { Keyring } from '../../../src/core/keyring';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { NodeStore } from '../../../src/core/state/store-port';
import { DexieStore } from '../../../src/store/dexie-store';
import { MurmurDatabase } from '../../../src/store/schema';
import { crashingStore } from './crashing-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../home/sqlite-store';
import { openHomeDatabase } from '../../../home/sqlite-database';
import { befriend, connect, dm, makeNode, whenIdle, type TestNode } from './harness';
import type { Session } from '../../../src/core/sync/session';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

type Name = 'alice' | 'paul' | 'george';

async function keyrings() {
  const ids = await Promise.all(['Alice', 'Paul', 'George'].map((n) => createIdentity(n)));
  return ids.map((id) => new Keyring(id)) as [Keyring, Keyring, Keyring];
}

async function waitFor(
  check: () => Promise<boolean>,
  isDead: () => boolean,
  ms = 3000,
): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (isDead()) return false;
    try {
      if (await check()) return true;
    } catch {
      return false;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`stuck without a crash: ${check.toString().slice(0, 120)}`);
}

type StoreKind = 'memory' | 'dexie' | 'sqlite';

/** A persistent store and a way to reopen it, as a restarted browser would. */
function persistent(kind: StoreKind): { current: NodeStore; reopen(): void } {
  if (kind === 'memory') {
    const store = new MemoryStore();
    return { current: store, reopen: () => undefined };
  }
  if (kind === 'sqlite') {
    // The same file opened again, as a restarted home would (the old handle dies with it).
    const path = join(mkdtempSync(join(tmpdir(), 'murmur-crash-')), 'home.db');
    const open = () => new SqliteStore(openHomeDatabase(path));
    const handle = { current: open() as NodeStore, reopen: () => void (handle.current = open()) };
    return handle;
  }
  const factory = new IDBFactory();
  const open = () =>
    new DexieStore(new MurmurDatabase('crash', { indexedDB: factory, IDBKeyRange }));
  const handle = { current: open() as NodeStore, reopen: () => void (handle.current = open()) };
  return handle;
}

/** Runs the scenario; `victim` dies at its `crashAt`-th write (0: never). Returns writes made. */
async function scenario(
  rings: [Keyring, Keyring, Keyring],
  victim: Name,
  crashAt: number,
  kind: StoreKind,
) {
  const handles = { alice: persistent(kind), paul: persistent(kind), george: persistent(kind) };
  const inner = new Proxy({} as Record<Name, NodeStore>, {
    get: (_t, name) => handles[name as Name].current,
  });
  const ringOf: Record<Name, Keyring> = { alice: rings[0], paul: rings[1], george: rings[2] };
  let crash = crashingStore(inner[victim], crashAt);
  const nodes = {} as Record<Name, TestNode>;
  const build = async (name: Name) =>
    (nodes[name] = await makeNode(name, name === victim ? crash.store : inner[name], ringOf[name]));
  for (const n of ['alice', 'paul', 'george'] as Name[]) await build(n);
  let restarts = 0;
  const sessions: Session[] = [];
  const link = (a: Name, b: Name) => sessions.push(...connect(nodes[a], nodes[b]));
  const dropLinks = () => sessions.splice(0).forEach((s) => s.close());
  const revive = async () => {
    dropLinks();
    restarts++;
    // The restarted node reopens the same persisted state; the store no longer fails.
    handles[victim].reopen();
    crash = crashingStore(inner[victim], 0);
    await build(victim);
  };
  /** Runs one step until its goal holds, restarting the victim if it dies on the way. */
  const step = async (links: [Name, Name][], goal: () => Promise<boolean>) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const [a, b] of links) link(a, b);
      if (await waitFor(goal, crash.dead)) {
        // What trails the goal (acknowledgements, sent once a burst is handled) lands before
        // the links drop: the writes a run makes, and so every `k`, do not depend on timing.
        await whenIdle();
        return dropLinks();
      }
      await revive();
    }
    throw new Error(`step never completed (${restarts} restarts)`);
  };

  let sentId = '' as EnvelopeId;
  // 1. Alice writes to George (offline) while connected to Paul; Paul takes a copy.
  await step([['alice', 'paul']], async () => {
    if (!sentId)
      sentId = (await nodes.alice.node.send(dm('survives crashes'), [nodes.george.fp])).id;
    return (
      Boolean(await inner.paul.getRelayCopy(sentId)) &&
      (await inner.alice.getOutbox(sentId))!.heldBy.length > 0
    );
  });
  // 2. George meets Paul and gets it.
  await step(
    [['george', 'paul']],
    async () =>
      Boolean(await inner.george.getMessage(sentId)) && !(await inner.paul.getRelayCopy(sentId)),
  );
  // 3. Alice meets Paul and learns it was delivered.
  await step(
    [['alice', 'paul']],
    async () => (await nodes.alice.node.status(sentId))?.state === 'delivered',
  );

  // A death in the writes that trailed the last goal must not hurt either.
  if (crash.dead()) {
    await revive();
    await step(
      [
        ['alice', 'paul'],
        ['george', 'paul'],
      ],
      async () => (await nodes.alice.node.status(sentId))?.state === 'delivered',
    );
  }

  const georgeMessages = (await inner.george.listMessages()).filter(
    (m) => m.authorFingerprint === nodes.alice.fp,
  );
  return {
    writes: crash.writes(),
    restarts,
    sentId,
    georgeMessages,
    paulCopies: await inner.paul.listRelayCopies(),
    aliceMessages: await inner.alice.listMessages(),
  };
}

describe.each(['memory', 'dexie', 'sqlite'] as StoreKind[])(
  'crash and restart at every step of a sync (%s store)',
  (kind) => {
    for (const victim of ['alice', 'paul', 'george'] as Name[]) {
      it(`${victim}: killed at any write, nothing is lost and nothing shows twice`, async () => {
        const rings = await keyrings();
        befriendAll(rings);
        const clean = await scenario(rings, victim, 0, kind);
        expect(clean.restarts).toBe(0);
        const total = clean.writes;
        expect(total).toBeGreaterThanOrEqual(2);
        for (let k = 1; k <= total; k++) {
          const run = await scenario(rings, victim, k, kind).catch((e: unknown) => {
            throw new Error(`crash at write ${k} of ${total}: ${String(e)}`);
          });
          expect(run.restarts, `crash at write ${k}`).toBeGreaterThanOrEqual(1);
          expect(
            run.georgeMessages.map((m) => m.id),
            `crash at write ${k}`,
          ).toHaveLength(1);
          expect(run.paulCopies, `crash at write ${k}`).toEqual([]);
          expect(
            run.aliceMessages.filter((m) => m.kind === 'direct'),
            `crash at write ${k}`,
          ).toHaveLength(1);
        }
      }, 120_000);
    }
  },
);

function befriendAll([a, p, g]: [Keyring, Keyring, Keyring]) {
  const pairs: [Keyring, Keyring][] = [
    [a, p],
    [p, g],
    [a, g],
  ];
  for (const [x, y] of pairs) {
    x.addFriend(y.me.publicKey);
    y.addFriend(x.me.publicKey);
  }
  void befriend;
}
