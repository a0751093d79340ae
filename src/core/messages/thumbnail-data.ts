/** A picture as a thumbnail between contexts: at most 1024 px a side, 64 KB, bytes as base64url. */
import { isInteger, isLiteral, isObject, isString, type Guard } from '../guard';
import { MESSAGE_LIMITS } from './kinds';

export interface ThumbnailData {
  type: 'jpeg' | 'png' | 'webp';
  width: number;
  height: number;
  data: string;
}

export const isThumbnailData: Guard<ThumbnailData> = isObject({
  type: isLiteral('jpeg', 'png', 'webp'),
  width: isInteger({ min: 1, max: MESSAGE_LIMITS.thumbnailSide }),
  height: isInteger({ min: 1, max: MESSAGE_LIMITS.thumbnailSide }),
  // 64 KiB of bytes is 87,382 base64url characters.
  data: isString({ min: 1, max: 87_382, pattern: /^[A-Za-z0-9_-]+$/ }),
});
