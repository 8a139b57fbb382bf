import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea, type NewGridArea } from '../../../shared/domain/grid/area-record';
import type { DateKey } from '../../../shared/domain/patrol/calendar';
import { computeCompliance, type CompliancePatrol } from '../../../shared/domain/patrol/compliance';
import { DEFAULT_RULES } from '../../../shared/domain/patrol/rule';
import {
  complianceAreasOf,
  complianceMapData,
  complianceRows,
  filterRows,
  lastPatrolDays,
  legendEntries,
  nextSort,
  officerRolesOf,
  periodOf,
  sortRows,
  rgba,
  STATUS_FILL_BY,
  STATUS_LINE_BY,
  STATUS_STYLE,
  statusCounts,
  stopNotices,
  summarizeCompliance,
  todayInChina,
  type ComplianceRow,
} from './compliance.logic';
import { chartWeeks, isoWeekOf, townshipAreaIds, weeklyBins, weeklyRequirement } from './compliance-chart.logic';

const d = (s: string) => s as DateKey;
const edit = { at: 1_700_000_000_000, by: 'test' };
function area(init: NewGridArea): GridArea {
  const r = createGridArea(init, edit);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
const square = (x: number, y: number, s = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
});
const person = (name: string, role: string, cert = '') => ({ name, role, lawEnforcementCertNo: cert, phone: '' });

const county = area({ id: 'k', level: 'county', name: '历城区', people: [person('赵局', '负责人', 'L-1'), person('钱队', '执法监察员', 'C-1')] });
const town = area({
  id: 't',
  level: 'township',
  name: '石桥镇',
  parentId: 'k',
  geometry: square(117, 34, 0.05),
  people: [person('王芳', '网格员', 'T-1')],
});
const town2 = area({ id: 't2', level: 'township', name: '柳河镇', parentId: 'k', geometry: square(117.1, 34, 0.05) });
const village = area({ id: 'v', level: 'village', name: '青石村', parentId: 't', geometry: square(117, 34, 0.02) });
const week = DEFAULT_RULES[0]!.id; // 国土所 每周 ≥ 2
const cells = [1, 2, 3].map((i) =>
  area({
    id: `c${i}`,
    level: 'cell',
    name: `青石村-0${i}`,
    parentId: 'v',
    geometry: square(117 + i * 0.005, 34, 0.005),
    ruleIds: i < 3 ? [week] : [],
  }),
);
const grid = [county, town, town2, village, ...cells];

// China time: 2026-11-30 is a Monday; 08:00 China = 00:00 UTC.
const at = (day: string, hourChina = 10) => Date.parse(`${day}T00:00:00Z`) + (hourChina - 8) * 3_600_000;
const patrol = (day: string, areaIds: string[], cert = 'T-1', hour = 10): CompliancePatrol => ({
  startedAt: at(day, hour),
  areaIds,
  officers: [{ name: '王芳', certNo: cert }],
  deletedAt: null,
});

