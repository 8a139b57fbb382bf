/**
 * Hand-made patrols and areas for the report specs: two townships, April 2026 (1 April is a Wednesday; the weeks
 * judged up to Monday 20 April are Mar 30–Apr 5 … Apr 20–26, four of them), one deleted patrol, one in March inside
 * April's first week, one in May. Built through the record factories, as the app stores them.
 */
import { createPatrol, deletePatrol, type NewPatrol, type Patrol } from '../patrol/patrol-record';
import { createPatrolRule, DEFAULT_RULES, type PatrolRule } from '../patrol/rule';
import type { DateKey } from '../patrol/calendar';
import type { ReportArea } from './report-common';

/** Epoch ms of a China-time (UTC+8) wall clock. */
export const cst = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);

export const WEEKLY2: PatrolRule = createPatrolRule({
  id: 'r.weekly2',
  name: '每周巡查不少于 2 次',
  minCount: 2,
  per: 'week',
  by: 'any',
  appliesTo: 'area',
});
export const STOP_RULE = DEFAULT_RULES.find((r) => r.appliesTo === 'stopNoticeSite')!;
export const RULES: readonly PatrolRule[] = [WEEKLY2, STOP_RULE];

export const AREAS: readonly ReportArea[] = [
  { id: 'K', name: '示例县', level: 'county', parentId: null, ruleIds: [] },
  { id: 'T1', name: '青石镇', level: 'township', parentId: 'K', ruleIds: [] },
  { id: 'V1', name: '青石村', level: 'village', parentId: 'T1', ruleIds: [] },
  { id: 'C1', name: '网格1', level: 'cell', parentId: 'V1', ruleIds: ['r.weekly2'] },
  { id: 'C2', name: '网格2', level: 'cell', parentId: 'V1', ruleIds: ['r.weekly2', STOP_RULE.id] },
  { id: 'T2', name: '白马镇', level: 'township', parentId: 'K', ruleIds: [] },
  { id: 'V2', name: '白马村', level: 'village', parentId: 'T2', ruleIds: ['r.weekly2'] },
];

const officer = { name: '张三', certNo: '33010012' };
const helper = { name: '李四', certNo: '' };

const make = (n: number, init: Omit<NewPatrol, 'id' | 'number'>, date: string): Patrol =>
  createPatrol({ id: `p${n}`, number: `XC${date}${String(n).padStart(3, '0')}`, ...init }, '张三', init.startedAt);

/** Two lines: 117°E 30°N north by 0.01° (1108.525 m) and east by 0.01° (964.863 m): pyproj GRS80 Geod, 2073.388 m. */
export const ROUTE_P3: Patrol['route'] = [
  [
    [117, 30, null],
    [117, 30.01, null],
  ],
  [
    [117, 30, null],
    [117.01, 30, null],
  ],
];
export const ROUTE_P3_METRES = 1108.5252676509892 + 964.8628022072563;

export const PATROLS: readonly Patrol[] = [
  make(
    1,
    { startedAt: cst(2026, 4, 1, 9), endedAt: cst(2026, 4, 1, 11, 30), officers: [officer, helper], areaIds: ['C1'], nothingFound: true },
    '20260401',
  ),
  make(
    2,
    {
      startedAt: cst(2026, 4, 2, 22),
      endedAt: cst(2026, 4, 3, 1, 30),
      officers: [officer],
      areaIds: ['C1', 'C2'],
      findings: '青石村3组村民王某未经批准建房，占地约 120 m²',
      measures: '当场制止，下达责令停止违法行为通知书',
      notes: '已拍照',
    },
    '20260402',
  ),
  make(3, { startedAt: cst(2026, 4, 8, 14), endedAt: null, officers: [officer], areaIds: ['V2'], route: ROUTE_P3, nothingFound: true }, '20260408'),
  make(4, { startedAt: cst(2026, 3, 31, 10), endedAt: cst(2026, 3, 31, 11), officers: [officer], areaIds: ['C2'], nothingFound: true }, '20260331'),
  deletePatrol(
    make(5, { startedAt: cst(2026, 4, 9, 10), officers: [officer], areaIds: ['C1'], nothingFound: true }, '20260409'),
    '张三',
    cst(2026, 4, 9, 12),
  ),
  make(6, { startedAt: cst(2026, 5, 1, 0, 30), endedAt: cst(2026, 5, 1, 2), officers: [officer], areaIds: ['C1'], nothingFound: true }, '20260501'),
];

export const TODAY = '2026-04-20' as DateKey;
