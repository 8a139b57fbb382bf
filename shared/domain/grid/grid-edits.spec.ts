import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadGeometryEngine } from '../geometry/engine/load';
import { splitPolygonByLine } from '../geometry/split-merge';
import type { AreaGeometry } from './area-geometry';
import { fillGap, gapNeighbours, placementOf, removeOverlap } from './grid-edits';
import { labelPointOf } from './label-point';
import { checkTopology, type TopologyArea } from './topology';

const engine = await loadGeometryEngine();

// Input: tests/oracles/grid.json's topology case (scripts/make-grid-oracle.py); reference: tests/oracles/grid-edits.json
// (scripts/make-grid-edit-oracle.py: PROJ + GEOS through shapely, none of our code).
interface Edits {
  villagePlanarM2: Record<string, number>;
  gaps: { planarM2: number; point: [number, number]; neighbours: { name: string; sharedMetres: number; filledPlanarM2: number; parts: number }[] }[];
  overlaps: { a: string; b: string; planarM2: number; aMinusBPlanarM2: number; bMinusAPlanarM2: number }[];
  drawn: { rings: Position[][]; planarM2: number; outsideM2: number; overlaps: { name: string; m2: number }[] };
  split: { village: string; line: Position[]; planarM2: number; pieces: number[] };
}
const topo = (
  JSON.parse(readFileSync('tests/oracles/grid.json', 'utf8')) as {
    topology: { parent: { rings: Position[][] }; children: { name: string; rings: Position[][] }[] };
  }
).topology;
const ref = JSON.parse(readFileSync('tests/oracles/grid-edits.json', 'utf8')) as Edits;
const ZONE = { width: 3 as const, zone: 39, centralMeridian: 117 };
const poly = (rings: Position[][]): AreaGeometry => ({ type: 'Polygon', coordinates: rings });
const parent = { id: 'T', name: '青石镇', geometry: poly(topo.parent.rings), zone: ZONE };
const children: TopologyArea[] = topo.children.map((c) => ({ id: c.name, name: c.name, geometry: poly(c.rings) }));
const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string; detail?: string }): T => {
  if (!r.ok) throw new Error(`${r.reason} ${r.detail ?? ''}`);
  return r.value;
};
const planar = (g: AreaGeometry) => value(placementOf(engine, g, { parent: null, siblings: [], zone: ZONE })).area.planarM2;
const close = (got: number, want: number, what: string) => expect(Math.abs(got - want), what).toBeLessThan(1e-6 * Math.abs(want) + 1e-4);

describe('a gap given to a neighbouring child, against GEOS (shapely)', () => {
  const gap = ref.gaps[0]!;
  it('finds the children that border the gap along a line, longest border first', () => {
    const t = value(checkTopology(engine, parent, children));
    expect(t.gaps).toHaveLength(ref.gaps.length);
    const n = value(gapNeighbours(engine, t.gaps[0]!.geometry, children, ZONE));
    expect(n.map((x) => x.id)).toEqual(gap.neighbours.map((x) => x.name));
    n.forEach((x, i) => close(x.sharedMetres, gap.neighbours[i]!.sharedMetres, `${x.id} border`));
  });
  it.each(gap.neighbours.map((n) => [n.name, n]))('fills it into %s: its area grows by the gap, one polygon, and no gap is left', (name, n) => {
    const filled = value(fillGap(engine, parent.geometry, children, name, gap.point, ZONE));
    expect(filled.type).toBe('Polygon');
    close(planar(filled), n.filledPlanarM2, 'filled area');
    close(planar(filled) - ref.villagePlanarM2[name]!, gap.planarM2, 'grown by the gap');
    const after = value(
      checkTopology(
        engine,
        parent,
        children.map((c) => (c.id === name ? { ...c, geometry: filled } : c)),
      ),
    );
    expect(after.gaps).toEqual([]);
    expect(after.gapArea.planarM2).toBeLessThan(0.01);
    // The overlap elsewhere is untouched.
    expect(after.overlaps.map((o) => [o.a, o.b])).toEqual(ref.overlaps.map((o) => [o.a, o.b]));
  });
  it('says when there is no gap at the point (fixed meanwhile) or no such child', () => {
    const inside = labelPointOf(children[0]!.geometry!)!;
    expect(fillGap(engine, parent.geometry, children, '乙村', inside, ZONE)).toMatchObject({ ok: false, reason: 'notFound' });
    expect(fillGap(engine, parent.geometry, children, '丁村', gap.point, ZONE)).toMatchObject({ ok: false, reason: 'notFound' });
  });
});

