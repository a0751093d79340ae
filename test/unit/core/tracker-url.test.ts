import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTrackerUrl, parseTrackerUrl } from '../../../src/core/tracker-url';

describe('tracker addresses', () => {
  it('parse what people type', () => {
    expect(parseTrackerUrl('ws://127.0.0.1:9000/murmur')).toEqual({
      ok: true,
      value: { secure: false, host: '127.0.0.1', port: 9000, path: '/murmur/' },
    });
    expect(parseTrackerUrl(' wss://tracker.example ')).toEqual({
      ok: true,
      value: { secure: true, host: 'tracker.example', port: 443, path: '/' },
    });
  });

  it('refuse what is not a tracker, with a reason', () => {
    for (const bad of ['', 'tracker', 'ftp://x/', 'ws://u:p@host/', 'ws://host/?q=1']) {
      const r = parseTrackerUrl(bad);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).not.toBe('');
    }
  });

  it('format back to an address that parses to the same thing', () => {
    const parsed = parseTrackerUrl('ws://localhost:9000/a/b');
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parseTrackerUrl(formatTrackerUrl(parsed.value))).toEqual(parsed);
  });

  it('never throw', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof parseTrackerUrl(s).ok).toBe('boolean');
      }),
    );
  });
});
