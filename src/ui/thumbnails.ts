/**
 * Pictures shrunk, where they were chosen, to thumbnails for Murmur — in the popup's composer
 * and in the Facebook content script: at most 640 px on the long side and 64 KB as JPEG
 * (quality lowered, then size, until it fits).
 */
import { MESSAGE_LIMITS } from '../core/messages/kinds';

import type { ThumbnailData } from '../core/messages/thumbnail-data';

/**
 * The blob's bytes as base64url, read as a data: URL — a string. In Firefox a content script's
 * canvas makes page-compartment objects, whose ArrayBuffers the script may not wrap in a
 * Uint8Array ("Permission denied to access property constructor"); a string crosses freely.
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Sharing_objects_with_page_scripts
 */
function base64UrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(
        url
          .slice(url.indexOf(',') + 1)
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, ''),
      );
    };
    reader.onerror = () => reject(reader.error ?? new Error('could not read the picture'));
    reader.readAsDataURL(blob);
  });
}

/** A profile picture is shown small: 256 px keeps it a few KB, so it travels with relays too. */
export const AVATAR_SIDE = 256;

export async function thumbnailOf(file: File, maxSide = 640): Promise<ThumbnailData | null> {
  if (!file.type.startsWith('image/')) return null;
  const bitmap = await createImageBitmap(file).catch(() => null);
  if (!bitmap) return null;
  let side = Math.min(MESSAGE_LIMITS.thumbnailSide, maxSide);
  for (let attempt = 0; attempt < 6; attempt++, side = Math.round(side * 0.75)) {
    const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) {
      bitmap.close();
      return null;
    }
    context.drawImage(bitmap, 0, 0, width, height);
    for (const quality of [0.8, 0.6, 0.45]) {
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      if (blob.size <= MESSAGE_LIMITS.thumbnailBytes) {
        bitmap.close();
        return { type: 'jpeg', width, height, data: await base64UrlOf(blob) };
      }
    }
  }
  bitmap.close();
  return null;
}

/** The files chosen in these inputs, taken at once (the page may clear them after posting). */
export const filesOf = (inputs: HTMLInputElement[]): File[] =>
  inputs.flatMap((input) => [...(input.files ?? [])]);

export async function thumbnailsOf(files: File[]): Promise<ThumbnailData[]> {
  const out: ThumbnailData[] = [];
  for (const file of files.slice(0, MESSAGE_LIMITS.thumbnails)) {
    const thumb = await thumbnailOf(file);
    if (thumb) out.push(thumb);
  }
  return out;
}

/** A thumbnail as an <img> source: our own bytes, nothing fetched from anywhere. */
export const dataUrlOf = (t: ThumbnailData) =>
  `data:image/${t.type};base64,${t.data.replace(/-/g, '+').replace(/_/g, '/')}`;
