/**
 * Compliance (巡查考核): for a period, each area's patrols against its rules, and the follow-ups of sites under a
 * stop notice. Pure: the caller passes the areas with their rule ids, the rules, the patrols and who holds which
 * role; nothing is read from a clock (`asOf` is "today").
 *
 * The rules of counting:
 * - A patrol counts for an area when the area is among its `areaIds`, on its local day (startedAt at the office's
 *   UTC offset, China's +8 h by default); a deleted patrol never counts.
 * - A rule counts a patrol when the rule is `by: 'any'` or one of the patrol's officers holds the rule's role.
 * - Windows are Monday-to-Sunday weeks, calendar months or quarters; every window with a day in the period that
 *   has begun by `asOf` is judged whole (a week is a week, even where the period cuts it). A rule with a season
 *   judges only the windows most of whose days are in its months (calendar.ts).
 * - A window is done when it holds at least minCount patrols; one that is over without them is overdue; the
 *   current one is dueSoon when it ends within `dueSoonDays` days (today included) and open before that.
 * - A site under a stop notice is followed up by any patrol of the area the rule's `by` allows, from the notice
 *   day until it is closed; it is overdue when more than followUpEveryDays days have passed since the last one
 *   (or since the notice, when there was none).
 */
import {
  dayNumber,
  fromDayNumber,
  localDayNumberOf,
  windowInMonths,
  windowsOverlapping,
  CHINA_UTC_OFFSET_MINUTES,
  type DateKey,
  type DayWindow,
} from './calendar';
import type { Patrol, PatrolOfficer } from './patrol-record';
import { DEFAULT_FOLLOW_UP_EVERY_DAYS, type PatrolBy, type PatrolRule } from './rule';

/** The role an officer holds, as far as the rules care. */
export type OfficerRole = Exclude<PatrolBy, 'any'>;

export interface ComplianceArea {
  id: string;
  ruleIds: readonly string[];
  /** Set while the area is a site under a stop notice (责令停止违法行为通知书): the notice day and, once closed, that day. */
  stopNotice?: { noticeDate: DateKey; closedDate?: DateKey | null };
}

export type CompliancePatrol = Pick<Patrol, 'startedAt' | 'areaIds' | 'officers' | 'deletedAt'>;

export interface ComplianceInput {
  /** The period, both days included. */
  from: DateKey;
  to: DateKey;
  /** Today: windows after it are not judged yet. */
  asOf: DateKey;
  areas: readonly ComplianceArea[];
  rules: readonly PatrolRule[];
  patrols: readonly CompliancePatrol[];
  /** Who holds which role (the area's responsible people, the brigade's roster); null for none of them. */
  roleOf: (officer: PatrolOfficer) => OfficerRole | null;
  /** A window still short of its count is dueSoon from this many days before its end. Default 3. */
  dueSoonDays?: number;
  /**
   * false: each rule's sums and status only, no per-window list (the compliance worker's table and map need no more,
   * and 5,000 areas × 68 windows a year are 340,000 objects). Default true.
   */
  windows?: boolean;
  /** The office's offset from UTC in minutes. Default +480 (China). */
  utcOffsetMinutes?: number;
}

export type ComplianceStatus = 'done' | 'open' | 'dueSoon' | 'overdue';

export interface WindowCompliance extends DayWindow {
  required: number;
  /** Patrols counted in the window. */
  done: number;
  status: ComplianceStatus;
}

export interface RuleCompliance {
  ruleId: string;
  /** Each window judged, in order; [] when the caller asked for the sums only (`windows: false`). */
  windows: WindowCompliance[];
  /** How many windows were judged (also when `windows` was not asked for). */
  windowCount: number;
  /** Σ minCount over the windows judged. */
  required: number;
  /** Σ patrols counted in them (a surplus in one window does not make up for another: see `status`). */
  done: number;
  /** Windows that reached their count. */
  windowsMet: number;
  /** The worst window's status; null when no window of the period falls in the rule's season. */
  status: ComplianceStatus | null;
}

