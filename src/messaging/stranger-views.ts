/**
 * What the UI is shown of someone who is not a friend yet: a request, an invite link before it
 * is added, and the friends the user may share with them.
 */
import type { Fingerprint } from '../core/identity/fingerprint';
import type { EnvelopeId } from '../core/envelope/envelope-id';

/** Someone who asked to be our friend. */
export interface RequestView {
  id: EnvelopeId;
  fingerprint: Fingerprint;
  displayName: string;
  introduction: string;
  receivedAt: number;
  /** Their card, to add them on "accept". */
  card: string;
  /** The safety number the two would share; null when their key cannot be read. */
  safetyNumber: string | null;
  /** The user's friends who have the asker as a friend too, as far as shared lists tell. */
  inCommon: FriendsInCommon;
  /** Another contact (or the user) has this name: it must not pass for them. */
  nameClash: boolean;
}

/**
 * Friends in common, as far as Murmur can know (src/app/friends-in-common.ts): it learns a
 * friend's friends only from a list that friend chose to share.
 */
export type FriendsInCommon =
  /** Every list that could name them is in hand: these are all (none, when empty). */
  | { kind: 'all-known'; names: string[] }
  /** These at least: some of the user's friends share no list and might know them too. */
  | { kind: 'some-known'; names: string[] }
  /** No list to go on: none of the user's friends shares one, or this friend does not. */
  | { kind: 'cannot-tell'; because: 'friends-do-not-share' | 'they-do-not-share' };

/**
 * An invite link or card, before it is added: the user themself, a friend already, or someone
 * to add (or already asked), with what to check first.
 */
export type InvitePreview =
  | { kind: 'own' }
  | { kind: 'friend'; fingerprint: Fingerprint; displayName: string }
  | {
      kind: 'new' | 'asked';
      fingerprint: Fingerprint;
      displayName: string;
      safetyNumber: string;
      inCommon: FriendsInCommon;
      /** Another contact (or the user) has this name: it must not pass for them. */
      nameClash: boolean;
    };
