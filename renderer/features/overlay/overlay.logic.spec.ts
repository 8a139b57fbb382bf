import { describe, expect, it } from 'vitest';
import type { OverlayResult } from '../../../shared/domain/geometry/overlay';
import { squareMetres, toMu, type AreaFigures } from '../../../shared/domain/units/area';
import { buildOverlayTable, defaultGroupField, defaultIdField, overlayCsv } from './overlay.logic';

const zone = { width: 3 as const, zone: 39, centralMeridian: 117 };
const a = (m2: number): AreaFigures => ({ ellipsoidalM2: squareMetres(m2), planarM2: squareMetres(m2), mu: toMu(squareMetres(m2)), zone });
const result = {
  plots: [
    {
      id: 'WP-1',
      zone,
      area: a(1000),
      overlaps: [
        { layer: '永久基本农田', group: null, area: a(300) },
        { layer: '地类', group: '水田', area: a(600) },
        { layer: '地类', group: '旱地', area: a(400) },
      ],
      uncovered: a(0),
      byLayer: [
        { layer: '永久基本农田', covered: a(300), uncovered: a(700), checkDiffM2: 0 },
        { layer: '地类', covered: a(1000), uncovered: a(0), checkDiffM2: 0 },
      ],
    },
  ],
} as unknown as OverlayResult;
const labels = { plot: '图斑编号', total: '总面积', uncovered: '其他/未覆盖', occupied: (l: string) => `占${l}` };
const layers = [
  { layerId: 'a', name: '永久基本农田', groupField: null },
  { layerId: 'b', name: '地类', groupField: 'DLMC' },
];

describe('overlay table', () => {
  const t = buildOverlayTable(result, layers, labels);
  it('has a block per layer that adds up to the plot total', () => {
    expect(t.columns.map((c) => c.label)).toEqual(['图斑编号', '总面积', '占永久基本农田', '永久基本农田·其他/未覆盖', '地类·旱地', '地类·水田', '地类·其他/未覆盖']);
    const [total, farm, farmRest, dry, paddy, rest] = t.rows[0]!.cells.map((c) => c[0]);
    expect(farm! + farmRest!).toBe(total);
    expect(dry! + paddy! + rest!).toBe(total);
  });
  it('writes CSV with a UTF-8 BOM and 亩 beside m²', () => {
    const bytes = overlayCsv(t, { m2: 'm²', mu: '亩' });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[1]).toBe('WP-1,1000.00,1.5000,300.00,0.4500,700.00,1.0500,400.00,0.6000,600.00,0.9000,0.00,0.0000');
    expect(text).toContain('总面积(m²),总面积(亩)');
  });
  it('picks sensible default fields', () => {
    const f = (n: string) => ({ name: n, type: 'C' as const, length: 10, decimals: 0 });
    expect(defaultGroupField('landClass', [f('BSM'), f('DLBM'), f('DLMC')])).toBe('DLMC');
    expect(defaultGroupField('permanentFarmland', [f('DLMC')])).toBeNull();
    expect(defaultIdField([f('OBJECTID'), f('JCBH')])).toBe('JCBH');
  });
});