export interface StopNoticeFollowUp {
  areaId: string;
  /** The rule that sets the interval; null when the area has none (the default interval is used). */
  ruleId: string | null;
  everyDays: number;
  noticeDate: DateKey;
  closedDate: DateKey | null;
  closed: boolean;
  lastFollowUp: DateKey | null;
  /** Days from the last follow-up (or the notice) to today, or to the closing day once closed. */
  daysSince: number;
  /** Days left before the next follow-up is late (negative: late by that many). */
  dueInDays: number;
  /** The longest run of days without a follow-up since the notice (up to today or the closing day). */
  longestGapDays: number;
  overdue: boolean;
  status: ComplianceStatus;
}

export interface AreaCompliance {
  areaId: string;
  rules: RuleCompliance[];
  stopNotice: StopNoticeFollowUp | null;
  /** Rule ids the area names that are not among the rules given (deleted rules): shown, never silently dropped. */
  unknownRuleIds: string[];
  /** The worst of its rules and its follow-up; null when nothing applies to it in the period. */
  status: ComplianceStatus | null;
}

const SEVERITY: Record<ComplianceStatus, number> = { done: 0, open: 1, dueSoon: 2, overdue: 3 };

/** The worse of two statuses (null = nothing to judge). */
export const worseStatus = (a: ComplianceStatus | null, b: ComplianceStatus | null): ComplianceStatus | null =>
  a === null ? b : b === null ? a : SEVERITY[b] > SEVERITY[a] ? b : a;

interface DatedPatrol {
  day: number;
  roles: ReadonlySet<OfficerRole>;
}

