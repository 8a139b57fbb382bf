/**
 * The geometry of editing a grid on the map (issue 10 item 2): where a drawn area lies against its parent and its
 * siblings, a topology gap given to a neighbouring child (union), an overlap taken out of one of the two children
 * (difference), and which children border a gap. All in the parent's CGCS2000 GK zone by the one engine (GEOS, README
 * Decision 15), as topology.ts computes the gaps and overlaps these fix.
 *
 * Vertices go into the plane and the ones GEOS hands back unchanged get their original lon/lat again, bit for bit
 * (the plane's whole-kilometre shift is exact: plane.ts), so an edited child still meets its untouched neighbours
 * exactly; only new vertices (where boundaries cross) are projected back. Outcomes are data with named reasons.
 */
import type { Position } from 'geojson';
import { featureAreas } from '../geometry/area';
import { EngineError, type GeometryEngine, type Polygons } from '../geometry/engine/engine';
import type { Ptr } from '../geometry/engine/geos-api';
import { orientRfc7946, toPolygonal } from '../geometry/repair';
import { squareMetres, type AreaFigures, type GkZoneRef } from '../units/area';
import { fail, ok, type Validation } from '../../validation/validation';
import { defaultZoneOf, type AreaGeometry } from './area-geometry';
import { sharedBoundaryMetres } from './shared-boundary';
import { toPlanePolygons, zonePlane, type ZonePlane } from './plane';
import type { TopologyArea } from './topology';

export type GridEditReason =
  /** The engine could not use a boundary (even after repair) or failed. */
  | 'engine'
  /** Nothing of the area is left (an overlap removal that would take all of it, an empty drawing). */
  | 'empty'
  /** The area or gap named is not among those given. */
  | 'notFound';

/**
 * Polygons of a result smaller than this (m², planar) are dropped: edges of two children that should coincide but
 * differ by nanometres (drawn apart, projected back and forth) leave zero-width slivers in a union or difference.
 * Far below topology's 0.01 m² tolerance, so nothing a check would list is ever dropped.
 */
export const SLIVER_M2 = 1e-4;

const shoelace = (ring: readonly Position[]): number => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    s += (ring[j]![0] as number) * (ring[i]![1] as number) - (ring[i]![0] as number) * (ring[j]![1] as number);
  return s / 2;
};

/** A plane that remembers each lon/lat vertex it projected, so an unchanged vertex maps back to itself exactly. */
class ExactPlane {
  private readonly known = new Map<string, Position>();
  constructor(readonly plane: ZonePlane) {}

  polygons(g: AreaGeometry): Polygons {
    const polys = toPlanePolygons(this.plane, g);
    const src = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    polys.forEach((rings, i) => rings.forEach((ring, j) => ring.forEach((p, k) => this.known.set(`${p[0]} ${p[1]}`, src[i]![j]![k]!.slice(0, 2)))));
    return polys;
  }

  geom(e: GeometryEngine, g: AreaGeometry): Ptr {
    return e.validated(e.fromPolygons(this.polygons(g))).geom;
  }

  /** Back to lon/lat, without the slivers under SLIVER_M2 that noding nearly coincident edges leaves (no area to mean). */
  toLngLat(polys: Polygons): AreaGeometry | null {
    polys = polys.filter((rings) => Math.abs(shoelace(rings[0] ?? [])) >= SLIVER_M2);
    const back = (p: Position): Position => this.known.get(`${p[0]} ${p[1]}`) ?? this.plane.toLngLat(p[0] as number, p[1] as number);
    return toPolygonal(orientRfc7946(polys.map((rings) => rings.map((r) => r.map(back)))));
  }
}

function withPlane<T>(
  engine: GeometryEngine,
  zone: GkZoneRef,
  near: AreaGeometry,
  run: (p: ExactPlane, own: (g: Ptr) => Ptr) => Validation<T, GridEditReason>,
): Validation<T, GridEditReason> {
  const owned: Ptr[] = [];
  try {
    return run(new ExactPlane(zonePlane(zone, near)), (g) => (owned.push(g), g));
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    return fail('engine', '', err.message);
  } finally {
    for (const g of owned) engine.destroy(g);
  }
}

const figures = (engine: GeometryEngine, zone: GkZoneRef, geometry: AreaGeometry, g: Ptr): AreaFigures =>
  featureAreas(geometry, { zone, planarM2: squareMetres(engine.area(g)) });

/** Where a new or edited boundary lies: its area, the part beyond its parent, and its overlap with each sibling (m², planar). */
export interface Placement {
  area: AreaFigures;
  /** The part outside the parent (0 without a parent). */
  outsideM2: number;
  /** Each sibling it overlaps, largest first. */
  overlaps: { id: string; name: string; m2: number }[];
}

