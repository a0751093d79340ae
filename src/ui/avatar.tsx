/**
 * A person's picture, or their initials on their colour. Beside their name it is decoration
 * (hidden from screen readers, which read the name); alone it is named by `label`.
 */
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import { avatarColour, initialsOf } from './avatar-colour';
import { dataUrlOf } from './thumbnails';

interface AvatarProps {
  fingerprint: string;
  name: string;
  picture: ThumbnailData | null;
  size?: 'sm' | 'md' | 'lg';
  /** The accessible name when no visible name is beside it; omitted: decorative. */
  label?: string;
}

export function Avatar({ fingerprint, name, picture, size = 'md', label }: AvatarProps) {
  if (picture)
    return <img class={`avatar avatar-${size}`} src={dataUrlOf(picture)} alt={label ?? ''} />;
  return (
    <span
      class={`avatar avatar-${size} avatar-initials`}
      style={{ background: avatarColour(fingerprint) }}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {initialsOf(name)}
    </span>
  );
}