describe('an overlap taken out of one child, against GEOS (shapely)', () => {
  const o = ref.overlaps[0]!;
  const geom = (id: string) => children.find((c) => c.id === id)!.geometry!;
  it.each([
    ['a', o.a, o.b, o.aMinusBPlanarM2],
    ['b', o.b, o.a, o.bMinusAPlanarM2],
  ] as const)('from %s: the child shrinks by exactly the overlap and the pair no longer overlaps', (_, from, other, want) => {
    const cut = value(removeOverlap(engine, geom(from), geom(other), ZONE));
    close(planar(cut), want, 'area after');
    close(ref.villagePlanarM2[from]! - planar(cut), o.planarM2, 'the overlap');
    const after = value(
      checkTopology(
        engine,
        parent,
        children.map((c) => (c.id === from ? { ...c, geometry: cut } : c)),
      ),
    );
    expect(after.overlaps).toEqual([]);
    // Untouched vertices keep their lon/lat bit for bit: every vertex of the other child's ring still exists where it was.
    const kept = new Set((cut as Polygon).coordinates[0]!.map((p) => `${p[0]},${p[1]}`));
    // (the overlap is a strip along one side: the vertices on the other sides stay, their lon/lat unchanged).
    const same = (geom(from) as Polygon).coordinates[0]!.slice(0, -1).filter((p) => kept.has(`${p[0]},${p[1]}`));
    expect(same.length).toBeGreaterThanOrEqual(2);
  });
  it('refuses to take all of a child away', () => {
    expect(removeOverlap(engine, geom('乙村'), geom('乙村'), ZONE)).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('where a drawn area lies', () => {
  it('measures the part outside its parent and its overlap with each sibling as GEOS does', () => {
    const p = value(placementOf(engine, poly(ref.drawn.rings), { parent: parent.geometry, siblings: children, zone: ZONE }));
    close(p.area.planarM2, ref.drawn.planarM2, 'area');
    close(p.area.mu, ref.drawn.planarM2 * 0.0015, '亩');
    close(p.outsideM2, ref.drawn.outsideM2, 'outside');
    expect(p.overlaps.map((x) => x.name)).toEqual(ref.drawn.overlaps.map((x) => x.name));
    p.overlaps.forEach((x, i) => close(x.m2, ref.drawn.overlaps[i]!.m2, x.name));
  });
  it('finds nothing for a child inside its parent and clear of its siblings', () => {
    const t = value(checkTopology(engine, parent, children));
    const p = value(placementOf(engine, t.gaps[0]!.geometry, { parent: parent.geometry, siblings: children, zone: ZONE }));
    expect(p.outsideM2).toBeLessThan(1e-6);
    expect(p.overlaps.every((x) => x.m2 < 1e-6)).toBe(true);
  });
});

describe('a village split by a line keeps its area (GEOS via the edit-ops split, against shapely)', () => {
  it("gives pieces whose areas are shapely's and add up to the village", () => {
    const v = children.find((c) => c.id === ref.split.village)!.geometry as Polygon;
    const out = splitPolygonByLine(engine, v, { type: 'LineString', coordinates: ref.split.line }, ZONE);
    if (!out.ok) throw new Error(out.reason);
    const areas = out.pieces.map((p) => planar(p));
    areas.forEach((a, i) => close(a, ref.split.pieces[i]!, `piece ${i}`));
    close(
      areas.reduce((s, a) => s + a, 0),
      ref.split.planarM2,
      'Σ pieces',
    );
  });
});

describe('label points', () => {
  it('lie inside the polygon, also a concave one, and avoid its hole', () => {
    const u: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const [x, y] = labelPointOf(u)!;
    expect(y).toBeGreaterThan(0);
    expect(!(x > 1 && x < 2 && y > 1)).toBe(true);
    const holed: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [3, 1],
          [3, 3],
          [1, 3],
          [1, 1],
        ],
      ],
    };
    const [hx, hy] = labelPointOf(holed)!;
    expect(hx > 1 && hx < 3 && hy > 1 && hy < 3).toBe(false);
    expect(
      labelPointOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
            [0, 0],
          ],
        ],
      }),
    ).toBeNull();
  });
});
