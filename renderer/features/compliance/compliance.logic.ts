/**
 * 巡查考核's pure logic: the areas the office patrols (grid areas and, once the tasks feature stores them, patrol
 * areas: key areas, corridors, stop-notice sites) turned into shared/domain/patrol's ComplianceArea, who holds which
 * role (from the grid's responsible people), the period picker's days, the table's rows with their sort and
 * filter, the map's colours and legend, and the weekly chart's bins. Everything the UI shows comes from here and
 * from computeCompliance; the components only lay it out.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { ColorBy } from '../../map';
import { geometriesBbox, type Bbox } from '../../../shared/domain/geometry/bbox';
import type { AreaLevel, GridArea } from '../../../shared/domain/grid/area-record';
import {
  dateKey,
  dayNumber,
  fromDayNumber,
  localDayNumberOf,
  windowOf,
  yearOf,
  CHINA_UTC_OFFSET_MINUTES,
  type DateKey,
} from '../../../shared/domain/patrol/calendar';
import {
  stopNoticeList,
  worseStatus,
  type AreaCompliance,
  type RuleCompliance,
  type StopNoticeFollowUp,
  type ComplianceArea,
  type CompliancePatrol,
  type ComplianceStatus,
} from '../../../shared/domain/patrol/compliance';

// ---------------------------------------------------------------------------------------------------------------
// Areas → ComplianceArea

/**
 * A patrol area (巡查区域) as compliance needs it: what the tasks feature's record carries (its own id, name and kind,
 * the rules that apply, where it lies in the grid, and for a stop-notice site the notice day and the closing day).
 * Structural, so that feature's record fits without this one importing it.
 */
export interface PatrolAreaInput {
  id: string;
  name: string;
  /** 'keyArea' | 'corridor' | 'stopNoticeSite' … as the tasks feature names its kinds. */
  kind: string;
  /** The grid area it lies in, when known (its township for the filter and the chart). */
  parentId?: string | null;
  ruleIds: readonly string[];
  stopNotice?: { noticeDate: DateKey; closedDate?: DateKey | null } | null;
  geometry?: Geometry | null;
}

export type AreaKind = AreaLevel | 'patrolArea';

/** What the table and the map say about an area besides its figures. */
export interface AreaMeta {
  id: string;
  name: string;
  kind: AreaKind;
  /** The patrol area's own kind ('stopNoticeSite' …); null for a grid area. */
  patrolAreaKind: string | null;
  parentId: string | null;
  parentName: string | null;
  /** The township the area is in (itself for a township); null above a township or outside the grid. */
  townshipId: string | null;
  keyAreaKind: string | null;
  geometry: Geometry | null;
  /** Cells and villages with cells under them are drawn with their children's worst status too. */
  hasChildren: boolean;
}

export interface ComplianceAreas {
  areas: ComplianceArea[];
  meta: ReadonlyMap<string, AreaMeta>;
}

