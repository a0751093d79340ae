/**
 * A friend's sync session after its handshake, fed frames as a hostile friend could send them:
 * damaged copies of the frames a real friend sent in a real exchange (an offer, the envelope,
 * receipts), and random bytes behind a valid version byte. Alice's node must close that session
 * with a typed error or go on; an untyped failure inside it is reported by the session
 * (`console.error`, counted as a crash by the fuzz run), and nothing may throw out of it.
 */
import { createIdentity } from '../../src/core/identity/identity';
import { Keyring } from '../../src/core/keyring';
import { MurmurNode } from '../../src/core/node/node';
import { MemoryStore } from '../../src/core/state/memory-store';
import type { Channel } from '../../src/core/sync/channel';
import { channelPair, newTraffic } from '../../src/core/sync/memory-channel';
import { newMessageId } from '../../src/core/messages/message-id';
import { mutate, randomBytes } from './inputs';
import { hex, type FuzzTarget } from './target';

/** Waits (bounded) until no frame is on its way or being handled. */
async function quiet(traffic: { inFlight: number }, activity: { pending: number }) {
  for (let i = 0; i < 2000 && (traffic.inFlight > 0 || activity.pending > 0); i++)
    await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

export async function sessionTarget(): Promise<FuzzTarget<Uint8Array>> {
  const traffic = newTraffic();
  const activity = { pending: 0 };
  const node = async (name: string) => {
    const keyring = new Keyring(await createIdentity(name));
    const fast = { framesPerSecond: 1e9, frameBurst: 1e9, bytesPerSecond: 1e12, byteBurst: 1e12 };
    return {
      keyring,
      node: new MurmurNode({ keyring, store: new MemoryStore(), activity, rateLimits: fast }),
    };
  };
  const [alice, bob] = [await node('Alice'), await node('Bob')];
  alice.keyring.addFriend(bob.keyring.me.publicKey);
  bob.keyring.addFriend(alice.keyring.me.publicKey);
  const bobSeesAlice = bob.keyring.friend(alice.keyring.me.fingerprintHex);
  if (!bobSeesAlice) throw new Error('Bob has Alice as a friend');

  let bobsEnd: Channel | null = null;
  let open = false;
  const seeds: Uint8Array[] = [];
  const connect = async (record: boolean) => {
    const [aliceEnd, bobEnd] = channelPair(traffic);
    if (record) {
      const send = bobEnd.send.bind(bobEnd);
      bobEnd.send = (frame) => {
        seeds.push(frame.slice());
        send(frame);
      };
    }
    open = true;
    aliceEnd.onClose(() => (open = false));
    alice.node.answer(aliceEnd);
    bob.node.call(bobEnd, bobSeesAlice);
    bobsEnd = bobEnd;
    await quiet(traffic, activity);
  };
  // A real exchange first: Bob has a message for Alice; what he sends her are the seeds.
  await bob.node.send(
    { kind: 'direct', id: newMessageId(), createdAt: Date.now(), text: 'hello' },
    [alice.keyring.me.fingerprintHex],
  );
  await connect(true);
  if (seeds.length < 3) throw new Error(`a real exchange sent only ${seeds.length} frames`);

  return {
    name: 'sync session frames',
    weight: 0.5,
    input: (r) =>
      r.int(4) === 0 ? Uint8Array.from([1, ...randomBytes(r, 300)]) : mutate(r, r.pick(seeds)),
    handle: async (frame) => {
      if (!open || !bobsEnd) await connect(false);
      bobsEnd?.send(frame);
      await quiet(traffic, activity);
    },
    typed: () => false,
    show: hex,
  };
}
