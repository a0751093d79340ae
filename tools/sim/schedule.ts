/**
 * When people are online, day by day: a few habits (office hours, evenings, mornings, rare
 * visits, always-on desktops) with jittered sessions of realistic length. Times in seconds
 * from the start of the simulation.
 */
import type { Random } from './random';

export interface Interval {
  start: number;
  end: number;
}

export type Habit = 'office' | 'evening' | 'morning' | 'sporadic' | 'always-on';

const HOUR = 3600;
const DAY = 24 * HOUR;

const HABITS: [Habit, number][] = [
  ['office', 0.3],
  ['evening', 0.3],
  ['morning', 0.2],
  ['sporadic', 0.15],
  ['always-on', 0.05],
];

export function pickHabit(random: Random): Habit {
  let r = random.next();
  for (const [habit, share] of HABITS) {
    if (r < share) return habit;
    r -= share;
  }
  return 'sporadic';
}

function sessionsOfDay(habit: Habit, random: Random): [number, number][] {
  const minutes = (min: number, max: number) => random.between(min, max) * 60;
  const at = (hour: number, jitterHours = 0.5) =>
    (hour + random.between(-jitterHours, jitterHours)) * HOUR;
  switch (habit) {
    case 'office':
      return [
        [at(9), minutes(90, 180)],
        [at(13.5), minutes(60, 200)],
        ...(random.next() < 0.5 ? [[at(20, 1.5), minutes(10, 40)] as [number, number]] : []),
      ];
    case 'evening':
      return [
        [at(18.5, 1), minutes(20, 90)],
        [at(21.5, 1), minutes(20, 90)],
      ];
    case 'morning':
      return [
        [at(7.5), minutes(30, 60)],
        [at(12.5), minutes(10, 25)],
      ];
    case 'sporadic':
      return random.next() < 0.3
        ? []
        : Array.from(
            { length: 1 + random.int(3) },
            () => [at(random.between(8, 23), 0), minutes(10, 40)] as [number, number],
          );
    case 'always-on':
      return [[at(7), minutes(12 * 60, 16 * 60)]];
  }
}

export function onlineIntervals(habit: Habit, days: number, random: Random): Interval[] {
  const intervals: Interval[] = [];
  for (let day = 0; day < days; day++)
    for (const [offset, length] of sessionsOfDay(habit, random)) {
      const start = Math.max(0, day * DAY + offset);
      const end = Math.min(day * DAY + offset + length, days * DAY);
      if (end - start <= 60) continue;
      const last = intervals.at(-1);
      // Overlapping or touching sessions are one stay online.
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else intervals.push({ start, end });
    }
  return intervals;
}