/** The grid areas first (in the order given), then the patrol areas; an id met twice is kept once (the first). */
export function complianceAreasOf(grid: readonly GridArea[], patrolAreas: readonly PatrolAreaInput[] = []): ComplianceAreas {
  const byId = new Map(grid.map((a) => [a.id as string, a]));
  const townshipCache = new Map<string, string | null>();
  const townshipOf = (id: string | null): string | null => {
    const path: string[] = [];
    let found: string | null = null;
    for (let cur = id, guard = 0; cur !== null && guard < 8; guard++) {
      if (townshipCache.has(cur)) {
        found = townshipCache.get(cur) ?? null;
        break;
      }
      const a = byId.get(cur);
      if (!a) break;
      path.push(cur);
      if (a.level === 'township') {
        found = a.id;
        break;
      }
      if (a.level === 'county') break;
      cur = a.parentId;
    }
    for (const p of path) townshipCache.set(p, found);
    return found;
  };
  const withChildren = new Set(grid.map((a) => a.parentId).filter((p): p is NonNullable<typeof p> => p !== null));
  const areas: ComplianceArea[] = [];
  const meta = new Map<string, AreaMeta>();
  for (const a of grid) {
    if (meta.has(a.id)) continue;
    areas.push({ id: a.id, ruleIds: a.ruleIds });
    meta.set(a.id, {
      id: a.id,
      name: a.name,
      kind: a.level,
      patrolAreaKind: null,
      parentId: a.parentId,
      parentName: a.parentId !== null ? (byId.get(a.parentId)?.name ?? null) : null,
      townshipId: townshipOf(a.id),
      keyAreaKind: a.keyArea?.kind ?? null,
      geometry: a.geometry,
      hasChildren: withChildren.has(a.id),
    });
  }
  for (const p of patrolAreas) {
    if (meta.has(p.id)) continue;
    const parentId = p.parentId ?? null;
    areas.push({
      id: p.id,
      ruleIds: p.ruleIds,
      ...(p.stopNotice ? { stopNotice: { noticeDate: p.stopNotice.noticeDate, closedDate: p.stopNotice.closedDate ?? null } } : {}),
    });
    meta.set(p.id, {
      id: p.id,
      name: p.name,
      kind: 'patrolArea',
      patrolAreaKind: p.kind,
      parentId,
      parentName: parentId !== null ? (byId.get(parentId)?.name ?? null) : null,
      townshipId: townshipOf(parentId),
      keyAreaKind: p.kind === 'keyArea' ? p.kind : null,
      geometry: p.geometry ?? null,
      hasChildren: false,
    });
  }
  return { areas, meta };
}

// ---------------------------------------------------------------------------------------------------------------
// Who holds which role

// The rule lives in shared/domain/patrol/roles.ts (the monthly report counts with the same one).
export { officerKey, officerRolesOf } from '../../../shared/domain/patrol/roles';

// ---------------------------------------------------------------------------------------------------------------
// The period

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  from: DateKey;
  to: DateKey;
}

/**
 * This week / month / quarter / year as of `asOf` (Monday-to-Sunday weeks, calendar months and quarters, as the
 * rules' windows), or the custom days (swapped when given backwards). A custom period with a day missing is null.
 */
export function periodOf(kind: PeriodKind, asOf: DateKey, custom?: { from: DateKey | null; to: DateKey | null }): Period | null {
  if (kind === 'year') return { from: dateKey(yearOf(asOf), 1, 1), to: dateKey(yearOf(asOf), 12, 31) };
  if (kind !== 'custom') {
    const w = windowOf(asOf, kind);
    return { from: w.start, to: w.end };
  }
  if (!custom?.from || !custom.to) return null;
  return dayNumber(custom.from) <= dayNumber(custom.to) ? { from: custom.from, to: custom.to } : { from: custom.to, to: custom.from };
}

/** Today in China (UTC+8), whatever the machine's time zone. */
export const todayInChina = (nowMs: number): DateKey => fromDayNumber(localDayNumberOf(nowMs, CHINA_UTC_OFFSET_MINUTES));

// ---------------------------------------------------------------------------------------------------------------
// Summaries: what the view needs of computeCompliance's results (the worker sends these, not every window)

export type RuleSummary = Omit<RuleCompliance, 'windows'> & { windowCount: number };
export type AreaComplianceSummary = Omit<AreaCompliance, 'rules'> & { rules: RuleSummary[] };

/** Each area's result without its rules' windows (52 weeks × 3 rules × 5,000 cells are not worth copying back). */
export const summarizeCompliance = (results: readonly AreaCompliance[]): AreaComplianceSummary[] =>
  results.map((r) => ({
    areaId: r.areaId,
    status: r.status,
    stopNotice: r.stopNotice,
    unknownRuleIds: r.unknownRuleIds,
    rules: r.rules.map((x) => ({
      ruleId: x.ruleId,
      required: x.required,
      done: x.done,
      windowsMet: x.windowsMet,
      status: x.status,
      windowCount: x.windowCount,
    })),
  }));