describe('complianceAreasOf (the adapter)', () => {
  const site = {
    id: 'p1',
    name: '某厂违建现场',
    kind: 'stopNoticeSite',
    parentId: 'v',
    ruleIds: ['default.stop-notice-follow-up'],
    stopNotice: { noticeDate: d('2026-11-20') },
  };
  const park = { id: 'p2', name: '工业园', kind: 'keyArea', parentId: 't2', ruleIds: ['default.key-area-weekly'], geometry: square(117.1, 34) };
  const { areas, meta } = complianceAreasOf(grid, [site, park, { ...site, name: 'again' }]);

  it('takes grid areas with their rules, then patrol areas with their stop notice, each id once', () => {
    expect(areas.map((a) => a.id)).toEqual(['k', 't', 't2', 'v', 'c1', 'c2', 'c3', 'p1', 'p2']);
    expect(areas.find((a) => a.id === 'c1')!.ruleIds).toEqual([week]);
    expect(areas.find((a) => a.id === 'p1')!.stopNotice).toEqual({ noticeDate: '2026-11-20', closedDate: null });
    expect(areas.find((a) => a.id === 'c1')!.stopNotice).toBeUndefined();
    expect(meta.get('p1')!.name).toBe('某厂违建现场');
  });

  it('finds each area’s township, parent name and whether it has children', () => {
    expect(meta.get('c2')).toMatchObject({ townshipId: 't', parentName: '青石村', kind: 'cell', hasChildren: false });
    expect(meta.get('v')).toMatchObject({ townshipId: 't', hasChildren: true });
    expect(meta.get('t')!.townshipId).toBe('t');
    expect(meta.get('k')!.townshipId).toBeNull();
    expect(meta.get('p1')).toMatchObject({ townshipId: 't', kind: 'patrolArea', patrolAreaKind: 'stopNoticeSite', parentName: '青石村' });
    expect(meta.get('p2')!.townshipId).toBe('t2');
  });

  it('feeds computeCompliance: the stop-notice site is followed up, the park judged weekly', () => {
    const results = computeCompliance({
      from: d('2026-11-30'),
      to: d('2026-12-06'),
      asOf: d('2026-12-01'),
      areas,
      rules: DEFAULT_RULES,
      patrols: [patrol('2026-11-30', ['p1'])],
      roleOf: officerRolesOf(grid),
    });
    const p1 = results.find((r) => r.areaId === 'p1')!;
    expect(p1.stopNotice).toMatchObject({ lastFollowUp: '2026-11-30', daysSince: 1, overdue: false });
    expect(stopNotices(summarizeCompliance(results)).map((s) => s.areaId)).toEqual(['p1']);
    expect(results.find((r) => r.areaId === 'p2')!.rules[0]!.required).toBe(3);
  });
});

describe('officerRolesOf', () => {
  const roleOf = officerRolesOf(grid);
  it('county people are the brigade, its 负责人 a leader; township and below the township office', () => {
    expect(roleOf({ name: '钱队', certNo: 'C-1' })).toBe('county');
    expect(roleOf({ name: '赵局', certNo: 'L-1' })).toBe('leader');
    expect(roleOf({ name: '王芳', certNo: 'T-1' })).toBe('township');
  });
  it('matches by name when the patrol has no certificate number; unknown officers hold no role', () => {
    expect(roleOf({ name: '王芳', certNo: '' })).toBe('township');
    expect(roleOf({ name: '路人', certNo: 'X-9' })).toBeNull();
  });
  it('someone named on the county and on a cell keeps the higher role', () => {
    const both = [
      county,
      area({ id: 'c9', level: 'cell', name: 'x', parentId: 'v', geometry: square(117, 34), people: [person('钱队', '网格员', 'C-1')] }),
    ];
    expect(officerRolesOf(both)({ name: '钱队', certNo: 'C-1' })).toBe('county');
  });
});

