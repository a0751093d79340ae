/**
 * seal(), with the OpenPGP body made by the caller: how a hostile friend builds envelopes that
 * seal() never would (compressed, re-encoded). Everything else — slots, hints, the signed
 * header binding — is genuine, so only the body's shape is under test.
 */
import * as openpgp from 'openpgp';
import { concatBytes, randomBytes } from '../../../src/core/bytes';
import { generateEphemeral } from '../../../src/core/crypto/x25519';
import {
  encodeEnvelope,
  envelopeId,
  headerBinding,
  type EnvelopeHeader,
} from '../../../src/core/envelope/format';
import { encodeInner } from '../../../src/core/envelope/inner';
import {
  commitmentFor,
  hintFor,
  NONCE_BYTES,
  receiptTokenFor,
} from '../../../src/core/envelope/pairwise';
import { buildPkesk } from '../../../src/core/envelope/pkesk';
import type { Identity } from '../../../src/core/identity/identity';
import type { Friend } from '../../../src/core/keyring';
import { encodeMessage } from '../../../src/core/messages/codec';
import type { Message } from '../../../src/core/messages/kinds';

/** Makes the SEIPD body from the inner bytes (what seal() signs) and the session key. */
export type BodyMaker = (inner: Uint8Array, sessionKey: Uint8Array) => Promise<Uint8Array>;

export async function sealWithBody(
  message: Message | Uint8Array,
  to: Friend,
  sender: Identity,
  makeBody: BodyMaker,
): Promise<{ id: string; bytes: Uint8Array }> {
  const nonce = randomBytes(NONCE_BYTES);
  const header: EnvelopeHeader = {
    version: 1,
    hopLimit: 3,
    hopsLeft: 3,
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    nonce,
    slots: [
      {
        hint: hintFor(to.keys, nonce, to.dirFromMe),
        commitment: commitmentFor(receiptTokenFor(to.keys, nonce, to.dirFromMe)),
      },
    ],
  };
  const sessionKey = randomBytes(32);
  const pkesk = await buildPkesk(await generateEphemeral(), to.encryption, sessionKey);
  const encoded = message instanceof Uint8Array ? message : encodeMessage(message);
  const inner = encodeInner(headerBinding(header, [pkesk]), sender.fingerprint, encoded);
  const body = await makeBody(inner, sessionKey);
  const bytes = encodeEnvelope(header, concatBytes(pkesk, body));
  return { id: envelopeId(bytes), bytes };
}

/** The body seal() makes, with openpgp options of the attacker's choosing. */
export const openpgpBody =
  (sender: Identity, config: Partial<openpgp.Config>): BodyMaker =>
  async (inner, sessionKey) =>
    (await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: inner, format: 'binary' }),
      sessionKey: { data: sessionKey, algorithm: 'aes256' },
      signingKeys: sender.privateKey,
      format: 'binary',
      config: { aeadProtect: false, ...config },
    })) as Uint8Array;
