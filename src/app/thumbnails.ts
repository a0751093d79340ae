/** Thumbnails from a page (base64url) as the message format holds them (bytes). */
import { fromBase64Url } from '../core/bytes';
import type { Thumbnail } from '../core/messages/kinds';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import { Refusal } from '../core/refusal';

export function thumbnailsFrom(list: ThumbnailData[] = []): Thumbnail[] {
  return list.map((t) => {
    const data = fromBase64Url(t.data);
    if (!data) throw new Refusal('picture-unreadable', 'a picture is not valid base64url');
    return { type: t.type, width: t.width, height: t.height, data };
  });
}
