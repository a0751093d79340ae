import type { Guard } from '../guard';
/**
 * A delivery receipt's key: one envelope's one slot. Made only here, so a receipt is never
 * looked up under a key spelt another way.
 */
export type ReceiptKey = string & { readonly brand: 'ReceiptKey' };

export const receiptKey = (envelopeId: string, slot: number): ReceiptKey =>
  `${envelopeId}:${slot}` as ReceiptKey;

/** A stored key read back (a backup): the envelope id in hex, a colon, the slot. */
export const isReceiptKey: Guard<ReceiptKey> = (input, path = 'receipt key') =>
  typeof input === 'string' && /^[0-9a-f]{64}:(0|[1-9][0-9]{0,4})$/.test(input)
    ? { ok: true, value: input as ReceiptKey }
    : { ok: false, reason: `${path}: not an envelope id and a slot` };
