import { describe, expect, it } from 'vitest';
import type { OverlayResult } from '../../../shared/domain/geometry/overlay';
import { squareMetres, toMu, type AreaFigures } from '../../../shared/domain/units/area';
import { TABLE_DIGITS } from '../../../shared/domain/geometry/overlay-table';
import { PRINT_DIGITS } from '../../../shared/domain/units/format';
import { translate } from '../../i18n/i18n.logic';
import {
  buildOverlayTable,
  defaultGroupField,
  defaultIdField,
  overlayCsv,
  overlaySheet,
  overlaySheetLabels,
  overlayWorkbook,
  xlsxCell,
} from './overlay.logic';

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
      complete: false,
      unusable: [3, 9, 11, 12, 40, 41].map((fid) => ({ layer: '地类', fid, message: 'm' })),
      repaired: [
        { layer: '永久基本农田', fid: 7 },
        { layer: null, fid: 0 },
      ],
      byLayer: [
        { layer: '永久基本农田', covered: a(300), uncovered: a(700), checkDiffM2: 0 },
        { layer: '地类', covered: a(1000), uncovered: a(0), checkDiffM2: 0 },
      ],
    },
  ],
} as unknown as OverlayResult;
const labels = {
  plot: '图斑编号',
  total: '总面积',
  uncovered: '其他/未覆盖',
  occupied: (l: string) => `占${l}`,
  unusable: (l: string, n: number, f: string) => `${l}：${n} 个不可用（${f}）`,
  repaired: (l: string, n: number, f: string) => `${l}：${n} 个已修复（${f}）`,
  plotRepaired: '图斑已修复',
  plotUnusable: (r: string) => `图斑无法计算（${r}）`,
  groupUnusable: (l: string, g: string) => `${l}：分组${g}无法计算`,
};
const sheetLabels = overlaySheetLabels((k, p) => translate('zh-CN', k, p));
const layers = [
  { layerId: 'a', name: '永久基本农田', groupField: null },
  { layerId: 'b', name: '地类', groupField: 'DLMC' },
];

