import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadGeometryEngine } from '../geometry/engine/load';
import { makeLngLatToGkEN } from '../crs/transform';
import { planarAreaM2, projectToZone } from '../geometry/area';
import { generateCells, generatedAreas, type CellLayout } from './generate';
import type { AreaGeometry } from './area-geometry';
import { makeSampleTownship } from '../../sample/township';

const engine = await loadGeometryEngine();

// Oracle: scripts/make-grid-oracle.py (GEOS via shapely, PROJ via pyproj, GeographicLib via pyproj.Geod) on a
// made-up village near Jinan with a reservoir hole, zone 39.
interface OracleGrid {
  layout: CellLayout;
  parentPlanarM2: number;
  parentEllipsoidalM2: number;
  sliverM2: number;
  cells: { name: string; row: number; col: number; planarM2: number; ellipsoidalM2: number; mergedSlivers: number }[];
  slivers: { row: number; col: number; planarM2: number; action: string; cell: string }[];
}
const oracle = JSON.parse(readFileSync('tests/oracles/grid.json', 'utf8')) as {
  village: { name: string; rings: Position[][] };
  generate: OracleGrid[];
};
const ZONE = { width: 3 as const, zone: 39, centralMeridian: 117 };
const village = { name: oracle.village.name, geometry: { type: 'Polygon', coordinates: oracle.village.rings } as AreaGeometry, zone: ZONE };

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

describe('generateCells against GEOS (shapely) on a village with a hole', () => {
  it.each(oracle.generate.map((g) => [g.layout.kind, g] as const))('%s cells: the same cells, names and slivers; Σ cells = parent', (_kind, ref) => {
    const r = generateCells(engine, village, { layout: ref.layout });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const grid = r.value;
    expect(rel(grid.parentArea.planarM2, ref.parentPlanarM2)).toBeLessThan(1e-9);
    // Ellipsoidal: area.ts's fast path is within ~2e-9 of GeographicLib for edges of a few hundred metres (Decision 3).
    expect(rel(grid.parentArea.ellipsoidalM2, ref.parentEllipsoidalM2)).toBeLessThan(1e-8);
    expect(grid.sliverM2).toBeCloseTo(ref.sliverM2, 6);
    expect(grid.cells.map((c) => [c.name, c.row, c.col, c.mergedSlivers])).toEqual(ref.cells.map((c) => [c.name, c.row, c.col, c.mergedSlivers]));
    grid.cells.forEach((c, i) => {
      const want = ref.cells[i]!;
      expect(Math.abs(c.area.planarM2 - want.planarM2), c.name).toBeLessThan(1e-6 * want.planarM2 + 1e-3);
      expect(Math.abs(c.area.ellipsoidalM2 - want.ellipsoidalM2), c.name).toBeLessThan(1e-6 * want.ellipsoidalM2 + 1e-3);
      expect(c.area.mu).toBeCloseTo(c.area.planarM2 * 0.0015, 9);
      expect(c.area.zone).toEqual(ZONE);
    });
    expect(grid.slivers.map((s) => [s.row, s.col, s.action, s.cell])).toEqual(ref.slivers.map((s) => [s.row, s.col, s.action, s.cell]));
    grid.slivers.forEach((s, i) => expect(rel(s.area.planarM2, ref.slivers[i]!.planarM2)).toBeLessThan(1e-6));
    // The cells cover the parent: Σ cells = parent, planar and ellipsoidal, within 1e-6 relative (the test).
    expect(rel(grid.cellsPlanarM2, grid.parentArea.planarM2)).toBeLessThan(1e-6);
    expect(rel(sum(grid.cells.map((c) => c.area.planarM2)), ref.parentPlanarM2)).toBeLessThan(1e-6);
    expect(rel(sum(grid.cells.map((c) => c.area.ellipsoidalM2)), ref.parentEllipsoidalM2)).toBeLessThan(1e-6);
    expect(grid.droppedPlanarM2).toBe(0);
  });

  it('square cells are 500 m squares where the village is whole, and the lattice starts at its north-west corner', () => {
    const r = generateCells(engine, village, { layout: { kind: 'square', sizeMetres: 500 } });
    if (!r.ok) throw new Error(r.reason);
    const full = r.value.cells.filter((c) => Math.abs(c.area.planarM2 - 250_000) < 1e-3);
    expect(full.length).toBeGreaterThan(2);
    const toGk = makeLngLatToGkEN(ZONE, false);
    const gk = village.geometry.coordinates[0]!.map((p) => toGk(p[0] as number, p[1] as number));
    const minX = Math.min(...gk.map((p) => p[0]!));
    const maxY = Math.max(...gk.map((p) => p[1]!));
    for (const c of full) {
      const ring = (c.geometry.type === 'Polygon' ? c.geometry.coordinates[0]! : c.geometry.coordinates[0]![0]!).map((p) =>
        toGk(p[0] as number, p[1] as number),
      );
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      expect(Math.min(...xs) - minX).toBeCloseTo(c.col * 500, 4);
      expect(maxY - Math.max(...ys)).toBeCloseTo(c.row * 500, 4);
    }
    // Outer rings counter-clockwise (RFC 7946), as every stored boundary.
    for (const c of r.value.cells) {
      const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
      for (const poly of polys) expect(planarAreaM2(projectToZone({ type: 'Polygon', coordinates: [poly[0]!] }, ZONE))).toBeGreaterThan(0);
    }
  });
});

