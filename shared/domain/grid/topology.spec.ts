import { readFileSync } from 'node:fs';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadGeometryEngine } from '../geometry/engine/load';
import type { AreaGeometry } from './area-geometry';
import { generateCells } from './generate';
import { checkTopology, type TopologyArea } from './topology';

const engine = await loadGeometryEngine();

// Oracle: scripts/make-grid-oracle.py (GEOS via shapely, PROJ via pyproj, GeographicLib via pyproj.Geod): a township
// and three villages drawn with an 80,000 m² overlap (甲村/乙村), a 25,000 m² gap, 丙村 120,000 m² beyond the township
// and a 0.005 m² overlap (乙村/丙村) to be ignored.
interface Ref {
  parent: { name: string; rings: Position[][]; planarM2: number; ellipsoidalM2: number };
  children: { name: string; rings: Position[][] }[];
  overlaps: { a: string; b: string; planarM2: number; ellipsoidalM2: number }[];
  gaps: { planarM2: number; ellipsoidalM2: number }[];
  gapPlanarM2: number;
  coveredPlanarM2: number;
  outside: { name: string; planarM2: number }[];
}
const oracle = JSON.parse(readFileSync('tests/oracles/grid.json', 'utf8')) as { topology: Ref; village: { rings: Position[][] } };
const ref = oracle.topology;
const ZONE = { width: 3 as const, zone: 39, centralMeridian: 117 };
const poly = (rings: Position[][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });
const parent = { id: 'T', name: ref.parent.name, geometry: poly(ref.parent.rings), zone: ZONE };
const children: TopologyArea[] = ref.children.map((c) => ({ id: c.name, name: c.name, geometry: poly(c.rings) }));

const close = (got: number, want: number, what: string) => expect(Math.abs(got - want), what).toBeLessThan(1e-6 * Math.abs(want) + 1e-4);

describe('checkTopology against GEOS (shapely)', () => {
  it('finds the overlap, the gap and what lies outside, with their areas, and ignores the 0.005 m² overlap', () => {
    const r = checkTopology(engine, parent, children);
    if (!r.ok) throw new Error(r.reason);
    const t = r.value;
    close(t.parentArea.planarM2, ref.parent.planarM2, 'parent planar');
    close(t.parentArea.ellipsoidalM2, ref.parent.ellipsoidalM2, 'parent ellipsoidal');
    const big = ref.overlaps.filter((o) => o.planarM2 >= 0.01);
    const tiny = ref.overlaps.filter((o) => o.planarM2 < 0.01);
    expect(t.overlaps.map((o) => [o.a, o.b])).toEqual(big.map((o) => [o.a, o.b]));
    t.overlaps.forEach((o, i) => {
      close(o.area.planarM2, big[i]!.planarM2, 'overlap planar');
      close(o.area.ellipsoidalM2, big[i]!.ellipsoidalM2, 'overlap ellipsoidal');
      expect(o.area.mu).toBeCloseTo(o.area.planarM2 * 0.0015, 9);
    });
    expect(t.ignored.overlaps.count).toBe(tiny.length);
    expect(tiny).toHaveLength(1);
    close(t.ignored.overlaps.planarM2, tiny[0]!.planarM2, 'ignored overlap');
    expect(t.gaps).toHaveLength(ref.gaps.length);
    t.gaps.forEach((g, i) => {
      close(g.area.planarM2, ref.gaps[i]!.planarM2, 'gap planar');
      close(g.area.ellipsoidalM2, ref.gaps[i]!.ellipsoidalM2, 'gap ellipsoidal');
    });
    close(t.gapArea.planarM2, ref.gapPlanarM2, 'gap total');
    close(t.covered.planarM2, ref.coveredPlanarM2, 'covered');
    // covered + gaps = parent (the figures add up: README Domain rule 3)
    close(t.covered.planarM2 + t.gapArea.planarM2, ref.parent.planarM2, 'covered + gaps');
    expect(t.outside.map((o) => o.id)).toEqual(ref.outside.map((o) => o.name));
    close(t.outside[0]!.area.planarM2, ref.outside[0]!.planarM2, 'outside');
    expect(t.clean).toBe(false);
    expect(t).toMatchObject({ repaired: [], noBoundary: [], unusable: [], toleranceM2: 0.01, zone: ZONE });
  });

  it('lists the tiny overlap when the tolerance is below it', () => {
    const r = checkTopology(engine, parent, children, { toleranceM2: 0.001 });
    expect(r.ok && r.value.overlaps.map((o) => [o.a, o.b])).toEqual(ref.overlaps.map((o) => [o.a, o.b]));
    expect(r.ok && r.value.ignored.overlaps.count).toBe(0);
  });

  it('names a child without a boundary and a repaired one (a bowtie counts both lobes)', () => {
    const bow: TopologyArea = {
      id: 'bow',
      name: '蝴蝶',
      geometry: poly([
        [
          [117.24, 36.66],
          [117.241, 36.661],
          [117.241, 36.66],
          [117.24, 36.661],
          [117.24, 36.66],
        ],
      ]),
    };
    const r = checkTopology(engine, parent, [...children, { id: 'none', name: '未画', geometry: null }, bow]);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.noBoundary).toEqual(['none']);
    expect(r.value.repaired).toEqual(['bow']);
  });

  it('generated cells tile their parent: no overlaps, no gaps, nothing outside (the issue\'s "no overlaps")', () => {
    const village = { id: 'V', name: '杏园村', geometry: poly(oracle.village.rings), zone: ZONE };
    for (const layout of [
      { kind: 'square', sizeMetres: 300 },
      { kind: 'hex', sizeMetres: 250 },
    ] as const) {
      const g = generateCells(engine, village, { layout });
      if (!g.ok) throw new Error(g.reason);
      const cells = g.value.cells.map((c) => ({ id: c.name, name: c.name, geometry: c.geometry }));
      const r = checkTopology(engine, village, cells);
      if (!r.ok) throw new Error(r.reason);
      expect(r.value.clean, layout.kind).toBe(true);
      // Float noise where neighbours meet stays far below the tolerance.
      expect(r.value.ignored.overlaps.planarM2 + r.value.ignored.gaps.planarM2 + r.value.ignored.outside.planarM2).toBeLessThan(1e-3);
      expect(Math.abs(r.value.covered.planarM2 / g.value.parentArea.planarM2 - 1)).toBeLessThan(1e-9);
    }
  });

  it('refuses a parent without a boundary', () => {
    expect(checkTopology(engine, { ...parent, geometry: null }, children)).toMatchObject({ ok: false, reason: 'noBoundary' });
  });
});
