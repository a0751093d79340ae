/**
 * seal(): encrypts a message once under a fresh session key, wraps that key for each
 * recipient in a hidden-recipient PKESK, signs inside the encryption, and adds per-recipient
 * hints and receipt commitments that only the recipient can recognise.
 */
import * as openpgp from 'openpgp';
import { concatBytes, randomBytes } from '../bytes';
import { generateEphemeral } from '../crypto/x25519';
import type { Identity } from '../identity/identity';
import type { Friend } from '../keyring';
import { encodeMessage } from '../messages/codec';
import type { Message } from '../messages/kinds';
import {
  DEFAULT_HOP_LIMIT,
  encodeEnvelope,
  envelopeId,
  headerBinding,
  MAX_HOP_LIMIT,
  MAX_SLOTS,
  type EnvelopeHeader,
} from './format';
import { buildPkesk } from './pkesk';
import { commitmentFor, hintFor, NONCE_BYTES, receiptTokenFor } from './pairwise';
import { encodeInner } from './inner';
import type { Fingerprint } from '../identity/fingerprint';
import type { EnvelopeId } from './envelope-id';

export type SealRecipient = Pick<Friend, 'fingerprintHex' | 'encryption' | 'keys' | 'dirFromMe'>;

export interface SealOptions {
  /** Unix seconds after which relays drop the message and recipients refuse it. */
  expiresAt: number;
  hopLimit?: number;
}

export interface SealedEnvelope {
  id: EnvelopeId;
  bytes: Uint8Array;
  header: EnvelopeHeader;
  /** Which slot went to which friend: the sender's private record, for receipts. */
  slots: { fingerprintHex: Fingerprint; slot: number }[];
  /** The message as encoded inside (encoded once: the sender's own copy keeps these bytes). */
  encodedMessage: Uint8Array;
}

export async function seal(
  message: Message,
  recipients: readonly SealRecipient[],
  sender: Identity,
  options: SealOptions,
): Promise<SealedEnvelope> {
  if (recipients.length === 0 || recipients.length > MAX_SLOTS)
    throw new RangeError(`1..${MAX_SLOTS} recipients, got ${recipients.length}`);
  const hopLimit = options.hopLimit ?? DEFAULT_HOP_LIMIT;
  if (!Number.isInteger(hopLimit) || hopLimit < 0 || hopLimit > MAX_HOP_LIMIT)
    throw new RangeError(`hop limit 0..${MAX_HOP_LIMIT}`);

  // Slot order is random so it says nothing about who the recipients are.
  const order = shuffled(recipients);
  const nonce = randomBytes(NONCE_BYTES);
  const header: EnvelopeHeader = {
    version: 1,
    hopLimit,
    hopsLeft: hopLimit,
    expiresAt: options.expiresAt,
    nonce,
    slots: order.map((r) => ({
      hint: hintFor(r.keys, nonce, r.dirFromMe),
      commitment: commitmentFor(receiptTokenFor(r.keys, nonce, r.dirFromMe)),
    })),
  };

  // PKESKs first: the signed binding covers them, so no slot can be altered unnoticed.
  const sessionKey = randomBytes(32);
  const ephemeral = await generateEphemeral();
  const pkesks = await Promise.all(
    order.map((r) => buildPkesk(ephemeral, r.encryption, sessionKey)),
  );
  const encodedMessage = encodeMessage(message);
  const inner = encodeInner(headerBinding(header, pkesks), sender.fingerprint, encodedMessage);
  const encryptedData = (await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: inner, format: 'binary' }),
    sessionKey: { data: sessionKey, algorithm: 'aes256' },
    signingKeys: sender.privateKey,
    format: 'binary',
    config: { aeadProtect: false }, // SEIPD v1: what GnuPG 2.2 and sq 0.27 read
  })) as Uint8Array;
  sessionKey.fill(0);
  const bytes = encodeEnvelope(header, concatBytes(...pkesks, encryptedData));
  return {
    id: envelopeId(bytes),
    bytes,
    header,
    slots: order.map((r, slot) => ({ fingerprintHex: r.fingerprintHex, slot })),
    encodedMessage,
  };
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  const random = randomBytes(4 * out.length);
  const view = new DataView(random.buffer);
  for (let i = out.length - 1; i > 0; i--) {
    const j = view.getUint32(4 * i) % (i + 1);
    const [a, b] = [out[i], out[j]];
    if (a === undefined || b === undefined) continue;
    [out[i], out[j]] = [b, a];
  }
  return out;
}