/** The stop-notice sites, most overdue first (shared/domain/patrol's order), from the summaries. */
export const stopNotices = (results: readonly AreaComplianceSummary[]): StopNoticeFollowUp[] =>
  stopNoticeList(results.map((r) => ({ areaId: r.areaId, rules: [], stopNotice: r.stopNotice, unknownRuleIds: [], status: r.status })));

// ---------------------------------------------------------------------------------------------------------------
// The table

export interface ComplianceRow {
  /** areaId + rule: one row per area and rule (an area without a rule: one row, ruleId null). */
  key: string;
  areaId: string;
  name: string;
  kind: AreaKind;
  parentName: string | null;
  townshipId: string | null;
  ruleId: string | null;
  /** Σ minCount over the windows judged; null for a stop-notice follow-up or an area without a rule. */
  required: number | null;
  done: number | null;
  windows: number;
  windowsMet: number;
  status: ComplianceStatus | null;
  lastPatrol: DateKey | null;
  daysSince: number | null;
}

/** The last day (≤ asOf) each area was patrolled, by anyone; deleted patrols never count. */
export function lastPatrolDays(
  patrols: readonly CompliancePatrol[],
  asOf: DateKey,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): Map<string, number> {
  const limit = dayNumber(asOf);
  const last = new Map<string, number>();
  for (const p of patrols) {
    if (p.deletedAt !== null) continue;
    const day = localDayNumberOf(p.startedAt, utcOffsetMinutes);
    if (day > limit) continue;
    for (const id of p.areaIds) if ((last.get(id) ?? -Infinity) < day) last.set(id, day);
  }
  return last;
}

export function complianceRows(
  results: readonly AreaComplianceSummary[],
  meta: ReadonlyMap<string, AreaMeta>,
  lastDays: ReadonlyMap<string, number>,
  asOf: DateKey,
): ComplianceRow[] {
  const today = dayNumber(asOf);
  const rows: ComplianceRow[] = [];
  for (const r of results) {
    const m = meta.get(r.areaId);
    if (!m) continue;
    const last = lastDays.get(r.areaId);
    const lastPatrol = last === undefined ? null : fromDayNumber(last);
    const daysSince = last === undefined ? null : today - last;
    // Every field written out, in one order: spreading a shared base here made V8 build slow dictionary objects
    // (15,000 rows took ~180 ms instead of a few).
    const row = (
      key: string,
      ruleId: string | null,
      required: number | null,
      done: number | null,
      windows: number,
      windowsMet: number,
      status: ComplianceStatus | null,
      lastP: DateKey | null,
      days: number | null,
    ): ComplianceRow => ({
      key,
      areaId: r.areaId,
      name: m.name,
      kind: m.kind,
      parentName: m.parentName,
      townshipId: m.townshipId,
      ruleId,
      required,
      done,
      windows,
      windowsMet,
      status,
      lastPatrol: lastP,
      daysSince: days,
    });
    for (const rc of r.rules)
      rows.push(row(`${r.areaId}|${rc.ruleId}`, rc.ruleId, rc.required, rc.done, rc.windowCount, rc.windowsMet, rc.status, lastPatrol, daysSince));
    if (r.stopNotice)
      rows.push(
        row(
          `${r.areaId}|stop`,
          r.stopNotice.ruleId,
          null,
          null,
          0,
          0,
          r.stopNotice.status,
          r.stopNotice.lastFollowUp ?? lastPatrol,
          r.stopNotice.daysSince,
        ),
      );
    for (const id of r.unknownRuleIds) rows.push(row(`${r.areaId}|?${id}`, id, null, null, 0, 0, null, lastPatrol, daysSince));
    if (r.rules.length === 0 && !r.stopNotice && r.unknownRuleIds.length === 0)
      rows.push(row(`${r.areaId}|-`, null, null, null, 0, 0, null, lastPatrol, daysSince));
  }
  return rows;
}

