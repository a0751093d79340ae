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
  /**
   * Not built yet; being built (the changes made while the store is read, to apply after: the
   * read may not see a receipt written meanwhile, and one left out is never sent again); built.
   */
  private state:
    | { kind: 'not-built' }
    | { kind: 'building'; built: Promise<Index>; meanwhile: Change[] }
    | { kind: 'built'; index: Index } = { kind: 'not-built' };

  /** A record just written: who is owed it now, and who no longer. */
  track(record: ReceiptRecord): void {
    this.change((index) => indexInto(index, record));
  }

  owed(fp: string, key: ReceiptKey): void {
    this.change((index) => entryOf(index, fp, () => new Set()).add(key));
  }

  settled(fp: string, key: ReceiptKey): void {
    this.change((index) => index.get(fp)?.delete(key));
  }

  forget(key: ReceiptKey): void {
    this.change((index) => {
      for (const keys of index.values()) keys.delete(key);
    });
  }

  /** The keys owed to `fp`; the first call builds the index from every stored receipt. */
  async keysOwedTo(fp: string, all: () => Promise<ReceiptRecord[]>): Promise<ReceiptKey[]> {
    const index = await this.built(all);
    return [...(index.get(fp) ?? [])];
  }

  private change(apply: Change): void {
    if (this.state.kind === 'built') apply(this.state.index);
    else if (this.state.kind === 'building') this.state.meanwhile.push(apply);
  }

  private built(all: () => Promise<ReceiptRecord[]>): Promise<Index> {
    if (this.state.kind === 'built') return Promise.resolve(this.state.index);
    if (this.state.kind === 'building') return this.state.built;
    const meanwhile: Change[] = [];
    const built = all().then(
      (records) => {
        const index: Index = new Map();
        for (const r of records) indexInto(index, r);
        // In the order they were made: each says what the store holds now.
        for (const apply of meanwhile) apply(index);
        this.state = { kind: 'built', index };
        return index;
      },
      (error: unknown) => {
        this.state = { kind: 'not-built' }; // the next question tries again
        throw error;
      },
    );
    this.state = { kind: 'building', built, meanwhile };
    return built;
  }
}

type Change = (index: Index) => void;

function indexInto(index: Index, r: ReceiptRecord): void {
  const sent = new Set(r.sentTo);
  for (const fp of r.audience) {
    if (sent.has(fp)) index.get(fp)?.delete(r.key);
    else entryOf(index, fp, () => new Set()).add(r.key);
  }
}
