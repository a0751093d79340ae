/**
 * Core errors that the user can act on, turned into refusals the page shows in the user's
 * language. Anything else passes unchanged: it is a bug, and shown as one.
 */
import { DecodeError } from '../core/codec/decode-error';
import { FriendKeyError } from '../core/identity/friend-key';
import { IdentityError, type IdentityErrorCode } from '../core/identity/identity';
import { KeyMaterialError } from '../core/identity/key-material';
import { Refusal, type RefusalCode } from '../core/refusal';

type Translate = (error: unknown) => Refusal | null;

/** The work's result, or its error as a refusal when `translate` knows it. */
export async function refusing<T>(work: Promise<T>, translate: Translate): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw translate(error) ?? error;
  }
}

const IDENTITY: Record<IdentityErrorCode, RefusalCode> = {
  malformed: 'key-unreadable',
  'unsupported-key': 'key-unsupported',
  'passphrase-required': 'passphrase-required',
  'wrong-passphrase': 'wrong-passphrase',
};

/** A private key that does not open: which of the reasons a person can fix. */
export const identityRefusal: Translate = (error) =>
  error instanceof IdentityError ? new Refusal(IDENTITY[error.code], error.reason) : null;

/** A contact card that cannot be read, or whose key Murmur cannot use. */
export const cardRefusal: Translate = (error) =>
  error instanceof DecodeError ||
  error instanceof FriendKeyError ||
  error instanceof KeyMaterialError
    ? new Refusal('card-unreadable', error.message)
    : null;
