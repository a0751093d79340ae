/**
 * Receipts follow the copy's path. Alice writes to George while he is offline; Paul (Alice's
 * friend) takes a copy, and Quinn (Paul's friend, a stranger to Alice) takes one from Paul with
 * no hops left. Whichever way George gets the message, both copies must go once he has it —
 * without pushing receipts to a holder that can only hand its copy to recipients.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  befriend,
  clock,
  connect,
  dm,
  makeNode,
  whenIdle,
  slowReads,
  tick,
  until,
  type TestNode,
} from './harness';

let alice: TestNode, paul: TestNode, quinn: TestNode, george: TestNode;

beforeEach(async () => {
  clock.now = Date.UTC(2026, 10, 24, 12);
  [alice, paul, quinn, george] = (await Promise.all(
    ['Alice', 'Paul', 'Quinn', 'George'].map((n) => makeNode(n)),
  )) as [TestNode, TestNode, TestNode, TestNode];
  befriend(alice, paul);
  befriend(alice, george);
  befriend(paul, quinn);
  befriend(paul, george);
  befriend(quinn, george);
});

/** Alice sends while George is away; Paul and then Quinn take copies; Alice leaves. */
async function sendThroughPaulAndQuinn() {
  const [toPaul] = connect(alice, paul);
  const [paulToQuinn] = connect(paul, quinn);
  const sent = await alice.node.send(dm('Dinner on Friday?'), [george.fp]);
  await until(async () => Boolean(await quinn.store.getRelayCopy(sent.id)), 'Quinn holds a copy');
  expect((await quinn.store.getRelayCopy(sent.id))!.hopsLeft).toBe(0);
  toPaul.close();
  await whenIdle();
  return { sent, paulToQuinn };
}

describe('receipts along the copy path', () => {
  it('with hops to spare, a receipt given to Paul follows the copy on to Quinn', async () => {
    const rose = await makeNode('Rose');
    befriend(quinn, rose);
    befriend(rose, george);
    connect(alice, paul);
    connect(paul, quinn);
    connect(quinn, rose);
    const sent = await alice.node.send(dm('Dinner on Friday?'), [george.fp], { hopLimit: 3 });
    await until(async () => Boolean(await rose.store.getRelayCopy(sent.id)), 'Rose holds a copy');
    expect((await quinn.store.getRelayCopy(sent.id))!.hopsLeft).toBe(1);
    connect(george, paul);
    await until(() => george.inbox.length === 1, 'George receives it from Paul');
    await until(async () => !(await paul.store.getRelayCopy(sent.id)), 'Paul drops his copy');
    await until(async () => !(await quinn.store.getRelayCopy(sent.id)), 'Quinn drops hers');
    expect(await quinn.store.relayBytes()).toBe(0);
    // Rose can only hand hers to a recipient: she is sent no receipt; once her friends have all
    // answered her offer (George: "have"), she drops it.
    await whenIdle();
    expect(await rose.store.getRelayCopy(sent.id)).toBeDefined();
    connect(rose, george);
    await until(async () => !(await rose.store.getRelayCopy(sent.id)), 'Rose drops hers');
    expect(george.inbox).toHaveLength(1);
  });

  it('a copy none of its friends can still want is dropped at once', async () => {
    const [ned, olga] = await Promise.all([makeNode('Ned'), makeNode('Olga')]);
    befriend(paul, ned);
    befriend(ned, olga); // Ned's friends: Paul (who gives him the copy) and Olga (not for her)
    const declined = new Set<string>();
    const olgaDeclines = olga.node.considerOffers.bind(olga.node);
    olga.node.considerOffers = async (peer, entries) => {
      const decision = await olgaDeclines(peer, entries);
      for (const d of decision.decline) declined.add(d.reason);
      return decision;
    };
    connect(ned, olga);
    connect(alice, paul);
    connect(paul, ned);
    const sent = await alice.node.send(dm('Dinner on Friday?'), [george.fp]);
    await until(() => declined.has('not-wanted'), 'Olga declines the copy Ned offers');
    await until(async () => !(await ned.store.getRelayCopy(sent.id)), 'Ned drops his copy');
    expect(await ned.store.relayBytes()).toBe(0);
    // Paul, who can still reach George, keeps his.
    expect(await paul.store.getRelayCopy(sent.id)).toBeDefined();
  });

  it('a holder whose last friend to answer already has it drops its copy; Alice still learns of the delivery', async () => {
    const { sent, paulToQuinn } = await sendThroughPaulAndQuinn();
    paulToQuinn.close(); // Quinn can no longer hear from Paul
    await whenIdle();
    const [georgeToPaul] = connect(george, paul);
    await until(async () => !(await paul.store.getRelayCopy(sent.id)), 'Paul drops his copy');
    georgeToPaul.close();
    await whenIdle();
    expect(await quinn.store.getRelayCopy(sent.id)).toBeDefined();

    // Quinn offers her copy to George, her last friend to answer: "have". Nobody else can want it.
    connect(quinn, george);
    await until(async () => !(await quinn.store.getRelayCopy(sent.id)), 'Quinn drops her copy');
    expect(await quinn.store.relayBytes()).toBe(0);
    expect(george.inbox).toHaveLength(1); // and nothing arrived twice

    // Alice, back with Paul only, sees it delivered.
    connect(alice, paul);
    await until(
      async () => (await alice.node.status(sent.id))?.state === 'delivered',
      'Alice sees delivered',
    );
  });

  it('a receipt given to Quinn travels back to Paul and on to Alice', async () => {
    const { sent, paulToQuinn } = await sendThroughPaulAndQuinn();
    paulToQuinn.close();
    await whenIdle();
    const [quinnToGeorge] = connect(quinn, george);
    await until(() => george.inbox.length === 1, 'George receives it from Quinn');
    await until(async () => !(await quinn.store.getRelayCopy(sent.id)), 'Quinn drops her copy');
    quinnToGeorge.close();
    await whenIdle();
    expect(await paul.store.getRelayCopy(sent.id)).toBeDefined();

    connect(paul, quinn);
    await until(async () => !(await paul.store.getRelayCopy(sent.id)), 'Paul drops his copy');
    connect(alice, paul);
    await until(
      async () => (await alice.node.status(sent.id))?.state === 'delivered',
      'Alice sees delivered',
    );
  });
});

