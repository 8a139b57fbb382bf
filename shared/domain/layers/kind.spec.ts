import { describe, expect, it } from 'vitest';
import { defaultStyle, guessLayerKind, LAYER_KINDS } from './kind';
import type { FieldDef } from '../../formats/types';

const f = (...names: string[]): FieldDef[] => names.map((name) => ({ name, type: 'C', length: 50, decimals: 0 }));

describe('guessLayerKind', () => {
  it.each([
    ['永久基本农田.shp', 'permanentFarmland'],
    ['YJJBNTTB.shp', 'permanentFarmland'],
    ['JBNTBHTB.shp', 'permanentFarmland'],
    ['国土空间规划分区.shp', 'planningZone'],
    ['GHFQ.shp', 'planningZone'],
    ['TDYTQ.shp', 'planningZone'],
    ['CZKFBJ.shp', 'planningZone'],
    ['DLTB.shp', 'landClass'],
    ['三调地类图斑.shp', 'landClass'],
    ['2024卫片图斑.shp', 'changePatch'],
    ['WPTB.shp', 'changePatch'],
    ['报批地块.shp', 'approvalSupply'],
    ['GDDK.shp', 'approvalSupply'],
    ['XZQ.shp', 'adminBoundary'],
    ['村界.shp', 'adminBoundary'],
  ] as const)('%s → %s', (name, kind) => expect(guessLayerKind(name, [])).toBe(kind));
  it('falls back to fields', () => {
    expect(guessLayerKind('a.shp', f('YJJBNTTBBH', 'DLBM'))).toBe('permanentFarmland');
    expect(guessLayerKind('a.shp', f('GHFQDM'))).toBe('planningZone');
    expect(guessLayerKind('a.shp', f('BSM', 'TBBH', 'DLBM'))).toBe('landClass');
    expect(guessLayerKind('a.shp', f('JCBH', 'TBLX'))).toBe('changePatch');
    expect(guessLayerKind('a.shp', f('XZQDM', 'XZQMC'))).toBe('adminBoundary');
    expect(guessLayerKind('斑竹村10000.shp', f('GRID_ID', 'DLMC', 'Slope'))).toBe('landClass');
    expect(guessLayerKind('roads.shp', f('NAME'))).toBe('other');
  });
});

describe('defaultStyle', () => {
  it('farmland: yellow fill, red 2 px boundary', () => {
    expect(defaultStyle('permanentFarmland', [])).toMatchObject({
      fill: { type: 'constant', color: '#FFFF00' },
      line: { color: '#FF0000', widthPx: 2 },
    });
  });
  it('land class on DLBM uses 2-character prefixes; on DLMC maps banzhucun names', () => {
    const s = defaultStyle('landClass', f('DLBM', 'DLMC'));
    expect(s.fill).toMatchObject({ type: 'categorical', field: 'DLBM', prefixLength: 2 });
    const m = defaultStyle('landClass', f('DLMC'));
    if (m.fill?.type !== 'categorical') throw new Error();
    for (const name of [
      '旱地',
      '水田',
      '果园',
      '有林地',
      '村庄',
      '坑塘水面',
      '水库水面',
      '河流水面',
      '其他草地',
      '设施农用地',
      '建制镇',
      '其他园地',
      '水工建筑用地',
    ]) {
      expect(m.fill.stops.some((s) => s.value === name)).toBe(true);
    }
  });
  it('every kind has a style; admin boundary dashed without fill', () => {
    for (const k of LAYER_KINDS) expect(defaultStyle(k, [])).toBeTruthy();
    expect(defaultStyle('adminBoundary', [])).toMatchObject({ fill: null, line: { dash: [4, 2] } });
  });
});

describe("label fields keep the DBF's own spelling", () => {
  it('labels by the field as it is named in the file, whatever its case', () => {
    const f = (name: string) => ({ name, type: 'C' as const, length: 20, decimals: 0 });
    expect(defaultStyle('changePatch', [f('jcbh'), f('tblx')]).labelField).toBe('jcbh');
    expect(defaultStyle('adminBoundary', [f('Xzqmc')]).labelField).toBe('Xzqmc');
    expect(defaultStyle('changePatch', [f('TBLX')]).labelField).toBeUndefined();
  });
});