describe('overlay table', () => {
  const t = buildOverlayTable(result, layers, labels);
  it('has a block per layer that adds up to the plot total', () => {
    expect(t.columns.map((c) => c.label)).toEqual([
      '图斑编号',
      '总面积',
      '占永久基本农田',
      '永久基本农田·其他/未覆盖',
      '地类·旱地',
      '地类·水田',
      '地类·其他/未覆盖',
    ]);
    const [total, farm, farmRest, dry, paddy, rest] = t.rows[0]!.cells.map((c) => c[0]);
    expect(farm! + farmRest!).toBe(total);
    expect(dry! + paddy! + rest!).toBe(total);
  });
  it('prints blocks that add up to the last digit, where rounding each figure alone would not (printedPlot)', () => {
    // 3.334 + 3.333 + 3.343 = 10.01; rounded one by one: 3.33 + 3.33 + 3.34 = 10.00.
    const plot = {
      ...result.plots[0]!,
      area: a(10.01),
      overlaps: [
        { layer: '地类', group: '旱地', area: a(3.334) },
        { layer: '地类', group: '水田', area: a(3.333) },
      ],
      byLayer: [{ layer: '地类', covered: a(6.667), uncovered: a(3.343), complete: true }],
      unusable: [],
      repaired: [],
    };
    const r = buildOverlayTable({ plots: [plot] } as unknown as OverlayResult, [layers[1]!], labels);
    const [total, dry, paddy, rest] = r.rows[0]!.cells.map((c) => c[0]);
    expect([total, dry, paddy, rest]).toEqual([10.01, 3.34, 3.33, 3.34]);
    const mu = r.rows[0]!.cells.map((c) => c[1]);
    expect(mu[0]).toBe(0.015); // 10.01 m² × 0.0015 = 0.015015 亩
    expect(Math.round((mu[1]! + mu[2]! + mu[3]!) * 1e4)).toBe(Math.round(mu[0]! * 1e4));
  });
  it('gives features without a group value (null or empty) one column of their own, apart from 其他/未覆盖', () => {
    const plot = {
      ...result.plots[0]!,
      overlaps: [
        { layer: '地类', group: null, area: a(100) },
        { layer: '地类', group: '', area: a(50) },
        { layer: '地类', group: '水田', area: a(600) },
      ],
      byLayer: [{ layer: '地类', covered: a(750), uncovered: a(250), complete: true }],
      unusable: [],
      repaired: [],
    };
    const r = buildOverlayTable({ plots: [plot] } as unknown as OverlayResult, [layers[1]!], labels);
    expect(r.columns.map((c) => c.label)).toEqual(['图斑编号', '总面积', '地类·—', '地类·水田', '地类·其他/未覆盖']);
    expect(r.rows[0]!.cells.map((c) => c[0])).toEqual([1000, 150, 600, 250]);
  });
  it('notes unusable and repaired features per layer (feature ids, the first five) and a repaired plot', () => {
    expect(t.rows[0]!.notes).toEqual(['地类：6 个不可用（3、9、11、12、40…）', '永久基本农田：1 个已修复（7）', '图斑已修复']);
  });
  it('writes CSV with a UTF-8 BOM, 亩 beside m², the areas labelled and the zone per plot', () => {
    const bytes = overlayCsv(overlaySheet(t, sheetLabels));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[1]).toBe(
      'WP-1,1000.00,1.5000,300.00,0.4500,700.00,1.0500,400.00,0.6000,600.00,0.9000,0.00,0.0000,1000.00,CGCS2000 3° 带 第 39 带,117,地类：6 个不可用（3、9、11、12、40…）；永久基本农田：1 个已修复（7）；图斑已修复',
    );
    expect(text).toContain('总面积(高斯平面 m²),总面积(亩)');
    expect(text.split('\r\n')[0]).toMatch(/,总面积\(椭球面积 m²\),投影分带,中央经线\(°E\),备注$/);
  });
  it('gives the .xlsx the numbers the CSV prints (rounded the same way), formats by kind', () => {
    // 0.125 is a binary tie: toFixed(2) rounds it up, as the CSV prints; the cell must hold 0.13, not 0.125.
    expect(xlsxCell({ kind: 'm2', m2: squareMetres(0.125) })).toBe(0.13);
    expect(xlsxCell({ kind: 'm2', m2: squareMetres(-1e-9) })).toBe(0); // never -0.00
    expect(xlsxCell({ kind: 'mu', mu: toMu(squareMetres(1000)) })).toBe(1.5);
    expect(xlsxCell({ kind: 'text', text: '' })).toBeNull();
    const book = overlayWorkbook(overlaySheet(t, sheetLabels), '叠加分析', new Date(0));
    const cols = book.sheets[0]!.columns;
    expect(cols.map((c) => c.numFmt ?? '')).toEqual([
      '',
      '0.00',
      '0.0000',
      '0.00',
      '0.0000',
      '0.00',
      '0.0000',
      '0.00',
      '0.0000',
      '0.00',
      '0.0000',
      '0.00',
      '0.0000',
      '0.00',
      '',
      '0',
      '',
    ]);
    expect(book.sheets[0]!.rows[0]!.slice(0, 3)).toEqual(['WP-1', 1000, 1.5]);
  });
  it('picks sensible default fields', () => {
    const f = (n: string) => ({ name: n, type: 'C' as const, length: 10, decimals: 0 });
    expect(defaultGroupField('landClass', [f('BSM'), f('DLBM'), f('DLMC')])).toBe('DLMC');
    expect(defaultGroupField('permanentFarmland', [f('DLMC')])).toBeNull();
    expect(defaultIdField([f('OBJECTID'), f('JCBH')])).toBe('JCBH');
  });
});

describe('one precision for the overlay table and the units module', () => {
  it('the engine apportions to the digits the units module prints (else a block would not add up as printed)', () => {
    expect(TABLE_DIGITS).toEqual({ m2: PRINT_DIGITS.m2, mu: PRINT_DIGITS.mu });
  });
});
