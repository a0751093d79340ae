/**
 * Times as Murmur holds them: milliseconds since 1970. Peers write them, so they are bounded
 * on the wire (codec) to what JavaScript's Date can show, and formatted here without throwing
 * in case one gets past anyway (`toISOString` throws RangeError beyond ±8.64e15 ms).
 */

/** The last millisecond of the year 9999: the largest time the codec accepts. */
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Whether `ms` is a time Date can hold. */
export const isShowableTime = (ms: number): boolean =>
  Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/** ISO 8601 in UTC, or null when `ms` is no showable time. */
export const isoTimeOrNull = (ms: number): string | null =>
  isShowableTime(ms) ? new Date(ms).toISOString() : null;