describe('generateCells: slivers, names, limits', () => {
  it('drops slivers when asked, and says so: cells + dropped = parent', () => {
    const r = generateCells(engine, village, { layout: { kind: 'square', sizeMetres: 500 }, slivers: 'drop' });
    if (!r.ok) throw new Error(r.reason);
    const ref = oracle.generate[0]!;
    expect(r.value.cells).toHaveLength(ref.cells.length);
    expect(r.value.slivers.map((s) => s.action)).toEqual(['dropped']);
    expect(r.value.droppedPlanarM2).toBeCloseTo(ref.slivers[0]!.planarM2, 3);
    expect(rel(r.value.cellsPlanarM2 + r.value.droppedPlanarM2, ref.parentPlanarM2)).toBeLessThan(1e-9);
  });

  it('a higher sliver threshold merges more pieces, and every merged cell keeps the total', () => {
    const r = generateCells(engine, village, { layout: { kind: 'square', sizeMetres: 500 }, sliverM2: 60_000 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.slivers.length).toBeGreaterThan(1);
    expect(r.value.slivers.every((s) => s.action === 'merged' && s.area.planarM2 < 60_000)).toBe(true);
    expect(sum(r.value.cells.map((c) => c.mergedSlivers))).toBe(r.value.slivers.length);
    expect(rel(r.value.cellsPlanarM2, oracle.generate[0]!.parentPlanarM2)).toBeLessThan(1e-9);
  });

  it('continues the numbering after the names taken', () => {
    const r = generateCells(engine, village, { layout: { kind: 'rowsCols', rows: 1, cols: 2 }, takenNames: ['杏园村-01', '杏园村-07'] });
    expect(r.ok && r.value.cells.map((c) => c.name)).toEqual(['杏园村-08', '杏园村-09']);
  });

  it('a parent smaller than one sliver is one cell of itself', () => {
    const r = generateCells(engine, village, { layout: { kind: 'square', sizeMetres: 20_000 } });
    expect(r.ok && r.value.cells.length).toBe(1);
    expect(r.ok && r.value.slivers).toEqual([]);
    expect(r.ok && rel(r.value.cells[0]!.area.planarM2, oracle.generate[0]!.parentPlanarM2)).toBeLessThan(1e-9);
  });

  it('repairs a bowtie parent the MakeValid way (both lobes get cells) and says so', () => {
    const bow = {
      name: '蝴蝶村',
      zone: ZONE,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [117.1, 36.6],
            [117.11, 36.61],
            [117.11, 36.6],
            [117.1, 36.61],
            [117.1, 36.6],
          ],
        ],
      } as AreaGeometry,
    };
    const r = generateCells(engine, bow, { layout: { kind: 'rowsCols', rows: 2, cols: 2 } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.parentRepaired).toBe(true);
    expect(r.value.cells).toHaveLength(4);
    expect(rel(r.value.cellsPlanarM2, r.value.parentArea.planarM2)).toBeLessThan(1e-9);
  });

  it.each([
    ['no boundary', { ...village, geometry: null }, { kind: 'square', sizeMetres: 500 }, 'noBoundary'],
    ['a zero size', village, { kind: 'square', sizeMetres: 0 }, 'badLayout'],
    ['half a row', village, { kind: 'rowsCols', rows: 1.5, cols: 2 }, 'badLayout'],
    ['a negative hexagon', village, { kind: 'hex', sizeMetres: -400 }, 'badLayout'],
    ['a 5 m grid over the village', village, { kind: 'square', sizeMetres: 5 }, 'tooManyCells'],
    [
      'a boundary with no area',
      {
        ...village,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [117.1, 36.6],
              [117.11, 36.61],
              [117.1, 36.6],
              [117.1, 36.6],
            ],
          ],
        },
      },
      { kind: 'square', sizeMetres: 500 },
      'emptyBoundary',
    ],
  ] as const)('refuses %s', (_what, parent, layout, reason) => {
    expect(generateCells(engine, parent as typeof village, { layout: layout as CellLayout })).toMatchObject({ ok: false, reason });
  });
});

