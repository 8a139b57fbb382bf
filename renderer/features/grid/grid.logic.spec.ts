import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea, type NewGridArea } from '../../../shared/domain/grid/area-record';
import { areaFiguresOf, gridFeatures, gridRows, labelMinZoom } from './grid.logic';

const edit = { at: 1_700_000_000_000, by: 'test' };
function area(init: NewGridArea): GridArea {
  const r = createGridArea(init, edit);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
// A 0.01° square at 117° E, 34° N (3° zone 39, central meridian 117).
const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

const town = area({ id: 't', level: 'township', name: '杏园镇', geometry: square(117, 34, 0.02) });
const v1 = area({ id: 'v1', level: 'village', name: '乙村', parentId: 't', geometry: square(117, 34) });
const v2 = area({ id: 'v2', level: 'village', name: '甲村', parentId: 't' });
const cells = [1, 2, 3].map((i) => area({ id: `c${i}`, level: 'cell', name: `乙村-0${i}`, parentId: 'v1', geometry: square(117, 34, 0.005) }));

describe('gridRows', () => {
  it('lists the tree depth-first with the cells below each area', () => {
    const rows = gridRows([...cells, v2, v1, town]);
    expect(rows.map((r) => [r.area.id, r.depth, r.cells])).toEqual([
      ['t', 0, 3],
      // Siblings without codes by name in the zh-CN collator's order (甲 jiǎ before 乙 yǐ), not the input order.
      ['v2', 1, 0],
      ['v1', 1, 3],
      ['c1', 2, 1],
      ['c2', 2, 1],
      ['c3', 2, 1],
    ]);
  });
});

describe('gridFeatures', () => {
  it('keeps only areas with a boundary, fid the index in the list', () => {
    const fc = gridFeatures([town, v2, v1]);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { fid: 0, id: 't', name: '杏园镇', level: 'township' },
      { fid: 2, id: 'v1', name: '乙村', level: 'village' },
    ]);
    expect(gridFeatures([town, v1], (a) => a.id === 'v1').features).toHaveLength(1);
  });
});

describe('areaFiguresOf', () => {
  it('gives planar m² in the 3° zone of the centre and 亩 = m² × 0.0015; null without a boundary', () => {
    const f = areaFiguresOf(v1)!;
    expect(f.zone).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    // 0.01° × 0.01° at 34° N: about 1,109 m × 924 m.
    expect(f.planarM2).toBeGreaterThan(1.0e6);
    expect(f.planarM2).toBeLessThan(1.05e6);
    expect(f.mu).toBeCloseTo(f.planarM2 * 0.0015, 6);
    expect(areaFiguresOf(v2)).toBeNull();
  });
});

describe('labelMinZoom', () => {
  const square = (id: string, lng: number, lat: number, metres: number): GridArea =>
    ({
      id,
      level: 'cell',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lng, lat],
            [lng + metres / (111_320 * Math.cos((lat * Math.PI) / 180)), lat],
            [lng + metres / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + metres / 111_320],
            [lng, lat],
          ],
        ],
      },
    }) as unknown as GridArea;
  it('labels cells from the zoom where a typical cell is 100 px wide (maplibre: 78,271.5 m/px at zoom 0 × cos φ)', () => {
    // 500 m at 35°N: log2(78271.517 × cos 35° × 100 / 500) = 13.65 → 13.5; 40 m: 17.3 → 17.5.
    expect(labelMinZoom([square('a', 117, 35, 500), square('b', 117.01, 35, 500), square('c', 117.02, 35, 40)])).toBe(13.5);
    expect(labelMinZoom([square('a', 117, 35, 40), square('b', 117.01, 35, 40)])).toBe(17.5);
    expect(labelMinZoom([])).toBe(10);
    expect(labelMinZoom([square('a', 117, 35, 1e-9)])).toBe(20);
  });
});
