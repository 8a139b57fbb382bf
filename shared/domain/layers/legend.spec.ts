import { describe, expect, it } from 'vitest';
import { defaultStyle, LAND_CLASS_COLOURS, type LayerKind } from './kind';
import { legendItemsOf, legendOf, nameFieldFor, type LegendLayer } from './legend';
import type { FieldDef } from '../../formats/types';

const field = (name: string): FieldDef => ({ name, type: 'C', length: 20, decimals: 0 }) as FieldDef;
const layer = (id: string, kind: LayerKind, fields: string[], extra: Partial<LegendLayer> = {}): LegendLayer => ({
  id,
  name: id,
  kind,
  visible: true,
  opacity: 1,
  style: defaultStyle(kind, fields.map(field)),
  geometryKind: 'polygon',
  ...extra,
});
const labels = { other: '其他' };

describe('legendOf', () => {
  it('lists the 三调 first-level classes of a DLBM land-class layer with the map colours, then 其他', () => {
    const items = legendItemsOf(layer('DLTB', 'landClass', ['DLBM', 'DLMC']), labels);
    expect(items.map((i) => `${i.code ?? ''} ${i.label}`)).toEqual([...LAND_CLASS_COLOURS.map((c) => `${c.code} ${c.label}`), ' 其他']);
    expect(items[0]!.symbol).toEqual({ shape: 'fill', fill: '#FFFF64', fillOpacity: 0.6, stroke: '#808080', strokeWidthPx: 0.5 });
  });

  it('with the values the layer holds: each DLBM code under its DLMC name, coloured by its class; unmatched codes become 其他', () => {
    const present = new Map([
      ['0103', { count: 40, name: '旱地' }],
      ['0101', { count: 12, name: '水田' }],
      ['1101', { count: 3, name: '河流水面' }],
      ['9999', { count: 2, name: '乱码' }],
      ['', { count: 1 }],
    ]);
    const items = legendItemsOf(layer('DLTB', 'landClass', ['DLBM', 'DLMC'], { opacity: 0.5 }), labels, present);
    expect(items.map((i) => [i.code, i.label, i.symbol.fill, i.count])).toEqual([
      ['0101', '水田', '#FFFF64', 12],
      ['0103', '旱地', '#FFFF64', 40],
      ['1101', '河流水面', '#73B2FF', 3],
      [undefined, '其他', '#9E9E9E', 3],
    ]);
    // The layer's opacity dims the legend's swatch as it dims the map.
    expect(items[0]!.symbol.fillOpacity).toBeCloseTo(0.3, 12);
  });

  it('a DLMC-only layer names its values without repeating them as codes', () => {
    const items = legendItemsOf(layer('DLTB', 'landClass', ['DLMC']), labels, new Map([['有林地', { count: 5 }]]));
    expect(items).toEqual([{ label: '有林地', symbol: expect.objectContaining({ fill: '#38A800' }), count: 5 }]);
  });

  it('farmland is one filled swatch with its red boundary; an admin boundary is a dashed line', () => {
    expect(legendItemsOf(layer('永久基本农田', 'permanentFarmland', []), labels)).toEqual([
      { label: '永久基本农田', symbol: { shape: 'fill', fill: '#FFFF00', fillOpacity: 0.5, stroke: '#FF0000', strokeWidthPx: 2 } },
    ]);
    expect(legendItemsOf(layer('行政区', 'adminBoundary', ['XZQMC']), labels)[0]!.symbol).toEqual({
      shape: 'line',
      fill: null,
      fillOpacity: 0,
      stroke: '#404040',
      strokeWidthPx: 1.5,
      dash: [4, 2],
    });
  });

  it('keeps the order given, and leaves out hidden and fully transparent layers', () => {
    const groups = legendOf(
      [
        layer('a', 'changePatch', []),
        layer('b', 'permanentFarmland', [], { visible: false }),
        layer('c', 'other', [], { opacity: 0 }),
        layer('d', 'adminBoundary', []),
      ],
      labels,
    );
    expect(groups.map((g) => g.layerId)).toEqual(['a', 'd']);
  });

  it("finds the naming field in the layer's own spelling", () => {
    expect(nameFieldFor('DLBM', ['dlbm', 'dlmc'])).toBe('dlmc');
    expect(nameFieldFor('dlbm', ['DLBM'])).toBeNull();
    expect(nameFieldFor('TDYTQLXDM', ['TDYTQLXDM', 'TDYTQMC'])).toBe('TDYTQMC');
  });
});

describe('a categorical rule without categories (planning zones by name)', () => {
  const ghfq = layer('国土空间规划分区GHFQ', 'planningZone', ['GHFQDM', 'GHFQMC']);
  it('is the layer itself until its values are known, then each value it holds in the one colour', () => {
    expect(legendItemsOf(ghfq, labels).map((i) => [i.label, i.symbol.fill])).toEqual([['国土空间规划分区GHFQ', '#D7C29E']]);
    const present = new Map([
      ['城镇集中建设区', { count: 2 }],
      ['农田保护区', { count: 3 }],
      ['', { count: 1 }],
    ]);
    expect(legendItemsOf(ghfq, labels, present).map((i) => [i.code, i.label, i.count])).toEqual([
      [undefined, '城镇集中建设区', 2],
      [undefined, '农田保护区', 3],
    ]);
  });
});