export function placementOf(
  engine: GeometryEngine,
  geometry: AreaGeometry,
  around: { parent: AreaGeometry | null; siblings: readonly TopologyArea[]; zone?: GkZoneRef | null },
): Validation<Placement, GridEditReason> {
  const zone = around.zone ?? defaultZoneOf(around.parent ?? geometry);
  return withPlane(engine, zone, geometry, (p, own) => {
    const g = own(p.geom(engine, geometry));
    if (engine.isEmpty(g) || !(engine.area(g) > 0)) return fail('empty', 'geometry', 'the boundary has no area');
    const outsideM2 = around.parent ? engine.area(own(engine.difference(g, own(p.geom(engine, around.parent))))) : 0;
    const overlaps: Placement['overlaps'] = [];
    for (const s of around.siblings) {
      if (!s.geometry) continue;
      const m2 = engine.area(own(engine.intersection(g, own(p.geom(engine, s.geometry)))));
      if (m2 > 0) overlaps.push({ id: s.id, name: s.name, m2 });
    }
    overlaps.sort((a, b) => b.m2 - a.m2);
    return ok({ area: figures(engine, zone, geometry, g), outsideM2, overlaps });
  });
}

/** Which of `children` border `gap` along a line (not only at a point), longest shared border first, in metres. */
export function gapNeighbours(
  engine: GeometryEngine,
  gap: AreaGeometry,
  children: readonly TopologyArea[],
  zone: GkZoneRef,
): Validation<{ id: string; sharedMetres: number }[], GridEditReason> {
  return withPlane(engine, zone, gap, (p) => {
    const g = p.polygons(gap);
    const out: { id: string; sharedMetres: number }[] = [];
    for (const c of children) {
      if (!c.geometry) continue;
      // 1 mm: a gap's edges are its neighbours' edges as GEOS cut them (projected back and forth: nanometres apart).
      const m = sharedBoundaryMetres(g, p.polygons(c.geometry), 1e-3);
      if (m > 0.01) out.push({ id: c.id, sharedMetres: m });
    }
    return ok(out.sort((a, b) => b.sharedMetres - a.sharedMetres));
  });
}

/**
 * `target` ∪ the gap of `parent` − ∪ `children` that contains `gapPoint` (lon/lat; a point inside the listed gap):
 * the gap is recomputed here from the same boundaries, so its edges are the children's own and the union dissolves
 * them. Returns the target's new boundary.
 */
export function fillGap(
  engine: GeometryEngine,
  parent: AreaGeometry,
  children: readonly TopologyArea[],
  targetId: string,
  gapPoint: [number, number],
  zone: GkZoneRef,
): Validation<AreaGeometry, GridEditReason> {
  const target = children.find((c) => c.id === targetId);
  if (!target?.geometry) return fail('notFound', 'targetId', `no child ${targetId} with a boundary`);
  const targetGeometry = target.geometry;
  return withPlane(engine, zone, parent, (p, own) => {
    const parts = children.filter((c) => c.geometry).map((c) => p.geom(engine, c.geometry as AreaGeometry));
    const union = own(engine.unionAll(parts));
    const gaps = own(engine.difference(own(p.geom(engine, parent)), union));
    const [x, y] = p.plane.toPlane(gapPoint[0], gapPoint[1]);
    const hit = engine.toPolygons(gaps).find((rings) => pointInRings(rings, x, y));
    if (!hit) return fail('notFound', 'gapPoint', 'no gap there (fixed meanwhile?)');
    const merged = own(engine.unionAll([p.geom(engine, targetGeometry), engine.fromPolygons([hit])]));
    const out = p.toLngLat(engine.toPolygons(merged));
    return out ? ok(out) : fail('empty', '', 'nothing left');
  });
}

/** `from` − `other`: an overlap of two children taken out of `from`. Its new boundary (a MultiPolygon when cut in two). */
export function removeOverlap(
  engine: GeometryEngine,
  from: AreaGeometry,
  other: AreaGeometry,
  zone: GkZoneRef,
): Validation<AreaGeometry, GridEditReason> {
  return withPlane(engine, zone, from, (p, own) => {
    const d = own(engine.difference(own(p.geom(engine, from)), own(p.geom(engine, other))));
    if (engine.isEmpty(d) || !(engine.area(d) > 0)) return fail('empty', '', 'the overlap is all of it');
    const out = p.toLngLat(engine.toPolygons(d));
    return out ? ok(out) : fail('empty', '', 'nothing left');
  });
}

/** Even-odd point in polygon over a polygon's rings (the point is a gap's label point: never on its boundary). */
export function pointInRings(rings: readonly (readonly Position[])[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}
