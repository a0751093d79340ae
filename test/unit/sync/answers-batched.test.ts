/**
 * A browser catching up on a burst of messages answers them together: the acks and receipts
 * for envelopes that arrived while others were still being stored share frames, so the friend
 * (or home) handing them over makes one commit per frame, not one per message.
 */
import { expect, it } from 'vitest';
import { decodeFrame, type Frame } from '../../../src/core/sync/frames';
import { channelPair } from '../../../src/core/sync/memory-channel';
import { befriend, dm, makeNode, whenIdle, world } from './harness';

const MESSAGES = 40;

it('answers a burst of envelopes in a few frames, every message acknowledged and receipted', async () => {
  const [alice, george] = await Promise.all([makeNode('Alice'), makeNode('George')]);
  befriend(alice, george);
  const sent = [];
  for (let i = 0; i < MESSAGES; i++)
    sent.push((await alice.node.send(dm(`waiting ${i}`), [george.fp])).id);

  // George comes online; what he sends back is recorded frame by frame.
  const [toGeorge, toAlice] = channelPair(world.traffic);
  const fromGeorge: Frame[] = [];
  const send = toAlice.send.bind(toAlice);
  toAlice.send = (bytes) => {
    fromGeorge.push(decodeFrame(bytes));
    send(bytes);
  };
  george.node.answer(toAlice);
  alice.node.call(toGeorge, alice.keyring.friend(george.fp)!);
  await whenIdle();

  expect(george.inbox).toHaveLength(MESSAGES);
  for (const id of sent) expect((await alice.node.status(id))?.state).toBe('delivered');
  const of = <T extends Frame['type']>(type: T) =>
    fromGeorge.filter((f): f is Extract<Frame, { type: T }> => f.type === type);
  expect(of('ack').flatMap((f) => f.ids)).toHaveLength(MESSAGES);
  expect(of('receipts').flatMap((f) => f.entries)).toHaveLength(MESSAGES);
  // Unbatched, each would be one frame per message.
  expect(of('ack').length).toBeLessThanOrEqual(MESSAGES / 4);
  expect(of('receipts').length).toBeLessThanOrEqual(MESSAGES / 4);
});
