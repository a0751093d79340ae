import { expect, it } from 'vitest';
import { delayBeyondNextOnline, nextOnline } from '../../../tools/sim/next-online';

const days = [
  { start: 100, end: 200 },
  { start: 1000, end: 1100 },
];

it('a recipient online when the message is sent could have had it at once', () => {
  expect(nextOnline(days, 150)).toBe(150);
  expect(delayBeyondNextOnline(days, 150, 160)).toBe(10);
});

it('otherwise the wait counts from their next session, and never below zero', () => {
  expect(nextOnline(days, 500)).toBe(1000);
  expect(delayBeyondNextOnline(days, 500, 1030)).toBe(30);
  expect(delayBeyondNextOnline(days, 500, 1000)).toBe(0);
  expect(nextOnline(days, 1100)).toBeNull();
});