export const SORT_KEYS = ['name', 'kind', 'parentName', 'rule', 'required', 'done', 'status', 'lastPatrol', 'daysSince'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface RowSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const SEVERITY: Record<ComplianceStatus, number> = { done: 0, open: 1, dueSoon: 2, overdue: 3 };
const KIND_ORDER: Record<AreaKind, number> = { county: 0, township: 1, village: 2, cell: 3, patrolArea: 4 };
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Click a column: sorted by it ascending, again descending (status and days since start worst-first). */
export function nextSort(current: RowSort | null, key: SortKey): RowSort {
  if (current?.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'status' || key === 'daysSince' ? 'desc' : 'asc' };
}

/**
 * Rows sorted by one column; rows without a value (no rule, never patrolled) go last either way, ties in the order
 * given (the grid's order; the sort is stable), so the order is the same on every run. Text compares as a Chinese
 * reader orders it, numbers by value. `ruleLabel` names a rule as the table shows it.
 */
export function sortRows(rows: readonly ComplianceRow[], sort: RowSort, ruleLabel: (id: string | null) => string): ComplianceRow[] {
  const value = (r: ComplianceRow): number | string | null => {
    switch (sort.key) {
      case 'name':
        return r.name;
      case 'kind':
        return KIND_ORDER[r.kind];
      case 'parentName':
        return r.parentName;
      case 'rule':
        return r.ruleId === null ? null : ruleLabel(r.ruleId);
      case 'required':
        return r.required;
      case 'done':
        return r.done;
      case 'status':
        return r.status === null ? null : SEVERITY[r.status];
      case 'lastPatrol':
        return r.lastPatrol;
      case 'daysSince':
        return r.daysSince;
    }
  };
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((r, i) => ({ r, i, v: value(r) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) {
      if (a.v !== b.v) return a.v === null ? 1 : -1;
    } else if (a.v !== b.v) {
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      if (c !== 0) return c * sign;
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.r);
}

/** The rows of one township (its own rows, its villages', cells' and patrol areas'); all rows for null. */
export const filterRows = (rows: readonly ComplianceRow[], townshipId: string | null): ComplianceRow[] =>
  townshipId === null ? [...rows] : rows.filter((r) => r.townshipId === townshipId);

/** How many rows of each status (the legend's counts, the panel's summary); `none` = no rule. */
export function statusCounts(results: readonly Pick<AreaCompliance, 'status'>[]): Record<ComplianceStatus | 'none', number> {
  const out = { done: 0, open: 0, dueSoon: 0, overdue: 0, none: 0 };
  for (const r of results) out[r.status ?? 'none']++;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The map

/**
 * The colours: done green, open blue-grey (a window still running), dueSoon amber, overdue red; an area with no
 * rule is drawn as an outline only. Chosen so red/green differ in lightness too (a red-green colour-blind officer
 * still tells overdue from done), and so the grid's orange/purple outlines stay readable over them.
 */
export const STATUS_STYLE: Record<ComplianceStatus | 'none', { fill: string | null; opacity: number; line: string }> = {
  done: { fill: '#2e9e44', opacity: 0.6, line: '#1e7a32' },
  open: { fill: '#7f9cb8', opacity: 0.6, line: '#56728f' },
  dueSoon: { fill: '#f2a516', opacity: 0.65, line: '#c27c00' },
  // More opaque: over the yellow farmland a half-opaque red reads as orange, too close to dueSoon's amber.
  overdue: { fill: '#d63a2f', opacity: 0.75, line: '#a3231a' },
  none: { fill: null, opacity: 0, line: '#8a8f98' },
};

export const LEGEND_ORDER: readonly (ComplianceStatus | 'none')[] = ['done', 'open', 'dueSoon', 'overdue', 'none'];

export interface LegendEntry {
  status: ComplianceStatus | 'none';
  fill: string | null;
  opacity: number;
  line: string;
  count: number;
}

export const legendEntries = (counts: Record<ComplianceStatus | 'none', number>): LegendEntry[] =>
  LEGEND_ORDER.map((status) => ({ status, ...STATUS_STYLE[status], count: counts[status] }));

/** '#rrggbb' and an opacity → 'rgba(r,g,b,a)' (a fill's opacity carried by its colour, one colour per status). */
export function rgba(hex: string, opacity: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${opacity})`;
}

const STATUSES: readonly ComplianceStatus[] = ['done', 'open', 'dueSoon', 'overdue'];

/**
 * The map's colours by each feature's `status` (renderer/map ColorBy): one source and one fill layer for every status
 * instead of a layer and a source per status (13 style layers and 9 sources were 4; fewer for maplibre to sort,
 * tile and draw on every frame of a pan).
 */
export const STATUS_FILL_BY: ColorBy = {
  property: 'status',
  colors: Object.fromEntries(STATUSES.map((s) => [s, rgba(STATUS_STYLE[s].fill!, STATUS_STYLE[s].opacity)])),
  fallback: 'rgba(0,0,0,0)',
};
export const STATUS_LINE_BY: ColorBy = {
  property: 'status',
  colors: Object.fromEntries(STATUSES.map((s) => [s, STATUS_STYLE[s].line])),
  fallback: STATUS_STYLE.none.line,
};

export interface ComplianceMapData {
  /**
   * Filled: cells, patrol areas and villages/townships without children drawn, by their own worst status (the
   * `status` property), the worse drawn later (on top where a patrol area overlaps a cell).
   */
  fills: FeatureCollection;
  /** Outlined: areas with children (villages), by the worst of themselves and everything below them (`status`). */
  rollups: FeatureCollection;
  /** Outline only: areas with no rule (and nothing below them with one). */
  none: FeatureCollection;
}

const emptyFc = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });
type MapFeature = FeatureCollection['features'][number];
/** Features grouped done → overdue (a stable order within each status). */
const worstLast = (groups: Record<ComplianceStatus, MapFeature[]>): FeatureCollection => ({
  type: 'FeatureCollection',
  features: STATUSES.flatMap((s) => groups[s]),
});
const byStatus = (): Record<ComplianceStatus, MapFeature[]> => ({ done: [], open: [], dueSoon: [], overdue: [] });

/**
 * The map's layers' data. A county or township is never filled (its cells would be covered twice); a village with
 * cells gets a thick outline in its rolled-up status; what has no rule is outlined in grey.
 */
export function complianceMapData(
  results: readonly Pick<AreaCompliance, 'areaId' | 'status'>[],
  meta: ReadonlyMap<string, AreaMeta>,
): ComplianceMapData {
  const fills = byStatus();
  const rollups = byStatus();
  const none = emptyFc();
  const rolled = new Map<string, ComplianceStatus | null>();
  for (const r of results) {
    let id: string | null = r.areaId;
    for (let guard = 0; id !== null && guard < 8; guard++) {
      rolled.set(id, worseStatus(rolled.get(id) ?? null, r.status));
      id = meta.get(id)?.parentId ?? null;
    }
  }
  results.forEach((r, fid) => {
    const m = meta.get(r.areaId);
    if (!m?.geometry || m.kind === 'county') return;
    const feature = (status: ComplianceStatus | null): MapFeature => ({
      type: 'Feature',
      id: fid,
      geometry: m.geometry!,
      properties: { fid, id: m.id, name: m.name, status },
    });
    if (m.hasChildren) {
      const s = rolled.get(m.id) ?? null;
      if (s && m.kind !== 'township') rollups[s].push(feature(s));
      return;
    }
    if (r.status) fills[r.status].push(feature(r.status));
    else none.features.push(feature(null));
  });
  return { fills: worstLast(fills), rollups: worstLast(rollups), none };
}

/** The box to fit the map to for an area (null when it has no boundary). */
export const areaBbox = (m: AreaMeta | undefined): Bbox | null => (m?.geometry ? geometriesBbox([m.geometry]) : null);
