/**
 * The 考核 panel's chart: patrols per ISO week for a township (China days), against the weekly minimum most of its
 * areas are held to (README Decision 39).
 */
import {
  addDays,
  dateKey,
  dayNumber,
  isoWeekday,
  localDayNumberOf,
  windowOf,
  windowsOverlapping,
  yearOf,
  CHINA_UTC_OFFSET_MINUTES,
  type DateKey,
  type DayWindow,
} from '../../../shared/domain/patrol/calendar';
import type { ComplianceArea, CompliancePatrol } from '../../../shared/domain/patrol/compliance';
import type { PatrolRule } from '../../../shared/domain/patrol/rule';
import type { AreaMeta, Period } from './compliance.logic';

export interface IsoWeek {
  year: number;
  week: number;
}

/** The ISO 8601 week of a day: weeks start on Monday, and week 1 is the one holding the year's first Thursday. */
export function isoWeekOf(day: DateKey): IsoWeek {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = yearOf(thursday);
  const week = Math.floor((dayNumber(thursday) - dayNumber(dateKey(year, 1, 1))) / 7) + 1;
  return { year, week };
}

export interface WeekBin extends DayWindow {
  iso: IsoWeek;
  count: number;
}

/**
 * The weeks the chart shows: those of the period that have begun by asOf, or, for a period shorter than 12 weeks,
 * the 12 weeks ending with asOf's (a week or a month alone says little about a rhythm).
 */
export function chartWeeks(period: Period, asOf: DateKey, minWeeks = 12): DayWindow[] {
  const end = dayNumber(asOf) < dayNumber(period.to) ? asOf : period.to;
  const weeks = windowsOverlapping(period.from, end, 'week');
  if (weeks.length >= minWeeks) return weeks;
  const lastWeek = windowOf(end, 'week');
  return windowsOverlapping(addDays(lastWeek.start, -7 * (minWeeks - 1)), lastWeek.end, 'week');
}

/**
 * Patrols per week that covered any of `areaIds` (a township and everything in it), each patrol once however many
 * of its cells it crossed, on its day in China time (UTC+8); deleted patrols never count.
 */
export function weeklyBins(
  patrols: readonly CompliancePatrol[],
  areaIds: ReadonlySet<string>,
  weeks: readonly DayWindow[],
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): WeekBin[] {
  const bins: WeekBin[] = weeks.map((w) => ({ start: w.start, end: w.end, iso: isoWeekOf(w.start), count: 0 }));
  if (bins.length === 0) return bins;
  const first = dayNumber(bins[0]!.start);
  for (const p of patrols) {
    if (p.deletedAt !== null || !p.areaIds.some((id) => areaIds.has(id))) continue;
    const i = Math.floor((localDayNumberOf(p.startedAt, utcOffsetMinutes) - first) / 7);
    const bin = bins[i];
    if (bin) bin.count++;
  }
  return bins;
}

/**
 * The weekly count a township's chart draws as its line: the weekly minimum most of its areas are held to (all-year
 * week rules; a tie goes to the higher), so one key area's 3 a week does not stand for a township of 2-a-week cells.
 * Null when no area in it has a weekly rule.
 */
export function weeklyRequirement(areas: readonly ComplianceArea[], rules: readonly PatrolRule[]): number | null {
  const byId = new Map(rules.map((r) => [r.id as string, r]));
  const votes = new Map<number, number>();
  for (const a of areas) {
    let own: number | null = null;
    for (const id of a.ruleIds) {
      const r = byId.get(id);
      if (r && r.per === 'week' && r.appliesTo !== 'stopNoticeSite' && !r.months) own = Math.max(own ?? 0, r.minCount);
    }
    if (own !== null) votes.set(own, (votes.get(own) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [n, v] of votes) if (best === null || v > votes.get(best)! || (v === votes.get(best)! && n > best)) best = n;
  return best;
}

/** The ids of a township and every area whose township it is. */
export function townshipAreaIds(meta: ReadonlyMap<string, AreaMeta>, townshipId: string): Set<string> {
  const out = new Set<string>();
  for (const m of meta.values()) if (m.townshipId === townshipId) out.add(m.id);
  return out;
}