describe('one body per copy', () => {
  /**
   * Alice's message to George (away) is taken by each of her four friends; Holder (a friend of
   * all four, not of Alice) then meets them all at once: four offers of the same copy. Holder's
   * reads take a while to come back, as IndexedDB's do, and say what was stored when they began;
   * storing a body takes `storeTicks` event-loop turns.
   */
  async function fourOffersAtOnce(storeTicks: number) {
    const friends = await Promise.all(['Ann', 'Bea', 'Cal', 'Dan'].map((n) => makeNode(n)));
    const holder = await makeNode('Holder');
    for (const f of friends) {
      befriend(alice, f);
      befriend(f, holder);
    }
    for (const f of friends) connect(alice, f);
    const sent = await alice.node.send(dm('Dinner on Friday?'), [george.fp]);
    for (const f of friends)
      await until(async () => Boolean(await f.store.getRelayCopy(sent.id)), `${f.name} holds it`);
    let bodies = 0;
    const accept = holder.node.acceptEnvelope.bind(holder.node);
    holder.node.acceptEnvelope = async (peer, bytes, id) => {
      if (id === sent.id) bodies++;
      for (let i = 0; i < storeTicks; i++) await tick();
      return accept(peer, bytes, id);
    };
    slowReads(holder.store);
    for (const f of friends) {
      connect(holder, f);
      await tick();
    }
    // Holder takes it (and may drop it at once, a done copy: its other friends all have it).
    const taken = async () =>
      Boolean((await holder.store.getRelayCopy(sent.id)) ?? (await holder.store.getSeen(sent.id)));
    await until(taken, 'Holder has taken it');
    await whenIdle();
    return { friends, holder, sent, bodies };
  }

  it('offered the same copy by several friends at once, a node fetches it once', async () => {
    // A copy stored while other offers' reads are out must not be fetched again.
    expect((await fourOffersAtOnce(0)).bodies).toBe(1);
  });

  it('friends who offer a copy while its body is on its way are told "have" once it is stored', async () => {
    const { friends, holder, sent, bodies } = await fourOffersAtOnce(40);
    expect(bodies).toBe(1);
    // Every friend hears it in this same session, so none offers it again.
    for (const f of friends) {
      const told = async () => {
        const copy = await f.store.getRelayCopy(sent.id);
        return !copy || copy.heldBy.includes(holder.fp);
      };
      await until(told, `${f.name} knows Holder has it`);
    }
  });
});
