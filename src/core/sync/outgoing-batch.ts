/**
 * Answers that may share a frame: `ack`s for stored envelopes, receipts, and `receipts-ack`s.
 * While a burst of frames from the peer waits to be handled, answering each on its own cost
 * both sides a frame, and the peer a commit to disk, per message: catching a browser up on a
 * thousand messages spent most of its time there. They are collected here and sent once the
 * session has no frame left waiting (or a list is full), in the order they were made.
 */
import { MAX_LIST, type Frame, type ReceiptEntry } from './frames';

type ReceiptAck = { id: Uint8Array; slot: number };

export class OutgoingBatch {
  private acks: Uint8Array[] = [];
  private receipts: ReceiptEntry[] = [];
  private receiptAcks: ReceiptAck[] = [];

  constructor(private readonly send: (frame: Frame) => void) {}

  ack(id: Uint8Array): void {
    this.acks.push(id);
    if (this.acks.length >= MAX_LIST) this.flush();
  }

  receipt(entry: ReceiptEntry): void {
    this.receipts.push(entry);
    if (this.receipts.length >= MAX_LIST) this.flush();
  }

  receiptAck(entry: ReceiptAck): void {
    this.receiptAcks.push(entry);
    if (this.receiptAcks.length >= MAX_LIST) this.flush();
  }

  /**
   * Sends whatever is collected. Receipts go before acks, as they did unbatched (a recipient
   * makes its receipt while storing the envelope, and acks it after): a relay that hears the
   * ack first retires its copy as "done" and then meets the receipt without it.
   */
  flush(): void {
    const [acks, receipts, receiptAcks] = [this.acks, this.receipts, this.receiptAcks];
    this.acks = [];
    this.receipts = [];
    this.receiptAcks = [];
    for (let i = 0; i < receipts.length; i += MAX_LIST)
      this.send({ type: 'receipts', entries: receipts.slice(i, i + MAX_LIST) });
    for (let i = 0; i < acks.length; i += MAX_LIST)
      this.send({ type: 'ack', ids: acks.slice(i, i + MAX_LIST) });
    for (let i = 0; i < receiptAcks.length; i += MAX_LIST)
      this.send({ type: 'receipts-ack', entries: receiptAcks.slice(i, i + MAX_LIST) });
  }
}
