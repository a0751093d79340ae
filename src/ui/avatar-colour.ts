/**
 * The colour behind a person's initials when they have no picture: one of twelve, chosen by
 * their fingerprint, so a person keeps their colour on every screen and two people in a list
 * usually differ. Each colour carries white initials at WCAG AA contrast (4.5:1 or more).
 */
export const AVATAR_COLOURS = [
  '#b3261e',
  '#a0306e',
  '#7b3fa6',
  '#5a45c7',
  '#2f55b8',
  '#00639b',
  '#006a6a',
  '#1b6b3a',
  '#4f6b0f',
  '#8a5100',
  '#9a4413',
  '#5d5d6b',
] as const;

export function avatarColour(fingerprint: string): string {
  // Two hex digits spread evenly enough over twelve colours; a malformed id gets the grey.
  const byte = Number.parseInt(fingerprint.slice(0, 2), 16);
  return AVATAR_COLOURS[Number.isNaN(byte) ? AVATAR_COLOURS.length - 1 : byte % 12] ?? '#5d5d6b';
}

/** Up to two letters: the first of the first and last words ("Ann Lee" → "AL"), upper case. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letter = (word: string) => [...word][0] ?? '';
  return (letter(first) + (last ? letter(last) : '')).toLocaleUpperCase();
}