/** First index in the sorted `list` whose day is ≥ `day`. */
function lowerBound(list: readonly DatedPatrol[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as DatedPatrol).day < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const counts = (by: PatrolBy, p: DatedPatrol): boolean => by === 'any' || p.roles.has(by);

function countIn(list: readonly DatedPatrol[], from: number, to: number, by: PatrolBy): number {
  let n = 0;
  for (let i = lowerBound(list, from); i < list.length && (list[i] as DatedPatrol).day <= to; i++) if (counts(by, list[i] as DatedPatrol)) n++;
  return n;
}

/** Patrols per area, sorted by day, each with the roles its officers hold. */
function patrolsByArea(input: ComplianceInput): Map<string, DatedPatrol[]> {
  const offset = input.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const byArea = new Map<string, DatedPatrol[]>();
  for (const p of input.patrols) {
    if (p.deletedAt !== null) continue;
    const roles = new Set<OfficerRole>();
    for (const o of p.officers) {
      const r = input.roleOf(o);
      if (r) roles.add(r);
    }
    const dated: DatedPatrol = { day: localDayNumberOf(p.startedAt, offset), roles };
    for (const id of new Set(p.areaIds)) {
      let list = byArea.get(id);
      if (!list) byArea.set(id, (list = []));
      list.push(dated);
    }
  }
  for (const list of byArea.values()) list.sort((a, b) => a.day - b.day);
  return byArea;
}

/** The windows a rule judges in the period: begun by asOf, in its season. Computed once per rule, not per area. */
function judgedWindows(rule: PatrolRule, input: ComplianceInput): { w: DayWindow; s: number; e: number }[] {
  const asOf = dayNumber(input.asOf);
  return windowsOverlapping(input.from, input.to, rule.per)
    .filter((w) => dayNumber(w.start) <= asOf && (!rule.months || windowInMonths(w, rule.months)))
    .map((w) => ({ w, s: dayNumber(w.start), e: dayNumber(w.end) }));
}

function windowStatus(count: number, required: number, end: number, asOf: number, dueSoonDays: number): ComplianceStatus {
  if (count >= required) return 'done';
  if (end < asOf) return 'overdue';
  return end - asOf <= dueSoonDays ? 'dueSoon' : 'open';
}

function followUp(
  area: ComplianceArea & { stopNotice: NonNullable<ComplianceArea['stopNotice']> },
  rule: PatrolRule | null,
  list: readonly DatedPatrol[],
  input: ComplianceInput,
): StopNoticeFollowUp {
  const everyDays = rule?.followUpEveryDays ?? DEFAULT_FOLLOW_UP_EVERY_DAYS;
  const by = rule?.by ?? 'any';
  const asOf = dayNumber(input.asOf);
  const notice = dayNumber(area.stopNotice.noticeDate);
  const closedDate = area.stopNotice.closedDate ?? null;
  const closed = closedDate !== null && dayNumber(closedDate) <= asOf;
  const until = closed ? dayNumber(closedDate) : asOf;
  const days: number[] = [];
  for (let i = lowerBound(list, notice); i < list.length && (list[i] as DatedPatrol).day <= until; i++)
    if (counts(by, list[i] as DatedPatrol)) days.push((list[i] as DatedPatrol).day);
  const last = days.length ? (days[days.length - 1] as number) : null;
  let longestGapDays = 0;
  let prev = notice;
  for (const d of [...days, until]) {
    longestGapDays = Math.max(longestGapDays, d - prev);
    prev = d;
  }
  const daysSince = Math.max(0, until - (last ?? notice));
  const dueInDays = everyDays - daysSince;
  const overdue = !closed && daysSince > everyDays;
  const status: ComplianceStatus = closed ? 'done' : overdue ? 'overdue' : dueInDays <= (input.dueSoonDays ?? 3) ? 'dueSoon' : 'done';
  return {
    areaId: area.id,
    ruleId: rule?.id ?? null,
    everyDays,
    noticeDate: area.stopNotice.noticeDate,
    closedDate,
    closed,
    lastFollowUp: last === null ? null : fromDayNumber(last),
    daysSince,
    dueInDays,
    longestGapDays,
    overdue,
    status,
  };
}

/** Each area's compliance in the period, in the order given. */
export function computeCompliance(input: ComplianceInput): AreaCompliance[] {
  const dueSoonDays = input.dueSoonDays ?? 3;
  const asOf = dayNumber(input.asOf);
  const rulesById = new Map(input.rules.map((r) => [r.id as string, r]));
  const windowsOf = new Map<string, ReturnType<typeof judgedWindows>>();
  const byArea = patrolsByArea(input);
  return input.areas.map((area) => {
    const list = byArea.get(area.id) ?? [];
    const rules: RuleCompliance[] = [];
    const unknownRuleIds: string[] = [];
    let stopRule: PatrolRule | null = null;
    for (const id of area.ruleIds) {
      const rule = rulesById.get(id);
      if (!rule) {
        unknownRuleIds.push(id);
        continue;
      }
      if (rule.appliesTo === 'stopNoticeSite') {
        stopRule ??= rule;
        continue;
      }
      let ws = windowsOf.get(rule.id);
      if (!ws) windowsOf.set(rule.id, (ws = judgedWindows(rule, input)));
      // One pass builds the windows and their sums (a map, a reduce, a filter and a reduce were 4 passes and 3
      // arrays per area and rule: over 5,000 areas most of the time went to the garbage collector).
      const keep = input.windows !== false;
      const windows: WindowCompliance[] = keep ? new Array<WindowCompliance>(ws.length) : [];
      let done = 0;
      let windowsMet = 0;
      let status: ComplianceStatus | null = null;
      for (let i = 0; i < ws.length; i++) {
        const { w, s, e } = ws[i] as (typeof ws)[number];
        const n = countIn(list, s, e, rule.by);
        const st = windowStatus(n, rule.minCount, e, asOf, dueSoonDays);
        // Fields written out: an object spread here (`...w`) made V8 build slow objects, 15× slower over 5,000 areas.
        if (keep) windows[i] = { start: w.start, end: w.end, required: rule.minCount, done: n, status: st };
        done += n;
        if (st === 'done') windowsMet++;
        status = worseStatus(status, st);
      }
      rules.push({ ruleId: rule.id, windows, windowCount: ws.length, required: ws.length * rule.minCount, done, windowsMet, status });
    }
    const stopNotice =
      area.stopNotice && dayNumber(area.stopNotice.noticeDate) <= asOf
        ? followUp({ ...area, stopNotice: area.stopNotice }, stopRule, list, input)
        : null;
    const status = rules.reduce<ComplianceStatus | null>((s, r) => worseStatus(s, r.status), stopNotice?.status ?? null);
    return { areaId: area.id, rules, stopNotice, unknownRuleIds, status };
  });
}

/** The stop-notice sites among the results, most overdue first (the list the brigade works down). */
export function stopNoticeList(results: readonly AreaCompliance[]): StopNoticeFollowUp[] {
  return results
    .map((r) => r.stopNotice)
    .filter((s): s is StopNoticeFollowUp => s !== null)
    .sort((a, b) => Number(a.closed) - Number(b.closed) || a.dueInDays - b.dueInDays || a.areaId.localeCompare(b.areaId));
}