describe('generateCells on the sample township', () => {
  it('never makes a cell of the dust GEOS leaves where a village corner touches a lattice line', () => {
    const villages = makeSampleTownship().find((l) => l.name === '行政区XZQ')!;
    for (const f of villages.features) {
      const name = String(f.properties.XZQMC);
      const r = generateCells(engine, { name, geometry: f.geometry as AreaGeometry, zone: null }, { layout: { kind: 'square', sizeMetres: 500 } });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      for (const c of r.value.cells) {
        expect(c.area.planarM2, c.name).toBeGreaterThan(1);
        const ring = (c.geometry.type === 'Polygon' ? c.geometry.coordinates[0] : c.geometry.coordinates[0]![0])!;
        expect(new Set(ring.map((p) => p.join(','))).size, c.name).toBeGreaterThanOrEqual(3);
      }
      expect(Math.abs(r.value.cellsPlanarM2 - r.value.parentArea.planarM2)).toBeLessThan(1e-3);
    }
  });
});

describe('generatedAreas', () => {
  it("makes one area a level below the parent per cell, in the grid's zone, opened as generated", () => {
    const g = generateCells(engine, village, { layout: { kind: 'rowsCols', rows: 2, cols: 2 } });
    if (!g.ok) throw new Error(g.reason);
    let n = 0;
    const r = generatedAreas({ id: 'V1', level: 'village' }, g.value, { newId: () => `C${++n}`, edit: { at: 5, by: '李晓燕' } });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.map((a) => [a.id, a.level, a.parentId, a.name])).toEqual([
      ['C1', 'cell', 'V1', '杏园村-01'],
      ['C2', 'cell', 'V1', '杏园村-02'],
      ['C3', 'cell', 'V1', '杏园村-03'],
      ['C4', 'cell', 'V1', '杏园村-04'],
    ]);
    expect(r.value.every((a) => a.zone?.zone === 39 && a.history[0]!.change === 'generated')).toBe(true);
    expect(r.value[0]!.geometry).toEqual(g.value.cells[0]!.geometry);
    expect(generatedAreas({ id: 'C1', level: 'cell' }, g.value, { newId: () => 'x', edit: { at: 5, by: '' } })).toMatchObject({
      ok: false,
      reason: 'noChildLevel',
    });
  });
});
