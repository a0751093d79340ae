/**
 * Why Murmur refused something the user asked for: a closed set of codes that travel to the
 * page, which shows each in the user's language (`refusal_*` in `_locales`). The reason is
 * English for logs and tests, never shown.
 */
import { CodedError } from './coded-error';

export const REFUSAL_CODES = [
  'no-identity',
  'identity-exists',
  'wrong-passphrase',
  'passphrase-required',
  'key-unreadable',
  'key-unsupported',
  'card-unreadable',
  'card-own',
  'card-address-taken',
  'not-a-friend',
  'friend-key-expired',
  'no-recipients',
  'post-missing',
  'request-missing',
  'reply-to-self',
  'picture-unreadable',
  'home-paired',
  'home-link',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export class Refusal extends CodedError<RefusalCode> {
  override readonly name = 'Refusal';
}
