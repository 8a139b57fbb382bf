/**
 * The exchange dialogs' pure rules: what "a township" selects, the files' names, a month's patrols, and how a
 * refusal reads in the user's language. The formats themselves are shared/formats/exchange's.
 */
import type { GridArea, GridAreaReason } from '../../../shared/domain/grid/area-record';
import { buildGridTree, descendantsOf, pathLabel } from '../../../shared/domain/grid/tree.logic';
import { depthOfLevel } from '../../../shared/domain/grid/levels';
import type { Patrol } from '../../../shared/domain/patrol/patrol-record';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { MessageKey, Translate } from '../../i18n';
import type { GridFileProblemJson } from './exchange.protocol';

/** The scopes an export offers: every county and township (with its areas below), and "all" (id null). */
export function scopeChoices(areas: readonly GridArea[]): { id: string | null; label: string; count: number }[] {
  const tree = buildGridTree(areas);
  const roots = areas
    .filter((a) => a.level === 'county' || a.level === 'township')
    .sort((a, b) => depthOfLevel(a.level) - depthOfLevel(b.level) || pathLabel(tree, a.id).localeCompare(pathLabel(tree, b.id), 'zh-CN'));
  return [
    { id: null, label: '', count: areas.length },
    ...roots.map((a) => ({ id: a.id as string, label: pathLabel(tree, a.id), count: 1 + descendantsOf(tree, a.id).length })),
  ];
}

/** The areas of a scope, parents before children (null: all of them). */
export function areasOfScope(areas: readonly GridArea[], rootId: string | null): GridArea[] {
  const ordered = (xs: readonly GridArea[]) => [...xs].sort((a, b) => depthOfLevel(a.level) - depthOfLevel(b.level));
  if (rootId === null) return ordered(areas);
  const tree = buildGridTree(areas);
  const root = areas.find((a) => a.id === rootId);
  return root ? ordered([root, ...descendantsOf(tree, rootId)]) : [];
}

/** The GK zone a planar export uses: the scope's top area's (its figures' zone), else the first area with one. */
export const zoneOfScope = (scope: readonly GridArea[]): GkZoneRef | null => scope.find((a) => a.zone)?.zone ?? null;

/** UTC+8 calendar day of an instant (the export's date in the DBF header and the file names). */
export function dayOf(at: number): { year: number; month: number; day: number } {
  const d = new Date(at + 8 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'yyyy-MM' of an instant, in China. */
export const monthOf = (at: number): string => {
  const d = dayOf(at);
  return `${d.year}-${pad(d.month)}`;
};

/** Characters Windows refuses in a file name, replaced. */
const safe = (s: string): string => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || '网格';

/** "网格_石桥镇_20261201" (the scope's name, or the office's for "all"). */
export function gridBaseName(name: string, at: number): string {
  const d = dayOf(at);
  return `网格_${safe(name)}_${d.year}${pad(d.month)}${pad(d.day)}`;
}

export const safeFilePart = safe;

/** The months the patrols fall in, newest first, with this month always offered. */
export function monthChoices(patrols: readonly Patrol[], now: number): string[] {
  return [...new Set([monthOf(now), ...patrols.map((p) => p.date.slice(0, 7))])].sort().reverse();
}

/** A month's patrols ('yyyy-MM'), deleted ones included (the ledger keeps them, with their history). */
export const patrolsOfMonth = (patrols: readonly Patrol[], month: string): Patrol[] => patrols.filter((p) => p.date.startsWith(`${month}-`));

const REASON_KEYS: Record<string, MessageKey> = {
  notJson: 'exchange.reason.notJson',
  notFeatureCollection: 'exchange.reason.notFeatureCollection',
  newerVersion: 'exchange.reason.newerVersion',
  noAreas: 'exchange.reason.noAreas',
  badArea: 'exchange.reason.badArea',
  notShapefile: 'exchange.reason.notShapefile',
  shapefileUnreadable: 'exchange.reason.shapefileUnreadable',
  noCrs: 'exchange.reason.noCrs',
  unknownFile: 'exchange.reason.unknownFile',
  notPatrolMonth: 'exchange.reason.notPatrolMonth',
  badHeader: 'exchange.reason.badHeader',
  hashMismatch: 'exchange.reason.hashMismatch',
  badRecord: 'exchange.reason.badRecord',
  outsideMonth: 'exchange.reason.outsideMonth',
  conflict: 'exchange.reason.conflict',
  invalid: 'exchange.reason.invalid',
};

/** Why one area is not valid, in the grid panel's words where it has them. */
const AREA_REASON_KEYS: Partial<Record<GridAreaReason | 'noLevel' | 'noName' | 'levelMismatch' | 'parentMissing', MessageKey>> = {
  noLevel: 'exchange.reason.noLevel',
  noName: 'exchange.reason.noName',
  missingName: 'grid.reason.missingName',
  badGeometry: 'grid.reason.badGeometry',
  levelMismatch: 'grid.reason.levelMismatch',
  parentMissing: 'grid.reason.parentMissing',
};

/** A file's refusal as one sentence naming the file: "无法导入“x.geojson”：第 3 个区域“青石村”无效：边界不是有效的面". */
export function describeProblem(t: Translate, file: string, p: GridFileProblemJson & { number?: string }): string {
  const why = p.why
    ? AREA_REASON_KEYS[p.why as keyof typeof AREA_REASON_KEYS]
      ? t(AREA_REASON_KEYS[p.why as keyof typeof AREA_REASON_KEYS] as MessageKey)
      : t('grid.reason.other', { reason: p.why })
    : '';
  const key = REASON_KEYS[p.reason] ?? 'exchange.reason.other';
  const reason = t(key, { index: p.index ?? '', name: p.name ?? '', why, detail: p.detail ?? p.reason, number: p.number ?? '' });
  return t('exchange.badFile', { file, reason });
}

/** The names of the fields a conflict differs in. */
export const fieldNames = (t: Translate, fields: readonly string[]): string => fields.map((f) => t(`exchange.field.${f}` as MessageKey)).join('、');

/** "乡镇 1、村 3、网格单元 10": what a list of areas holds, by level (top first). */
export function levelCounts(t: Translate, areas: readonly { level: GridArea['level'] }[]): string {
  const n = new Map<GridArea['level'], number>();
  for (const a of areas) n.set(a.level, (n.get(a.level) ?? 0) + 1);
  return [...n.entries()]
    .sort(([a], [b]) => depthOfLevel(a) - depthOfLevel(b))
    .map(([level, count]) => `${t(`grid.level.${level}` as MessageKey)} ${count}`)
    .join('、');
}
