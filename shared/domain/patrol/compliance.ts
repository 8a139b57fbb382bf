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

/** done < open < dueSoon < overdue (comparisons of the constant strings: a keyed lookup was a busy county's hot spot). */
const severity = (s: ComplianceStatus): number => (s === 'done' ? 0 : s === 'open' ? 1 : s === 'dueSoon' ? 2 : 3);

/** The worse of two statuses (null = nothing to judge). */
export const worseStatus = (a: ComplianceStatus | null, b: ComplianceStatus | null): ComplianceStatus | null =>
  a === null ? b : b === null ? a : severity(b) > severity(a) ? b : a;

/** The roles as bits (a patrol's officers may hold several); a rule by 'any' needs none of them. */
const ROLE_BIT: Record<OfficerRole, number> = { township: 1, county: 2, leader: 4 };
const needOf = (by: PatrolBy): number => (by === 'any' ? 0 : ROLE_BIT[by]);

/**
 * The judged areas' patrols, each area's sorted by day, in flat arrays: area slot k's patrols are at
 * starts[k] … starts[k + 1] − 1, with their local day in `days` and their officers' roles as bits in `roles`.
 * (A list of objects per area, a Set per patrol to drop a repeated area and a sort per area took most of a busy
 * county's time: 14,000 patrols name 200,000 areas.)
 */
interface PatrolIndex {
  slotOf: Map<string, number>;
  starts: Int32Array;
  days: Int32Array;
  roles: Uint8Array;
}

/** One area's stretch of a PatrolIndex. */
interface AreaPatrols {
  days: Int32Array;
  roles: Uint8Array;
  from: number;
  to: number;
}

function patrolIndex(input: ComplianceInput): PatrolIndex {
  const offset = input.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const slotOf = new Map<string, number>();
  for (const a of input.areas) if (!slotOf.has(a.id)) slotOf.set(a.id, slotOf.size);
  const slots = slotOf.size;
  // The live patrols in day order, so that every area's stretch comes out sorted.
  const patrols = input.patrols;
  const day = new Int32Array(patrols.length);
  const mask = new Uint8Array(patrols.length);
  const live: number[] = [];
  patrols.forEach((p, i) => {
    if (p.deletedAt !== null) return;
    day[i] = localDayNumberOf(p.startedAt, offset);
    let m = 0;
    for (const o of p.officers) {
      const r = input.roleOf(o);
      if (r) m |= ROLE_BIT[r];
    }
    mask[i] = m;
    live.push(i);
  });
  live.sort((a, b) => (day[a] as number) - (day[b] as number) || a - b);
  // Each (patrol, judged area) link once: an area named twice by one patrol counts once.
  let links = 0;
  for (const i of live) links += (patrols[i] as CompliancePatrol).areaIds.length;
  const linkSlot = new Int32Array(links);
  const linkPatrol = new Int32Array(links);
  const lastPatrol = new Int32Array(slots).fill(-1);
  const count = new Int32Array(slots);
  let n = 0;
  for (const i of live)
    for (const id of (patrols[i] as CompliancePatrol).areaIds) {
      const k = slotOf.get(id);
      if (k === undefined || lastPatrol[k] === i) continue;
      lastPatrol[k] = i;
      linkSlot[n] = k;
      linkPatrol[n++] = i;
      count[k] = (count[k] as number) + 1;
    }
  const starts = new Int32Array(slots + 1);
  for (let k = 0; k < slots; k++) starts[k + 1] = (starts[k] as number) + (count[k] as number);
  const fill = starts.slice(0, slots);
  const days = new Int32Array(n);
  const roles = new Uint8Array(n);
  for (let l = 0; l < n; l++) {
    const k = linkSlot[l] as number;
    const at = fill[k] as number;
    fill[k] = at + 1;
    const i = linkPatrol[l] as number;
    days[at] = day[i] as number;
    roles[at] = mask[i] as number;
  }
  return { slotOf, starts, days, roles };
}

function areaPatrols(index: PatrolIndex, id: string): AreaPatrols {
  const k = index.slotOf.get(id);
  return k === undefined
    ? { days: index.days, roles: index.roles, from: 0, to: 0 }
    : { days: index.days, roles: index.roles, from: index.starts[k] as number, to: index.starts[k + 1] as number };
}

/** First position in the area's stretch whose day is ≥ `day`. */
function lowerBound(list: AreaPatrols, day: number): number {
  let lo = list.from;
  let hi = list.to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list.days[mid] as number) < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const counts = (need: number, roles: number): boolean => need === 0 || (roles & need) !== 0;

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
  list: AreaPatrols,
  input: ComplianceInput,
): StopNoticeFollowUp {
  const everyDays = rule?.followUpEveryDays ?? DEFAULT_FOLLOW_UP_EVERY_DAYS;
  const need = needOf(rule?.by ?? 'any');
  const asOf = dayNumber(input.asOf);
  const notice = dayNumber(area.stopNotice.noticeDate);
  const closedDate = area.stopNotice.closedDate ?? null;
  const closed = closedDate !== null && dayNumber(closedDate) <= asOf;
  const until = closed ? dayNumber(closedDate) : asOf;
  const days: number[] = [];
  for (let i = lowerBound(list, notice); i < list.to && (list.days[i] as number) <= until; i++)
    if (counts(need, list.roles[i] as number)) days.push(list.days[i] as number);
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
  const index = patrolIndex(input);
  return input.areas.map((area) => {
    const list = areaPatrols(index, area.id);
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
      // The windows come in order of their start: one walk along the area's days finds each window's first patrol.
      const need = needOf(rule.by);
      let first = list.from;
      for (let i = 0; i < ws.length; i++) {
        const { w, s, e } = ws[i] as (typeof ws)[number];
        while (first < list.to && (list.days[first] as number) < s) first++;
        let n = 0;
        for (let j = first; j < list.to && (list.days[j] as number) <= e; j++) if (counts(need, list.roles[j] as number)) n++;
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