describe('periodOf', () => {
  it('this week / month / quarter / year as of a day', () => {
    expect(periodOf('week', d('2026-12-01'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodOf('month', d('2026-02-10'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('quarter', d('2026-08-15'))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodOf('year', d('2026-08-15'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('custom: swapped when backwards, null with a day missing', () => {
    expect(periodOf('custom', d('2026-12-01'), { from: d('2026-03-05'), to: d('2026-01-02') })).toEqual({ from: '2026-01-02', to: '2026-03-05' });
    expect(periodOf('custom', d('2026-12-01'), { from: d('2026-03-05'), to: null })).toBeNull();
  });
  it('today is China’s day: 2026-11-30 17:00 UTC is already 1 December in China', () => {
    expect(todayInChina(Date.parse('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
    expect(todayInChina(Date.parse('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
  });
});

describe('rows, sort and filter', () => {
  const { areas, meta } = complianceAreasOf(grid);
  const patrols = [patrol('2026-11-30', ['c1']), patrol('2026-12-01', ['c1', 'c2']), { ...patrol('2026-12-01', ['c2']), deletedAt: 1 }];
  const results = computeCompliance({
    from: d('2026-11-30'),
    to: d('2026-12-06'),
    asOf: d('2026-12-03'),
    areas,
    rules: DEFAULT_RULES,
    patrols,
    roleOf: officerRolesOf(grid),
  });
  const summaries = summarizeCompliance(results);
  const rows = complianceRows(summaries, meta, lastPatrolDays(patrols, d('2026-12-03')), d('2026-12-03'));

  it('summaries keep every figure and status but the windows themselves', () => {
    const c1 = results.find((r) => r.areaId === 'c1')!;
    const s1 = summaries.find((r) => r.areaId === 'c1')!;
    expect(s1).toEqual({
      areaId: 'c1',
      status: c1.status,
      stopNotice: null,
      unknownRuleIds: [],
      rules: [{ ruleId: week, required: 2, done: 2, windowsMet: 1, status: 'done', windowCount: 1 }],
    });
    expect(JSON.stringify(summaries)).not.toContain('"windows"');
  });
  const row = (id: string) => rows.find((r) => r.areaId === id)!;

  it('one row per area and rule, an area without a rule one row with no status', () => {
    expect(rows).toHaveLength(7);
    expect(row('c1')).toMatchObject({ ruleId: week, required: 2, done: 2, status: 'done', lastPatrol: '2026-12-01', daysSince: 2 });
    // c2: one patrol (the deleted one never counts), the week ends Sunday 6 December: 3 days away → dueSoon.
    expect(row('c2')).toMatchObject({ required: 2, done: 1, status: 'dueSoon', lastPatrol: '2026-12-01' });
    expect(row('c3')).toMatchObject({ ruleId: null, required: null, status: null, lastPatrol: null, daysSince: null });
  });

  const label = (id: string | null) => id ?? '';
  it('sorts by status worst first, rows without a value last either way', () => {
    const s = nextSort(null, 'status');
    expect(s).toEqual({ key: 'status', dir: 'desc' });
    const sorted = sortRows(rows, s, label);
    expect(sorted.slice(0, 2).map((r) => r.areaId)).toEqual(['c2', 'c1']);
    expect(sorted.slice(2).every((r) => r.status === null)).toBe(true);
    const asc = sortRows(rows, nextSort(s, 'status'), label);
    expect(asc.slice(0, 2).map((r) => r.areaId)).toEqual(['c1', 'c2']);
    expect(asc.slice(2).every((r) => r.status === null)).toBe(true);
  });

  it('sorts names as a Chinese reader does and days since numerically', () => {
    const many: ComplianceRow[] = ['村-10', '村-2', '村-1'].map((name, i) => ({ ...row('c1'), key: name, name, daysSince: [5, 30, 1][i]! }));
    expect(sortRows(many, { key: 'name', dir: 'asc' }, label).map((r) => r.name)).toEqual(['村-1', '村-2', '村-10']);
    expect(sortRows(many, { key: 'daysSince', dir: 'desc' }, label).map((r) => r.daysSince)).toEqual([30, 5, 1]);
    expect(sortRows(many, { key: 'daysSince', dir: 'asc' }, label).map((r) => r.daysSince)).toEqual([1, 5, 30]);
  });

  it('filters by township: its own rows and everything in it', () => {
    expect(filterRows(rows, 't').map((r) => r.areaId)).toEqual(['t', 'v', 'c1', 'c2', 'c3']);
    expect(filterRows(rows, 't2').map((r) => r.areaId)).toEqual(['t2']);
    expect(filterRows(rows, null)).toHaveLength(rows.length);
  });

  it('the map: cells filled by status, the village outlined by its worst cell, no-rule areas outline only, legend counts', () => {
    const map = complianceMapData(summaries, meta);
    // One collection each, the status a property the map colours by (worse statuses last: drawn on top).
    expect(map.fills.features.map((f) => [f.properties!.id, f.properties!.status])).toEqual([
      ['c1', 'done'],
      ['c2', 'dueSoon'],
    ]);
    expect(map.rollups.features.map((f) => [f.properties!.id, f.properties!.status])).toEqual([['v', 'dueSoon']]);
    // The county has no boundary, the townships are never filled (their cells would be covered twice).
    expect(map.none.features.map((f) => f.properties!.id)).toEqual(['t2', 'c3']);
    // The map colours by that property: each status's fill at its own opacity, its outline; anything else clear/grey.
    expect(rgba('#2e9e44', 0.6)).toBe('rgba(46,158,68,0.6)');
    expect(STATUS_FILL_BY).toMatchObject({ property: 'status', fallback: 'rgba(0,0,0,0)' });
    expect(STATUS_FILL_BY.colors).toEqual({
      done: rgba(STATUS_STYLE.done.fill!, 0.6),
      open: rgba(STATUS_STYLE.open.fill!, 0.6),
      dueSoon: rgba(STATUS_STYLE.dueSoon.fill!, 0.65),
      overdue: rgba(STATUS_STYLE.overdue.fill!, 0.75),
    });
    expect(STATUS_LINE_BY.colors.overdue).toBe(STATUS_STYLE.overdue.line);
    expect(STATUS_LINE_BY.fallback).toBe(STATUS_STYLE.none.line);
    const legend = legendEntries(statusCounts(summaries));
    expect(legend.map((e) => e.status)).toEqual(['done', 'open', 'dueSoon', 'overdue', 'none']);
    expect(legend.map((e) => e.count)).toEqual([1, 0, 1, 0, 5]);
    expect(legend[0]!.fill).toBe(STATUS_STYLE.done.fill);
    expect(legend[4]!.fill).toBeNull();
  });
});

describe('the weekly chart', () => {
  it('ISO weeks (Monday start; week 1 holds the first Thursday), as python’s isocalendar says', () => {
    expect(isoWeekOf(d('2026-01-01'))).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf(d('2027-01-01'))).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf(d('2024-12-30'))).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf(d('2021-01-03'))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(d('2026-12-01'))).toEqual({ year: 2026, week: 49 });
  });

  it('12 weeks ending with today’s for a short period; the period’s weeks begun by today for a long one', () => {
    const short = chartWeeks({ from: d('2026-11-30'), to: d('2026-12-06') }, d('2026-12-01'));
    expect(short).toHaveLength(12);
    expect(short[11]).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(short[0]!.start).toBe('2026-09-14');
    const year = chartWeeks({ from: d('2026-01-01'), to: d('2026-12-31') }, d('2026-12-01'));
    expect(year[0]!.start).toBe('2025-12-29');
    expect(year[year.length - 1]!.start).toBe('2026-11-30');
    expect(year).toHaveLength(49);
  });

  it('counts each patrol once per week on its China day; deleted and other townships’ patrols are left out', () => {
    const weeks = chartWeeks({ from: d('2026-11-30'), to: d('2026-12-06') }, d('2026-12-01'), 2);
    const ids = townshipAreaIds(complianceAreasOf(grid).meta, 't');
    expect([...ids].sort()).toEqual(['c1', 'c2', 'c3', 't', 'v']);
    const bins = weeklyBins(
      [
        patrol('2026-11-30', ['c1', 'c2', 'c3']), // three cells, one patrol
        patrol('2026-11-30', ['c1'], 'T-1', 1), // Monday 01:00 China = Sunday 17:00 UTC: still this week
        patrol('2026-11-29', ['c1'], 'T-1', 23), // Sunday 23:00 China: last week
        { ...patrol('2026-12-01', ['c1']), deletedAt: 5 },
        patrol('2026-12-01', ['t2']),
      ],
      ids,
      weeks,
    );
    expect(bins.map((b) => [b.start, b.iso.week, b.count])).toEqual([
      ['2026-11-23', 48, 1],
      ['2026-11-30', 49, 2],
    ]);
  });

  it('the required line: the highest weekly minimum of the all-year week rules in the township', () => {
    const { areas } = complianceAreasOf(grid);
    expect(weeklyRequirement(areas, DEFAULT_RULES)).toBe(2);
    expect(
      weeklyRequirement(
        areas.filter((a) => a.id === 'c3'),
        DEFAULT_RULES,
      ),
    ).toBeNull();
  });
});
