/**
 * Which receipts each friend is still owed: an in-memory index of the receipts table, so a
 * friend's session start does not read every receipt. Only receipts.ts reads and writes it. It
 * is built from the store at the first question (so a restart rebuilds it), and from then on
 * kept in step with every receipt written, sent, acknowledged or purged.
 */
import { entryOf } from '../map-entry';
import type { ReceiptRecord } from '../state/records';
import type { ReceiptKey } from '../state/receipt-key';

type Index = Map<string, Set<ReceiptKey>>;

export class ReceiptsOwed {
  /** Not built yet, or built: keys owed, per friend. */
  private state: { kind: 'not-built' } | { kind: 'built'; index: Index } = { kind: 'not-built' };

  /** A record just written: who is owed it now, and who no longer. */
  track(record: ReceiptRecord): void {
    if (this.state.kind === 'built') indexInto(this.state.index, record);
  }

  owed(fp: string, key: ReceiptKey): void {
    if (this.state.kind === 'built') entryOf(this.state.index, fp, () => new Set()).add(key);
  }

  settled(fp: string, key: ReceiptKey): void {
    if (this.state.kind === 'built') this.state.index.get(fp)?.delete(key);
  }

  forget(key: ReceiptKey): void {
    if (this.state.kind === 'built') for (const keys of this.state.index.values()) keys.delete(key);
  }

  /** The keys owed to `fp`; the first call builds the index from every stored receipt. */
  async keysOwedTo(fp: string, all: () => Promise<ReceiptRecord[]>): Promise<ReceiptKey[]> {
    if (this.state.kind === 'not-built') {
      const index: Index = new Map();
      for (const r of await all()) indexInto(index, r);
      // Another question may have built it meanwhile: keep that one, kept in step since.
      if (this.state.kind === 'not-built') this.state = { kind: 'built', index };
    }
    return [...(this.state.index.get(fp) ?? [])];
  }
}

function indexInto(index: Index, r: ReceiptRecord): void {
  const sent = new Set(r.sentTo);
  for (const fp of r.audience) {
    if (sent.has(fp)) index.get(fp)?.delete(r.key);
    else entryOf(index, fp, () => new Set()).add(r.key);
  }
}
