/**
 * Calendar days for patrol rules: a day is a 'YYYY-MM-DD' key (DateKey) in the office's local time, and the
 * rule windows are Monday-based weeks (ISO 8601), calendar months and calendar quarters. Arithmetic runs on
 * whole day numbers (days since 1970-01-01) through Date.UTC, so no machine time zone or DST ever enters.
 */

/** A calendar day, 'YYYY-MM-DD'. */
export type DateKey = string & { readonly __brand: 'DateKey' };

/** China keeps one time zone, UTC+8, without daylight saving: the default offset for a patrol's local day. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

const MS_PER_DAY = 86_400_000;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day ('2026-02-30' is not one). */
export function isDateKey(v: unknown): v is DateKey {
  if (typeof v !== 'string') return false;
  const m = DATE_KEY.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The key of a year, month (1–12) and day. */
export const dateKey = (year: number, month: number, day: number): DateKey =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as DateKey;

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days since 1970-01-01 (negative before). Throws on a malformed key: a caller bug, never data. */
export function dayNumber(key: DateKey): number {
  const m = DATE_KEY.exec(key);
  if (!m) throw new RangeError(`dayNumber: not a date key: ${key}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function fromDayNumber(n: number): DateKey {
  const d = new Date(n * MS_PER_DAY);
  return dateKey(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export const addDays = (key: DateKey, days: number): DateKey => fromDayNumber(dayNumber(key) + days);

/** b − a in whole days. */
export const daysBetween = (a: DateKey, b: DateKey): number => dayNumber(b) - dayNumber(a);

/** The local calendar day of an instant (epoch ms) at a fixed offset from UTC (default China's +8 h). */
export function localDateOf(epochMs: number, utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES): DateKey {
  return fromDayNumber(localDayNumberOf(epochMs, utcOffsetMinutes));
}

/** The day number of an instant's local day (what localDateOf names), without building the key. */
export const localDayNumberOf = (epochMs: number, utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES): number =>
  Math.floor((epochMs + utcOffsetMinutes * 60_000) / MS_PER_DAY);

export const yearOf = (key: DateKey): number => Number(key.slice(0, 4));
export const monthOf = (key: DateKey): number => Number(key.slice(5, 7));

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday. */
export const isoWeekday = (key: DateKey): number => ((((dayNumber(key) + 3) % 7) + 7) % 7) + 1;

export type WindowPer = 'week' | 'month' | 'quarter';

/** A window of days, both ends included. */
export interface DayWindow {
  start: DateKey;
  end: DateKey;
}

/** The window of `per` containing `day`: the Monday-to-Sunday week, the calendar month, or the quarter (Jan–Mar …). */
export function windowOf(day: DateKey, per: WindowPer): DayWindow {
  if (per === 'week') {
    const start = addDays(day, 1 - isoWeekday(day));
    return { start, end: addDays(start, 6) };
  }
  const y = yearOf(day);
  const firstMonth = per === 'month' ? monthOf(day) : Math.floor((monthOf(day) - 1) / 3) * 3 + 1;
  const lastMonth = per === 'month' ? firstMonth : firstMonth + 2;
  return { start: dateKey(y, firstMonth, 1), end: dateKey(y, lastMonth, daysInMonth(y, lastMonth)) };
}

/** Every window of `per` that has a day in from…to (both included), in order; none when to < from. */
export function windowsOverlapping(from: DateKey, to: DateKey, per: WindowPer): DayWindow[] {
  const out: DayWindow[] = [];
  if (dayNumber(to) < dayNumber(from)) return out;
  for (let w = windowOf(from, per); dayNumber(w.start) <= dayNumber(to); w = windowOf(addDays(w.end, 1), per)) out.push(w);
  return out;
}

/**
 * Whether most of a window's days fall in the given months (1–12). For a week this is the month of its
 * Thursday, the rule ISO 8601 uses to give a week to a month; for a month, the month itself; for a quarter,
 * over half its days (two of its three months, in practice). So a season given as whole months decides every
 * window one way, never half.
 */
export function windowInMonths(w: DayWindow, months: readonly number[]): boolean {
  const total = daysBetween(w.start, w.end) + 1;
  let inside = 0;
  for (let n = dayNumber(w.start); n <= dayNumber(w.end); n++) if (months.includes(monthOf(fromDayNumber(n)))) inside++;
  return inside * 2 > total;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → 'yyyy-MM-ddTHH:mm' in Beijing time (what an <input type="datetime-local"> holds; forms and papers use China time). */
export function beijingInputText(ms: number): string {
  const d = new Date(ms + CHINA_UTC_OFFSET_MINUTES * 60_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** 'yyyy-MM-ddTHH:mm[:ss]' read as Beijing time → epoch ms; null for '' or anything else. */
export function parseBeijingInput(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - CHINA_UTC_OFFSET_MINUTES * 60_000;
}
