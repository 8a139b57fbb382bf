/**
 * Patrol numbers (巡查编号): 'XC' + yyyyMMdd + a serial of that day, as the city patrol systems number their logs.
 * We give 3 digits (001…999, more digits past 999); numbers from a system with a 5-digit serial are read too.
 */
import type { DateKey } from './calendar';

/** XC + the day + a 3- to 5-digit serial. */
export const PATROL_NUMBER = /^XC(\d{8})(\d{3,5})$/;

export const isPatrolNumber = (v: unknown): v is string => typeof v === 'string' && PATROL_NUMBER.test(v);

/** The day part of a number for a day: '2026-04-20' → '20260420'. */
export const patrolNumberDay = (day: DateKey): string => day.replaceAll('-', '');

/** The day and serial of a number, or null when it is not one. */
export function parsePatrolNumber(v: string): { day: string; serial: number } | null {
  const m = PATROL_NUMBER.exec(v);
  return m ? { day: m[1] as string, serial: Number(m[2]) } : null;
}

/** The next number of `day`: one past the highest serial of that day among `existing` (gaps are not refilled). */
export function nextPatrolNumber(day: DateKey, existing: Iterable<string>): string {
  const ymd = patrolNumberDay(day);
  let max = 0;
  for (const n of existing) {
    const p = parsePatrolNumber(n);
    if (p && p.day === ymd && p.serial > max) max = p.serial;
  }
  return `XC${ymd}${String(max + 1).padStart(3, '0')}`;
}
