import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateKey,
  dayNumber,
  daysBetween,
  daysInMonth,
  isDateKey,
  isoWeekday,
  localDateOf,
  windowInMonths,
  windowOf,
  windowsOverlapping,
  type DateKey,
} from './calendar';

const d = (s: string) => s as DateKey;

describe('calendar days', () => {
  it('knows real days from malformed ones', () => {
    expect(isDateKey('2026-04-20')).toBe(true);
    expect(isDateKey('2024-02-29')).toBe(true); // leap year
    expect(isDateKey('2026-02-29')).toBe(false);
    expect(isDateKey('2026-13-01')).toBe(false);
    expect(isDateKey('2026-4-20')).toBe(false);
    expect(isDateKey(20260420)).toBe(false);
  });

  it('counts days without the machine time zone', () => {
    expect(dayNumber(d('1970-01-01'))).toBe(0);
    expect(dayNumber(d('1969-12-31'))).toBe(-1);
    expect(daysBetween(d('2026-02-25'), d('2026-03-25'))).toBe(28);
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(dateKey(2026, 4, 5)).toBe('2026-04-05');
    expect(() => dayNumber(d('soon'))).toThrow(RangeError);
  });

  it('gives an instant its local day at UTC+8 by default', () => {
    // 2026-04-19T16:30Z is 00:30 on the 20th in Beijing, still the 19th in UTC.
    const t = Date.UTC(2026, 3, 19, 16, 30);
    expect(localDateOf(t)).toBe('2026-04-20');
    expect(localDateOf(t, 0)).toBe('2026-04-19');
    expect(localDateOf(Date.UTC(2026, 3, 20, 15, 59, 59, 999))).toBe('2026-04-20');
    expect(localDateOf(Date.UTC(2026, 3, 20, 16, 0))).toBe('2026-04-21');
  });

  it('names ISO weekdays (Monday 1 … Sunday 7)', () => {
    expect(isoWeekday(d('1970-01-01'))).toBe(4);
    expect(isoWeekday(d('2026-04-20'))).toBe(1);
    expect(isoWeekday(d('2026-04-26'))).toBe(7);
    expect(isoWeekday(d('1969-12-29'))).toBe(1);
  });
});

describe('rule windows', () => {
  it('are Monday-based weeks, calendar months and quarters', () => {
    expect(windowOf(d('2026-04-22'), 'week')).toEqual({ start: '2026-04-20', end: '2026-04-26' });
    expect(windowOf(d('2026-04-26'), 'week')).toEqual({ start: '2026-04-20', end: '2026-04-26' });
    expect(windowOf(d('2027-01-01'), 'week')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(windowOf(d('2024-02-10'), 'month')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(windowOf(d('2026-05-31'), 'quarter')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(windowOf(d('2026-12-01'), 'quarter')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
  });

  it('overlapping a period are listed whole, in order', () => {
    expect(windowsOverlapping(d('2026-04-01'), d('2026-04-30'), 'week').map((w) => w.start)).toEqual([
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
      '2026-04-27',
    ]);
    expect(windowsOverlapping(d('2026-01-15'), d('2026-12-31'), 'quarter')).toHaveLength(4);
    expect(windowsOverlapping(d('2026-02-01'), d('2026-01-01'), 'month')).toEqual([]);
  });

  it('belong to a season when most of their days do (a week by its Thursday)', () => {
    const season = [4, 5, 6, 7, 8, 9, 10];
    // Mon 30 Mar – Sun 5 Apr: its Thursday, 2 Apr, is in April (5 of 7 days).
    expect(windowInMonths(windowOf(d('2026-04-01'), 'week'), season)).toBe(true);
    // Mon 23 Mar – Sun 29 Mar: all in March.
    expect(windowInMonths(windowOf(d('2026-03-25'), 'week'), season)).toBe(false);
    // Mon 26 Oct – Sun 1 Nov: Thursday 29 Oct, 6 of 7 days in October.
    expect(windowInMonths(windowOf(d('2026-11-01'), 'week'), season)).toBe(true);
    expect(windowInMonths(windowOf(d('2026-10-15'), 'month'), season)).toBe(true);
    expect(windowInMonths(windowOf(d('2026-11-15'), 'month'), season)).toBe(false);
    expect(windowInMonths(windowOf(d('2026-10-15'), 'quarter'), season)).toBe(false); // Oct only: 31 of 92 days
    expect(windowInMonths(windowOf(d('2026-08-15'), 'quarter'), season)).toBe(true);
  });
});
