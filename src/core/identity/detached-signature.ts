/**
 * Detached OpenPGP signatures (binary, over binary data). The user's own key signs each message
 * the user writes, so an archive can show it for anyone to check with `gpg --verify`, just as
 * received messages keep their author's signature; and kept signatures verify again later.
 */
import * as openpgp from 'openpgp';
import type { Identity } from './identity';
import { toleratedNow } from '../clock';

export async function signDetached(identity: Identity, data: Uint8Array): Promise<Uint8Array> {
  return (await openpgp.sign({
    message: await openpgp.createMessage({ binary: data }),
    signingKeys: identity.privateKey,
    detached: true,
    format: 'binary',
  })) as Uint8Array;
}

/** Verifies a kept signature over kept bytes, e.g. from an archive, without the envelope. */
export async function verifyStoredSignature(
  signedData: Uint8Array,
  signature: Uint8Array,
  publicKey: openpgp.PublicKey,
): Promise<boolean> {
  try {
    const result = await openpgp.verify({
      message: await openpgp.createMessage({ binary: signedData, format: 'binary' }),
      signature: await openpgp.readSignature({ binarySignature: signature }),
      verificationKeys: publicKey,
      format: 'binary',
      // Made on a clock that may run ahead of ours (the date is only an upper bound).
      date: toleratedNow(Date.now()),
    });
    const [only, ...more] = result.signatures;
    return only !== undefined && more.length === 0 && (await only.verified);
  } catch {
    return false;
  }
}
