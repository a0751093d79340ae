/** The store port's contract: every implementation must pass exactly this suite. */
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../src/core/bytes';
import type { StoredMessage } from '../../../src/core/state/records';
import { DEFAULT_RELAY_POLICY } from '../../../src/core/state/records';
import type { NodeStore } from '../../../src/core/state/store-port';
import { receiptKey } from '../../../src/core/state/receipt-key';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import { peerIdFor } from '../peer-ids';
import { copyOf, E, msg, outbox } from './contract-records';

export function storeContract(name: string, makeStore: () => Promise<NodeStore>): void {
  describe(`store contract: ${name}`, () => {
    it('keeps sent messages and their outbox entry together', async () => {
      const store = await makeStore();
      const m = msg(E('m1'), 'direct', 10, 'b'.repeat(40) as Fingerprint);
      const e = outbox(E('m1'), 10);
      await store.putSent(m, e);
      expect(await store.getMessage(E('m1'))).toEqual(m);
      expect(await store.getOutbox(E('m1'))).toEqual(e);
    });

    it('keeps a delivery, its receipt and its seen marker together', async () => {
      const store = await makeStore();
      const m = msg(E('d1'), 'post', 5);
      const receipt = {
        key: receiptKey('d1', 0),
        id: E('d1'),
        slot: 0,
        token: randomBytes(16),
        expiresAt: 99,
        audience: [],
        sentTo: [],
      };
      const seen = {
        id: E('d1'),
        expiresAt: 99,
        header: null,
        sender: 'x' as Fingerprint,
        deliveredBy: 'y' as Fingerprint,
        notify: [],
      };
      await store.putDelivery(m, receipt, seen);
      expect(await store.getMessage(E('d1'))).toEqual(m);
      expect(await store.getReceipt(receiptKey('d1', 0))).toEqual(receipt);
      expect(await store.getSeen(E('d1'))).toEqual(seen);
    });

    it('lists messages newest first, by kind and by conversation, with a limit', async () => {
      const store = await makeStore();
      const bob = 'b'.repeat(40) as Fingerprint;
      for (const m of [
        msg(E('p1'), 'post', 1),
        msg(E('d1'), 'direct', 2, bob),
        msg(E('p2'), 'post', 3),
        msg(E('d2'), 'direct', 4, bob),
        msg(E('d3'), 'direct', 5, 'c'.repeat(40) as Fingerprint),
      ])
        await store.putMessage(m);
      expect((await store.listMessages()).map((m) => m.id)).toEqual(['d3', 'd2', 'p2', 'd1', 'p1']);
      expect((await store.listMessages({ kind: 'post' })).map((m) => m.id)).toEqual(['p2', 'p1']);
      expect((await store.listMessages({ conversationWith: bob })).map((m) => m.id)).toEqual([
        'd2',
        'd1',
      ]);
      expect((await store.listMessages({ kind: 'direct', limit: 2 })).map((m) => m.id)).toEqual([
        'd3',
        'd2',
      ]);
      // Paging back: strictly older than `before`, in every index.
      const ids = async (o: Parameters<typeof store.listMessages>[0]) =>
        (await store.listMessages(o)).map((m) => m.id);
      expect(await ids({ kind: 'direct', before: 4, limit: 5 })).toEqual(['d1']);
      expect(await ids({ kind: 'post', before: 3 })).toEqual(['p1']);
      expect(await ids({ conversationWith: bob, before: 4 })).toEqual(['d1']);
      expect(await ids({ before: 3 })).toEqual(['d1', 'p1']);
    });

    it('reads each conversation’s newest message and the friend’s unread, capped', async () => {
      const store = await makeStore();
      const [ann, ben, cat] = ['a', 'b', 'c'].map((c) => c.repeat(40) as Fingerprint) as [
        Fingerprint,
        Fingerprint,
        Fingerprint,
      ];
      const from = (who: Fingerprint, m: StoredMessage) => ({ ...m, authorFingerprint: who });
      // Ann wrote at 1, 2, 3 and 4; the user answered Ann at 5 (not unread: the user's own).
      for (const t of [1, 2, 3, 4])
        await store.putMessage(from(ann, msg(E(`a${t}`), 'direct', t, ann)));
      await store.putMessage(from(ben, msg(E('a5'), 'direct', 5, ann)));
      await store.putMessage(from(ben, msg(E('b1'), 'direct', 7, ben)));
      const heads = await store.conversationHeads(
        [
          { with: ann, readAt: 2 },
          { with: ben, readAt: 0 },
          { with: cat, readAt: 0 },
        ],
        10,
      );
      expect(heads.map((h) => [h.with, h.last?.id ?? null, h.unread])).toEqual([
        [ann, 'a5', 2],
        [ben, 'b1', 1],
        [cat, null, 0],
      ]);
      const capped = await store.conversationHeads([{ with: ann, readAt: 0 }], 3);
      expect(capped[0]?.unread).toBe(3);
    });

    it('puts by id: writing the same record twice keeps one', async () => {
      const store = await makeStore();
      await store.putMessage(msg(E('same'), 'post', 1));
      await store.putMessage(msg(E('same'), 'post', 1));
      expect(await store.listMessages()).toHaveLength(1);
    });

    it('knows an id from its seen markers, relay copies, outbox or messages', async () => {
      const store = await makeStore();
      expect(await store.knownIds([])).toEqual(new Set());
      await store.putSeen({
        id: E('s'),
        expiresAt: 2_000_000_000,
        header: null,
        sender: null,
        deliveredBy: null,
        notify: [],
      });
      await store.putRelayCopy(copyOf(E('r'), 10, 1));
      await store.putOutbox(outbox(E('o'), 1));
      await store.putMessage(msg(E('m'), 'post', 1));
      const asked = ['m', 'x', 'o', 'r', 's', 'y'].map(E);
      expect(await store.knownIds(asked)).toEqual(new Set(['m', 'o', 'r', 's']));
      await store.deleteRelayCopy(E('r'));
      await store.deleteOutbox(E('o'));
      expect(await store.knownIds(asked)).toEqual(new Set(['m', 's']));
    });

    it('lists the outbox oldest first and deletes from it', async () => {
      const store = await makeStore();
      await store.putOutbox(outbox(E('o2'), 20));
      await store.putOutbox(outbox(E('o1'), 10));
      expect((await store.listOutbox()).map((e) => e.id)).toEqual(['o1', 'o2']);
      await store.deleteOutbox(E('o1'));
      expect((await store.listOutbox()).map((e) => e.id)).toEqual(['o2']);
    });

    it('tracks the relay store byte total through puts, overwrites and deletes', async () => {
      const store = await makeStore();
      expect(await store.relayBytes()).toBe(0);
      await store.putRelayCopy(copyOf(E('r2'), 300, 2));
      await store.putRelayCopy(copyOf(E('r1'), 100, 1));
      expect(await store.relayBytes()).toBe(400);
      await store.putRelayCopy({ ...copyOf(E('r1'), 150, 1) });
      expect(await store.relayBytes()).toBe(450);
      expect((await store.listRelayCopies()).map((c) => c.id)).toEqual(['r1', 'r2']);
      // Oldest first after further puts, in and out of time order.
      await store.putRelayCopy(copyOf(E('r3'), 10, 3));
      await store.putRelayCopy(copyOf(E('r0'), 10, 0));
      expect((await store.listRelayCopies()).map((c) => c.id)).toEqual(['r0', 'r1', 'r2', 'r3']);
      await store.deleteRelayCopy(E('r0'));
      await store.deleteRelayCopy(E('r3'));
      await store.deleteRelayCopy(E('r2'));
      await store.deleteRelayCopy(E('missing'));
      expect(await store.relayBytes()).toBe(150);
    });

    it('keeps receipts and seen records, and deletes them', async () => {
      const store = await makeStore();
      await store.putReceipt({
        key: receiptKey('x', 1),
        id: E('x'),
        slot: 1,
        token: randomBytes(16),
        expiresAt: 5,
        audience: ['p' as Fingerprint],
        sentTo: ['p' as Fingerprint],
      });
      await store.putSeen({
        id: E('x'),
        expiresAt: 5,
        header: randomBytes(44),
        sender: null,
        deliveredBy: null,
        notify: ['p' as Fingerprint],
      });
      expect((await store.listReceipts()).map((r) => r.key)).toEqual(['x:1']);
      expect((await store.listSeen()).map((s) => s.id)).toEqual(['x']);
      await store.deleteReceipt(receiptKey('x', 1));
      await store.deleteSeen(E('x'));
      expect(await store.listReceipts()).toEqual([]);
      expect(await store.getSeen(E('x'))).toBeUndefined();
    });

    it('has a default relay policy and keeps a changed one', async () => {
      const store = await makeStore();
      expect(await store.getRelayPolicy()).toEqual(DEFAULT_RELAY_POLICY);
      await store.putRelayPolicy({ maxMessageBytes: 1, maxHoldSeconds: 2, quotaBytes: 3 });
      expect(await store.getRelayPolicy()).toEqual({
        maxMessageBytes: 1,
        maxHoldSeconds: 2,
        quotaBytes: 3,
      });
    });

    it('keeps the identity and contacts', async () => {
      const store = await makeStore();
      expect(await store.getIdentity()).toBeUndefined();
      const identity = {
        armoredPrivateKey: '-----BEGIN PGP…',
        displayName: 'Ann',
        createdAt: 1,
        protected: true,
      };
      await store.putIdentity(identity);
      expect(await store.getIdentity()).toEqual(identity);
      const F = 'f'.repeat(40) as Fingerprint;
      const contact = {
        fingerprint: F,
        publicKey: randomBytes(300),
        displayName: 'Bo',
        peerId: peerIdFor('bo'),
        tracker: 'ws://t/',
        state: 'friend' as const,
        addedAt: 3,
      };
      await store.putContact(contact);
      await store.putContact({
        ...contact,
        fingerprint: 'e'.repeat(40) as Fingerprint,
        addedAt: 1,
      });
      expect((await store.listContacts()).map((c) => c.fingerprint)).toEqual([
        'e'.repeat(40),
        'f'.repeat(40),
      ]);
      expect(await store.getContact(F)).toEqual(contact);
      await store.deleteContact(F);
      expect(await store.getContact(F)).toBeUndefined();
    });

    it('writes made together are all kept, and reads see them after', async () => {
      const store = await makeStore();
      const result = await store.writeTogether(async (group) => {
        await group.putOutbox(outbox(E('t1'), 1));
        await group.putRelayCopy(copyOf(E('t2'), 10, 2));
        // Writes wait for the group only from outside it: a nested group is the same one.
        await group.writeTogether((inner) => inner.deleteOutbox(E('t1')));
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.getOutbox(E('t1'))).toBeUndefined();
      expect((await store.getRelayCopy(E('t2')))?.size).toBe(10);
    });

    it('hands out copies: changing a returned record does not change the store', async () => {
      const store = await makeStore();
      await store.putOutbox(outbox(E('c1'), 1));
      const read = (await store.getOutbox(E('c1')))!;
      read.heldBy.push('someone' as Fingerprint);
      read.recipients[0]!.state = 'delivered';
      read.bytes = new Uint8Array();
      const again = (await store.getOutbox(E('c1')))!;
      expect(again.heldBy).toEqual([]);
      expect(again.recipients[0]!.state).toBe('pending');
      expect(again.bytes.length).toBe(100);
    });
  });
}
