/**
 * A detached OpenPGP signature (binary, over binary data) by the user's own key. Kept with each
 * message the user writes, so an archive can show it for anyone to check with `gpg --verify`,
 * just as received messages keep their author's signature.
 */
import * as openpgp from 'openpgp';
import type { Identity } from './identity';

export async function signDetached(identity: Identity, data: Uint8Array): Promise<Uint8Array> {
  return (await openpgp.sign({
    message: await openpgp.createMessage({ binary: data }),
    signingKeys: identity.privateKey,
    detached: true,
    format: 'binary',
  })) as Uint8Array;
}
