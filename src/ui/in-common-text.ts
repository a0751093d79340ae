/**
 * Friends in common in words: who is known, and when Murmur cannot tell, that it cannot and
 * why — never "no friends in common" for what it simply does not know.
 */
import type { FriendsInCommon } from '../messaging/views';
import { t } from './i18n';
import { nameList } from './name-list';

export function inCommonText(inCommon: FriendsInCommon, theirName: string): string {
  switch (inCommon.kind) {
    case 'all-known':
      return inCommon.names.length > 0
        ? t('mutualFriends', nameList(inCommon.names))
        : t('noMutualFriends');
    case 'some-known':
      return inCommon.names.length > 0
        ? t('mutualFriendsAtLeast', nameList(inCommon.names))
        : t('mutualFriendsNoneKnown');
    case 'cannot-tell':
      return inCommon.because === 'they-do-not-share'
        ? t('mutualFriendsTheyDoNotShare', theirName)
        : t('mutualFriendsFriendsDoNotShare');
  }
}
