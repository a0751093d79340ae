/**
 * The index of receipts still owed is built from the store at its first question. A receipt
 * written while that read is under way may be missing from what the read returns; the index
 * must still know it, or that receipt is never sent again after its first try is lost.
 */
import { describe, expect, it } from 'vitest';
import { ReceiptsOwed } from '../../../src/core/node/receipts-owed';
import type { ReceiptRecord } from '../../../src/core/state/records';
import { receiptKey } from '../../../src/core/state/receipt-key';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';

const BOB = 'b'.repeat(64) as Fingerprint;
const CAROL = 'c'.repeat(64) as Fingerprint;

function receipt(idChar: string, audience: Fingerprint[], sentTo: Fingerprint[]): ReceiptRecord {
  const id = idChar.repeat(64) as EnvelopeId;
  return {
    key: receiptKey(id, 0),
    id,
    slot: 0,
    token: new Uint8Array(16),
    expiresAt: 2_000_000_000,
    audience,
    sentTo,
  };
}

/** A store read that answers when the test says, with what was stored when it began. */
function slowRead(records: ReceiptRecord[]) {
  let answer: () => void = () => undefined;
  const read = () => new Promise<ReceiptRecord[]>((resolve) => (answer = () => resolve(records)));
  return { read, answer: () => answer() };
}

describe('receipts owed, while the index is being built', () => {
  it('keeps a receipt written during the first read, and one settled then stays settled', async () => {
    const owed = new ReceiptsOwed();
    const older = receipt('1', [BOB, CAROL], []);
    const store = slowRead([older]);
    const first = owed.keysOwedTo(BOB, store.read);
    const second = owed.keysOwedTo(CAROL, store.read);
    // Meanwhile: a new receipt for Bob is written, and Carol acknowledges the older one.
    const fresh = receipt('2', [BOB], []);
    owed.track(fresh);
    owed.settled(CAROL, older.key);
    store.answer();
    expect((await first).sort()).toEqual([older.key, fresh.key].sort());
    expect(await second).toEqual([]);
    expect(await owed.keysOwedTo(BOB, () => Promise.reject(new Error('read once')))).toHaveLength(
      2,
    );
  });

  it('tries the store again after a failed read', async () => {
    const owed = new ReceiptsOwed();
    await expect(owed.keysOwedTo(BOB, () => Promise.reject(new Error('closed')))).rejects.toThrow(
      'closed',
    );
    const older = receipt('1', [BOB], []);
    expect(await owed.keysOwedTo(BOB, () => Promise.resolve([older]))).toEqual([older.key]);
  });
});
