/**
 * The design system's small rules (product UI issue): times as "5 min" then weekday then date,
 * days in a conversation, and avatars whose initials anyone can read on their colour.
 */
import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, avatarColour, initialsOf } from '../../../src/ui/avatar-colour';
import { dayLabel } from '../../../src/ui/days';
import { relativeTime, relativeTimeFormats } from '../../../src/ui/relative-time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relative times', () => {
  const now = new Date(2026, 11, 2, 15, 0).getTime(); // a Wednesday afternoon
  const formats = relativeTimeFormats('en-US');
  const shown = (ms: number) => {
    const r = relativeTime(ms, now, formats);
    return r.kind === 'text' ? r.text : r.kind;
  };

  it('says now, minutes, hours, then the weekday, then the date', () => {
    expect(shown(now - 20_000)).toBe('now');
    expect(shown(now - 5 * MIN)).toBe('5 min');
    expect(shown(now - 3 * HOUR - 10 * MIN)).toBe('3 hr');
    expect(shown(now - 2 * DAY)).toBe('Mon');
    expect(shown(new Date(2026, 10, 25, 4, 39).getTime())).toBe('Nov 25');
    expect(shown(new Date(2025, 10, 25).getTime())).toBe('Nov 25, 2025');
  });

  it('gives the date for a time from a clock that runs ahead, and no throw for an impossible one', () => {
    expect(shown(now + 30_000)).toBe('now'); // a little skew reads as now
    expect(shown(now + 2 * DAY)).toBe('Dec 4, 2026');
    expect(shown(Number.MAX_VALUE)).toBe('unknown');
  });

  it('separates a conversation’s days as today, yesterday and dates', () => {
    expect(dayLabel(now - HOUR, now)).toEqual({ kind: 'today' });
    expect(dayLabel(now - 16 * HOUR, now)).toEqual({ kind: 'yesterday' });
    expect(dayLabel(now - 3 * DAY, now).kind).toBe('date');
    expect(dayLabel(Number.NaN, now)).toEqual({ kind: 'unknown' });
  });
});

/** WCAG 2 contrast of a colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

describe('avatars without a picture', () => {
  it('carry white initials at AA contrast on every colour', () => {
    for (const colour of AVATAR_COLOURS)
      expect(contrastWithWhite(colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('keep one colour per person, spread over the palette', () => {
    const a = 'ab'.repeat(20);
    expect(avatarColour(a)).toBe(avatarColour(a));
    const used = new Set(
      Array.from({ length: 256 }, (_, i) => avatarColour(i.toString(16).padStart(2, '0'))),
    );
    expect(used.size).toBe(AVATAR_COLOURS.length);
  });

  it('show the first letters of the first and last names', () => {
    expect(initialsOf('Ann Lee')).toBe('AL');
    expect(initialsOf('  bob ')).toBe('B');
    expect(initialsOf('Émile de la Tour')).toBe('ÉT');
    expect(initialsOf('')).toBe('?');
  });
});
