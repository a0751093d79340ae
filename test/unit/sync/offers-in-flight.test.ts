/**
 * Two friends offer the same copy at once: the first offer claims it while the store is asked,
 * and the second must still get an answer when one can be given — "have" for what the node
 * already holds, "not wanted" for a copy with no hops left that is not for it — so the second
 * friend records it and does not offer it again; a copy with hops left is decided by the second
 * once the first has let it go. Only a copy the first session is fetching is left unanswered.
 */
import { expect, it, vi } from 'vitest';
import { offerOfCopy } from '../../../src/core/node/offers';
import { Session } from '../../../src/core/sync/session';
import { aliceWithRelayPaul, befriend, connect, dm, whenIdle, slowReads, until } from './harness';

it('an id claimed by one offer is still answered in another when the answer is known', async () => {
  const { alice, paul, george, carol } = await aliceWithRelayPaul();
  // Hop limit 1: Paul holds copies with no hops left. George also gets the first one straight from
  // Alice, and leaves before the others are sent.
  const forGeorge = await alice.node.send(dm('for George'), [george.fp], { hopLimit: 1 });
  await until(async () => Boolean(await paul.store.getRelayCopy(forGeorge.id)), 'Paul holds it');
  const [toGeorge] = connect(alice, george);
  await until(async () => Boolean(await george.store.getMessage(forGeorge.id)), 'George has it');
  toGeorge.close();
  // With hop limit 2, a copy Paul may pass on.
  const forCarol = await alice.node.send(dm('for Carol'), [carol.fp], { hopLimit: 1 });
  const relayable = await alice.node.send(dm('for Carol, via a relay'), [carol.fp], {
    hopLimit: 2,
  });
  for (const sent of [forCarol, relayable])
    await until(async () => Boolean(await paul.store.getRelayCopy(sent.id)), 'Paul holds it');
  const offers = await Promise.all(
    [forGeorge, forCarol, relayable].map(async (s) =>
      offerOfCopy((await paul.store.getRelayCopy(s.id))!),
    ),
  );
  const fromPaul = george.keyring.friend(paul.fp)!;

  // George's store answers slowly, as IndexedDB does: the first offer holds every id meanwhile.
  slowReads(george.store);
  const [first, second] = await Promise.all([
    george.node.considerOffers(fromPaul, offers),
    george.node.considerOffers(fromPaul, offers),
  ]);
  for (const answer of [first, second]) {
    expect(answer.have).toEqual([offers[0]!.id]);
    expect(answer.decline).toEqual([{ id: offers[1]!.id, reason: 'not-wanted' }]);
  }
  // The relayable copy (hops left) is fetched by the first offer only.
  expect(first.request).toEqual([offers[2]!.id]);
  expect(second.request).toEqual([]);
});

it('a copy with hops left that the first offer declines is decided in the second too', async () => {
  const { alice, paul, george, carol } = await aliceWithRelayPaul();
  const sent = await alice.node.send(dm('for Carol, via a relay'), [carol.fp], { hopLimit: 2 });
  await until(async () => Boolean(await paul.store.getRelayCopy(sent.id)), 'Paul holds it');
  const offer = offerOfCopy((await paul.store.getRelayCopy(sent.id))!);
  // George relays nothing this large, and it is not for him: both offers are declined.
  await george.store.putRelayPolicy({
    ...(await george.store.getRelayPolicy()),
    maxMessageBytes: offer.size - 1,
  });
  slowReads(george.store);
  const fromPaul = george.keyring.friend(paul.fp)!;
  const answers = await Promise.all([
    george.node.considerOffers(fromPaul, [offer]),
    george.node.considerOffers(fromPaul, [offer]),
  ]);
  for (const answer of answers) {
    expect(answer.request).toEqual([]);
    expect(answer.decline).toEqual([{ id: offer.id, reason: 'too-large' }]);
  }
});

it('the friend a body comes from hears its ack only, not "have" for an offer it repeated', async () => {
  const { alice, paul, george, carol } = await aliceWithRelayPaul();
  befriend(paul, carol); // so Paul keeps the copy for her after George has answered
  const sent = await alice.node.send(dm('for Carol, via a relay'), [carol.fp], { hopLimit: 2 });
  await until(async () => Boolean(await paul.store.getRelayCopy(sent.id)), 'Paul holds it');
  const offer = offerOfCopy((await paul.store.getRelayCopy(sent.id))!);
  // George first declines it (too large for his policy then), so Paul does not offer it himself.
  const policy = await george.store.getRelayPolicy();
  await george.store.putRelayPolicy({ ...policy, maxMessageBytes: offer.size - 1 });
  const [paulToGeorge] = connect(paul, george);
  await until(
    async () => (await paul.store.getRelayCopy(sent.id))!.declinedBy.includes(george.fp),
    'George declined',
  );
  await george.store.putRelayPolicy(policy);
  const haves = vi.spyOn(Session.prototype, 'tellHave');
  try {
    // Offered twice in a row: the second offer waits for the body the first one asked for.
    slowReads(george.store);
    paulToGeorge.offer([offer]);
    paulToGeorge.offer([offer]);
    await until(async () => Boolean(await george.store.getRelayCopy(sent.id)), 'George has it');
    await until(
      async () => (await paul.store.getRelayCopy(sent.id))!.heldBy.includes(george.fp),
      'Paul knows',
    );
    await whenIdle();
    const sessions = haves.mock.contexts as Session[];
    const toPaul = sessions.filter((s) => s.peer?.fingerprintHex === paul.fp);
    expect(toPaul).toEqual([]);
  } finally {
    haves.mockRestore();
  }
});
