/**
 * Who has which profile picture, for every post, reply and message on screen: one map built from
 * the friends list and the user's own profile, shared by context, instead of a picture carried
 * in each of ten thousand message views. Until it arrives, authors show their initials.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ThumbnailData } from '../core/messages/thumbnail-data';

export const AuthorPictures = createContext<ReadonlyMap<string, ThumbnailData>>(new Map());

export function usePictureOf(fingerprint: string): ThumbnailData | null {
  return useContext(AuthorPictures).get(fingerprint) ?? null;
}
