/**
 * A node remembers which offered envelopes are not for it, so several friends offering the same
 * copy cost one hint check. A friend lying about an envelope's header must not make the node
 * refuse the real one.
 */
import { expect, it } from 'vitest';
import { offerOfCopy } from '../../../src/core/node/offers';
import { aliceWithRelayPaul, dm, until } from './harness';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

it('a lie about an envelope header is not remembered against the real envelope', async () => {
  const { alice, paul, george, carol } = await aliceWithRelayPaul();
  // Hop limit 1: Paul holds copies with no hops left, which only a recipient takes.
  const forGeorge = await alice.node.send(dm('for George'), [george.fp], { hopLimit: 1 });
  const forCarol = await alice.node.send(dm('for Carol'), [carol.fp], { hopLimit: 1 });
  const held = async (id: EnvelopeId) => (await paul.store.getRelayCopy(id))!;
  await until(async () => Boolean(await paul.store.getRelayCopy(forCarol.id)), 'Paul holds both');
  const real = offerOfCopy(await held(forGeorge.id));
  // Carol's header under George's id: same expiry and hops, slots that are not George's.
  const forged = { ...real, header: offerOfCopy(await held(forCarol.id)).header };
  const fromPaul = george.keyring.friend(paul.fp)!;

  for (let i = 0; i < 2; i++) {
    const lied = await george.node.considerOffers(fromPaul, [forged]);
    expect(lied.decline.map((d) => d.reason)).toEqual(['not-wanted']);
  }
  const honest = await george.node.considerOffers(fromPaul, [real]);
  expect(honest.request).toEqual([real.id]);
  expect(honest.decline).toEqual([]);
});
