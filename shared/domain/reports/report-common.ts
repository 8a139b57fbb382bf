/**
 * What the ledger (巡查台账), the monthly report (月报) and the zero report (零报告) share: the month's patrols, the
 * areas named by their path in the grid (乡镇 › 村 › 单元), times in China time, the officers with their 执法证号, the
 * route's geodesic length.
 *
 * The documents are Chinese forms the office files with the county: their wording is the form's, the same whatever
 * language the app's screen is in (README Decision on report documents), so it lives here as data, not in i18n.
 */
import type { AreaLevel } from '../grid/levels';
import { CHINA_UTC_OFFSET_MINUTES, dateKey, daysInMonth, type DateKey } from '../patrol/calendar';
import { trackLengthMetres } from '../patrol/coverage';
import type { Patrol } from '../patrol/patrol-record';
import { formatMetres } from '../units/format';

/** What the reports need of a grid area. */
export interface ReportArea {
  id: string;
  name: string;
  level: AreaLevel;
  parentId: string | null;
  ruleIds: readonly string[];
}

/** The fields of a patrol the reports print. */
export type ReportPatrol = Pick<
  Patrol,
  | 'id'
  | 'number'
  | 'startedAt'
  | 'endedAt'
  | 'date'
  | 'officers'
  | 'areaIds'
  | 'route'
  | 'findings'
  | 'measures'
  | 'notes'
  | 'suspect'
  | 'opinion'
  | 'review'
  | 'followUp'
  | 'nothingFound'
  | 'deletedAt'
>;

/** The office's name when none is set yet: the title still reads as a land office's form. */
export const UNNAMED_OFFICE = '国土所';

export const officeTitle = (office: string): string => office.trim() || UNNAMED_OFFICE;

/** A month's first and last day. */
export function monthRange(year: number, month: number): { from: DateKey; to: DateKey } {
  return { from: dateKey(year, month, 1), to: dateKey(year, month, daysInMonth(year, month)) };
}

/**
 * The month's patrols in time order: not deleted, on a local day (China time, the record's `date`) in the month.
 * A deleted patrol is never in a report (its record and history stay stored).
 */
export function patrolsOfMonth<P extends ReportPatrol>(patrols: readonly P[], year: number, month: number): P[] {
  const { from, to } = monthRange(year, month);
  return patrols
    .filter((p) => p.deletedAt === null && p.date >= from && p.date <= to)
    .sort((a, b) => a.startedAt - b.startedAt || a.number.localeCompare(b.number));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant in China time (UTC+8, no daylight saving), as parts. */
function chinaParts(epochMs: number) {
  const d = new Date(epochMs + CHINA_UTC_OFFSET_MINUTES * 60_000);
  return {
    day: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

/**
 * 巡查时间 in China time: '2026-04-20 09:00–11:30'; an end on another day gives its date ('2026-04-20 22:00–04-21
 * 01:30'; another year: the full date); an unknown end leaves the range open ('2026-04-20 09:00–').
 */
export function patrolTimeText(startedAt: number, endedAt: number | null): string {
  const s = chinaParts(startedAt);
  const head = `${s.day} ${s.time}–`;
  if (endedAt === null) return head;
  const e = chinaParts(endedAt);
  if (e.day === s.day) return head + e.time;
  return head + (e.day.slice(0, 4) === s.day.slice(0, 4) ? e.day.slice(5) : e.day) + ' ' + e.time;
}

/** 巡查人员（执法证号）: one officer a line, the certificate number in brackets when the officer holds one. */
export const officersText = (officers: Patrol['officers']): string =>
  officers.map((o) => (o.certNo ? `${o.name}（${o.certNo}）` : o.name)).join('\n');

export type AreaIndex = ReadonlyMap<string, ReportArea>;

export const indexAreas = (areas: readonly ReportArea[]): AreaIndex => new Map(areas.map((a) => [a.id, a]));

/** The area and its parents up to the top the office holds, top first (county › township › village › cell). */
export function areaChain(id: string, index: AreaIndex): ReportArea[] {
  const chain: ReportArea[] = [];
  const seen = new Set<string>();
  for (let a = index.get(id); a && !seen.has(a.id); a = a.parentId === null ? undefined : index.get(a.parentId)) {
    seen.add(a.id);
    chain.unshift(a);
  }
  return chain;
}

/** 'township › village › cell' (the county left out: every area of the office is in it); an id no area has is said. */
export function areaPathText(id: string, index: AreaIndex): string {
  const chain = areaChain(id, index).filter((a) => a.level !== 'county');
  if (chain.length === 0) return `（已删除的区域 ${id}）`;
  return chain.map((a) => a.name).join(' › ');
}

/** The township an area lies in (itself when it is one); null above or outside any township. */
export const townshipOf = (id: string, index: AreaIndex): ReportArea | null => areaChain(id, index).find((a) => a.level === 'township') ?? null;

/** The route's geodesic length on CGCS2000 (GeographicLib, as coverage measures it), all its lines together. */
export const routeLengthMetres = (route: Patrol['route']): number => route.reduce((s, line) => s + trackLengthMetres(line), 0);

/** 巡查区域及路线: the areas by their path, one a line, then the route's length in km (or that there is none). */
export function areasAndRouteText(p: Pick<Patrol, 'areaIds' | 'route'>, index: AreaIndex): string {
  const lines = p.areaIds.map((id) => areaPathText(id, index));
  if (lines.length === 0) lines.push('（未关联巡查区域）');
  const metres = routeLengthMetres(p.route);
  lines.push(p.route.length === 0 ? '路线：无轨迹' : `路线：${formatMetres(metres / 1000, { decimals: 2 })} km`);
  return lines.join('\n');
}

/** 巡查基本情况记录: the record's text; a patrol with nothing found and no text says so. */
export const findingsText = (p: Pick<Patrol, 'findings' | 'nothingFound'>): string =>
  p.findings.trim() || (p.nothingFound ? '未发现违法用地行为' : '');

export const PAGE_FOOTER = '第 &P 页，共 &N 页';
