import { describe, expect, it } from 'vitest';
import { amendPatrol, createPatrol, deletePatrol, restoreDeletedPatrol } from '../../../shared/domain/patrol/patrol-record';
import { translate } from '../../i18n';
import { describeValue, historyView, HISTORY_TEXT_CHARS } from './history.logic';
import { officerChoices } from './officers.logic';
import { createGridArea, type GridArea } from '../../../shared/domain/grid/area-record';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
const names: Record<string, string> = { c1: '青石村-01', c2: '青石村-02' };
const areaName = (id: string) => names[id] ?? id;
const at = (iso: string) => Date.parse(iso);

describe('historyView', () => {
  const created = createPatrol(
    { id: 'P1', number: 'XC20260420001', startedAt: at('2026-04-20T00:30:00Z'), officers: [{ name: '王芳', certNo: '' }] },
    '王芳',
    at('2026-04-20T01:20:00Z'),
  );
  const amended = amendPatrol(
    created,
    { areaIds: ['c1', 'c2'], notes: '午后补充', nothingFound: true, endedAt: at('2026-04-20T01:10:00Z') },
    '李强',
    at('2026-04-20T06:00:00Z'),
  );
  const deleted = deletePatrol(amended, '李强', at('2026-04-21T02:00:00Z'));
  const restored = restoreDeletedPatrol(deleted, '王芳', at('2026-04-21T03:00:00Z'));

  it('lists newest first: who, when (Beijing), what kind, each field before → after', () => {
    const v = historyView(restored.history, t, areaName);
    expect(v.map((e) => [e.at, e.by, e.kindLabel])).toEqual([
      ['2026-04-21 11:00', '王芳', '恢复'],
      ['2026-04-21 10:00', '李强', '删除'],
      ['2026-04-20 14:00', '李强', '修改'],
      ['2026-04-20 09:20', '王芳', '创建'],
    ]);
    expect(v[2]!.changes.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual([
      '结束时间：（空） → 2026-04-20 09:10',
      '巡查区域（覆盖）：（空） → 青石村-01、青石村-02',
      '备注：（空） → 午后补充',
      '未发现问题：否 → 是',
    ]);
    expect(v[1]!.changes.map((c) => [c.label, c.before, c.after])).toEqual([['删除时间', '（空）', '2026-04-21 10:00']]);
    expect(v[3]!.changes).toEqual([]);
  });

  it('says it in English too', () => {
    expect(historyView(amended.history, en, areaName)[0]!.changes[3]).toMatchObject({ label: 'Nothing found', before: 'no', after: 'yes' });
  });
});

describe('describeValue', () => {
  it('says routes, sources, attachments, officers and long texts briefly', () => {
    expect(
      describeValue(
        'route',
        [
          [
            [117, 35, null],
            [117.1, 35, null],
          ],
          [[117, 35, 1]],
        ],
        t,
        areaName,
      ),
    ).toBe('2 段 3 点');
    expect(describeValue('routeSource', { kind: 'import', file: 'a.ovkml', format: 'kml', datum: 'gcj02' }, t, areaName)).toBe(
      'a.ovkml（GCJ-02（火星坐标））',
    );
    expect(describeValue('routeSource', { kind: 'drawn' }, t, areaName)).toBe('在地图上绘制');
    expect(
      describeValue(
        'officers',
        [
          { name: '王芳', certNo: '1' },
          { name: '李强', certNo: '' },
        ],
        t,
        areaName,
      ),
    ).toBe('王芳、李强');
    expect(describeValue('attachments', [{ name: '照片.jpg', mime: 'image/jpeg', size: 3, sha256: 'a'.repeat(64) }], t, areaName)).toBe('照片.jpg');
    const long = '甲'.repeat(HISTORY_TEXT_CHARS + 5);
    expect(describeValue('findings', long, t, areaName)).toBe(`${'甲'.repeat(HISTORY_TEXT_CHARS)}…`);
    expect(describeValue('findings', '', t, areaName)).toBe('（空）');
  });
});

describe('officerChoices', () => {
  const mk = (id: string, people: GridArea['people']): GridArea => {
    const r = createGridArea({ id, level: 'village', name: id, people }, { at: 1, by: 'x' });
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  it('offers each responsible person once, certificate holders first, those on the patrol left out', () => {
    const areas = [
      mk('a', [
        { name: '赵六', role: '信息员', lawEnforcementCertNo: '', phone: '' },
        { name: '王芳', role: '执法监察员', lawEnforcementCertNo: '鲁370300123', phone: '' },
      ]),
      mk('b', [
        { name: '王芳', role: '执法监察员', lawEnforcementCertNo: '鲁370300123', phone: '1' },
        { name: '李强', role: '负责人', lawEnforcementCertNo: '鲁370300456', phone: '' },
      ]),
    ];
    expect(officerChoices(areas, []).map((c) => c.label)).toEqual(['李强（鲁370300456）', '王芳（鲁370300123）', '赵六']);
    expect(officerChoices(areas, [{ name: '王芳', certNo: '鲁370300123' }]).map((c) => c.officer.name)).toEqual(['李强', '赵六']);
  });
});
