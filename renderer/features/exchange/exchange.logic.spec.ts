import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea, type NewGridArea } from '../../../shared/domain/grid/area-record';
import { createPatrol } from '../../../shared/domain/patrol/patrol-record';
import { translate } from '../../i18n/i18n.logic';
import type { Translate } from '../../i18n';
import {
  areasOfScope,
  dayOf,
  describeProblem,
  fieldNames,
  levelCounts,
  gridBaseName,
  monthChoices,
  patrolsOfMonth,
  scopeChoices,
  zoneOfScope,
} from './exchange.logic';

const box = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [117, 35],
      [117.01, 35],
      [117.01, 35.01],
      [117, 35.01],
      [117, 35],
    ],
  ],
};
const make = (init: NewGridArea): GridArea => {
  const r = createGridArea(init, { at: 0, by: 't' });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const county = make({ id: 'C', level: 'county', name: '历城区' });
const t1 = make({ id: 'T1', level: 'township', name: '石桥镇', parentId: 'C', geometry: box });
const v1 = make({ id: 'V1', level: 'village', name: '青石村', parentId: 'T1', geometry: box });
const c1 = make({ id: 'X1', level: 'cell', name: '青石村-01', parentId: 'V1', geometry: box });
const t2 = make({ id: 'T2', level: 'township', name: '柳河镇', parentId: 'C' });
const areas = [c1, v1, t2, t1, county];
const zh: Translate = (k, p) => translate('zh-CN', k, p);
const en: Translate = (k, p) => translate('en', k, p);

describe('exchange logic', () => {
  it('scopes: all, then the county and each township with the count of areas below', () => {
    expect(scopeChoices(areas)).toEqual([
      { id: null, label: '', count: 5 },
      { id: 'C', label: '历城区', count: 5 },
      { id: 'T2', label: '历城区 / 柳河镇', count: 1 },
      { id: 'T1', label: '历城区 / 石桥镇', count: 3 },
    ]);
    expect(areasOfScope(areas, 'T1').map((a) => a.id)).toEqual(['T1', 'V1', 'X1']);
    expect(areasOfScope(areas, null).map((a) => a.level)).toEqual(['county', 'township', 'township', 'village', 'cell']);
    expect(zoneOfScope(areasOfScope(areas, 'T1'))).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
  });

  it('names: the day in China (UTC+8), characters Windows refuses replaced', () => {
    const lateUtc = Date.UTC(2026, 10, 30, 17); // 01:00 on 1 December in Beijing
    expect(dayOf(lateUtc)).toEqual({ year: 2026, month: 12, day: 1 });
    expect(gridBaseName('石桥镇', lateUtc)).toBe('网格_石桥镇_20261201');
    expect(gridBaseName('a/b: c', lateUtc)).toBe('网格_a_b_c_20261201');
  });

  it('months: this month always, then the patrols’ months, newest first; a month keeps deleted patrols', () => {
    const p = (id: string, day: string) =>
      createPatrol({ id, number: `XC${day.replaceAll('-', '')}001`, startedAt: Date.parse(`${day}T02:00:00Z`) }, 't', 0);
    const ps = [p('a', '2026-09-03'), p('b', '2026-11-10'), { ...p('c', '2026-11-20'), deletedAt: 1 }];
    expect(monthChoices(ps, Date.UTC(2026, 11, 1, 3))).toEqual(['2026-12', '2026-11', '2026-09']);
    expect(patrolsOfMonth(ps, '2026-11').map((x) => x.id)).toEqual(['b', 'c']);
  });

  it('a refusal names the file and the place, in both languages', () => {
    expect(describeProblem(zh, 'a.geojson', { reason: 'badArea', index: 3, name: '青石村', why: 'badGeometry' })).toBe(
      '无法导入“a.geojson”：第 3 个区域“青石村”无效：边界不是有效的面',
    );
    expect(describeProblem(en, 'm.json', { reason: 'hashMismatch' })).toBe(
      'Cannot import "m.json": the checksum (SHA-256) does not match: the file was changed after it was exported',
    );
    expect(describeProblem(zh, 'x.zip', { reason: 'badArea', index: 1, name: 'x', why: 'codeLevelMismatch' })).toContain(
      '数据不符合要求（codeLevelMismatch）',
    );
    expect(levelCounts(zh, areas)).toBe('县/区 1、乡镇 2、村 1、网格单元 1');
    expect(fieldNames(zh, ['name', 'people', 'geometry'])).toBe('名称、责任人、边界');
  });
});
