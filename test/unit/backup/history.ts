/** A real history for backup tests: Alice (Dexie over fake-indexeddb) and Bob talk through the core. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { exportPrivateKey } from '../../../src/core/identity/identity';
import { DexieStore } from '../../../src/store/dexie-store';
import { MurmurDatabase } from '../../../src/store/schema';
import {
  befriend,
  connect,
  dm,
  makeNode,
  post,
  whenIdle,
  until,
  type TestNode,
} from '../sync/harness';
import { peerIdFor } from '../peer-ids';

let counter = 0;
export const freshDb = (factory = new IDBFactory()) =>
  new MurmurDatabase(`backup-${++counter}`, { indexedDB: factory, IDBKeyRange });

export interface History {
  alice: TestNode;
  bob: TestNode;
  aliceDb: MurmurDatabase;
}

export const XSS = `<script>alert("x")</script><img src=x onerror="alert(1)"> & 'quotes'`;

export async function makeHistory(): Promise<History> {
  const aliceDb = freshDb();
  const alice = await makeNode('Alice', new DexieStore(aliceDb));
  const bob = await makeNode('Bob');
  befriend(alice, bob);
  await alice.store.putIdentity({
    armoredPrivateKey: await exportPrivateKey(alice.keyring.me),
    displayName: 'Alice',
    createdAt: 1_700_000_000_000,
    protected: false,
  });
  await alice.store.putContact({
    fingerprint: bob.fp,
    publicKey: bob.keyring.me.publicKey.write(),
    displayName: 'Bob',
    peerId: peerIdFor('bob'),
    tracker: 'ws://127.0.0.1:9000/murmur',
    state: 'friend',
    addedAt: 1_700_000_000_000,
    // Every optional field a contact can have travels in the backup too.
    verifiedAt: 1_700_000_100_000,
    inviteSecret: new Uint8Array(16).fill(3),
  });
  connect(alice, bob);
  await whenIdle();
  await bob.node.send(post('Bob posts from the crag'), [alice.fp]);
  await bob.node.send(dm(XSS), [alice.fp]);
  await alice.node.send(dm('Alice answers'), [bob.fp]);
  await alice.node.send(post('Alice on her wall'), [bob.fp]);
  await until(
    async () => alice.inbox.length === 2 && bob.inbox.length === 2,
    'both inboxes filled',
  );
  return { alice, bob, aliceDb };
}
