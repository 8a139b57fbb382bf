/**
 * Split a polygon along a drawn line, merge two neighbouring polygons: the editing operations a grid cell or an
 * inspection plot needs, done by the one geometry engine (GEOS, README Decision 15).
 *
 * Both work in the Gauss-Krüger plane of the given CGCS2000 zone, where planar areas are taken (README Domain rule 1):
 * there a cut edge is straight, so the pieces' planar areas add up to the polygon's. Vertices go in and come out
 * shifted to the first vertex, which is exact in binary floating point (x − d is exact when d/2 ≤ x ≤ 2d, and adding d
 * back gives x itself), so a vertex GEOS hands back unchanged is recognised and given its original lon/lat bit for bit;
 * only the new vertices (where the line crosses an edge) are projected back. Pieces still meet their neighbours
 * exactly. Outcomes are data with a named reason, never a thrown string.
 */
import type { LineString, Polygon, Position } from 'geojson';
import { makeGkToLngLat, makeLngLatToGkEN } from '../crs/transform';
import type { GkZoneRef } from '../units/area';
import type { GeometryEngine, Polygons } from './engine/engine';
import { orientRfc7946 } from './repair';

export type SplitRefusal =
  /** The line does not cut the polygon into two or more pieces (it ends inside it, or misses it). */
  | 'notSplit'
  /** The polygon crosses or touches itself (GEOS says invalid): repair it before cutting. */
  | 'invalidPolygon'
  /** Fewer than two distinct positions. */
  | 'shortLine';

export type SplitOutcome = { ok: true; pieces: Polygon[] } | { ok: false; reason: SplitRefusal };

export type MergeRefusal =
  /** The two share no edge and do not overlap (disjoint, or touching at points only): the union has two parts. */
  'notNeighbours' | 'invalidPolygon';

export type MergeOutcome = { ok: true; polygon: Polygon } | { ok: false; reason: MergeRefusal };

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
const keyOf = (x: number, y: number) => `${x} ${y}`;

/** lon/lat ⇄ the zone's plane, remembering each input vertex so an unchanged one maps back to itself exactly. */
class Plane {
  private readonly fwd: (lng: number, lat: number) => [number, number];
  private readonly inv: (e: number, n: number) => [number, number];
  private readonly known = new Map<string, Position>();
  dx = 0;
  dy = 0;

  constructor(zone: GkZoneRef) {
    this.fwd = makeLngLatToGkEN(zone, false);
    this.inv = makeGkToLngLat(zone, false);
  }

  toPlane(coords: readonly Position[]): Position[] {
    return coords.map((p) => {
      const g = this.fwd(p[0] as number, p[1] as number);
      this.known.set(keyOf(g[0], g[1]), [p[0] as number, p[1] as number]);
      return g;
    });
  }

  /** Sets the shift (the first vertex in the plane). */
  shiftTo(p: Position | undefined): void {
    this.dx = p ? (p[0] as number) : 0;
    this.dy = p ? (p[1] as number) : 0;
  }

  toLngLat(polys: Polygons): Polygon[] {
    const back = (p: Position): Position => this.known.get(keyOf(p[0] as number, p[1] as number)) ?? this.inv(p[0] as number, p[1] as number);
    return orientRfc7946(polys.map((rings) => rings.map((r) => r.map(back)))).map((rings) => ({ type: 'Polygon', coordinates: rings }));
  }
}

/** Builds the plane copy of `polygon` in the engine, or null when GEOS finds it invalid (the input must be valid). */
function validPolygon(engine: GeometryEngine, plane: Plane, polygon: Polygon): number | null {
  const rings = polygon.coordinates.map((r) => plane.toPlane(r));
  let g: number;
  try {
    g = engine.fromPolygons([rings], plane.dx, plane.dy);
  } catch {
    return null;
  }
  if (engine.isEmpty(g) || !engine.isValid(g)) {
    engine.destroy(g);
    return null;
  }
  return g;
}

function planeOf(zone: GkZoneRef, first: Polygon): Plane {
  const plane = new Plane(zone);
  const p = first.coordinates[0]?.[0];
  plane.shiftTo(p ? plane.toPlane([p])[0] : undefined);
  return plane;
}

/**
 * The pieces of `polygon` cut along `line` (≥ 2 pieces), largest first, each counter-clockwise (RFC 7946); their
 * planar areas in `zone` add up to the polygon's (GEOS's faces tile it exactly).
 */
export function splitPolygonByLine(engine: GeometryEngine, polygon: Polygon, line: LineString, zone: GkZoneRef): SplitOutcome {
  const path = line.coordinates.filter((p, i, all) => i === 0 || !same(p, all[i - 1] as Position));
  if (path.length < 2) return { ok: false, reason: 'shortLine' };
  const plane = planeOf(zone, polygon);
  const poly = validPolygon(engine, plane, polygon);
  if (poly === null) return { ok: false, reason: 'invalidPolygon' };
  let cut: number | null = null;
  let faces: number | null = null;
  try {
    cut = engine.fromLineString(plane.toPlane(path), plane.dx, plane.dy);
    faces = engine.split(poly, cut);
    const inPlane = engine.toPolygons(faces, plane.dx, plane.dy);
    if (inPlane.length < 2) return { ok: false, reason: 'notSplit' };
    const areaOf = (rings: Polygons[number]) => {
      const g = engine.fromPolygons([rings], plane.dx, plane.dy);
      try {
        return engine.area(g);
      } finally {
        engine.destroy(g);
      }
    };
    const order = inPlane.map((rings, i) => ({ i, a: areaOf(rings) })).sort((a, b) => b.a - a.a);
    const pieces = plane.toLngLat(order.map((o) => inPlane[o.i] as Polygons[number]));
    return { ok: true, pieces };
  } finally {
    if (faces !== null) engine.destroy(faces);
    if (cut !== null) engine.destroy(cut);
    engine.destroy(poly);
  }
}

/** `a` ∪ `b` when it is one polygon (they share an edge or overlap); shared edges dissolve. */
export function mergePolygons(engine: GeometryEngine, a: Polygon, b: Polygon, zone: GkZoneRef): MergeOutcome {
  const plane = planeOf(zone, a);
  const pa = validPolygon(engine, plane, a);
  if (pa === null) return { ok: false, reason: 'invalidPolygon' };
  const pb = validPolygon(engine, plane, b);
  if (pb === null) {
    engine.destroy(pa);
    return { ok: false, reason: 'invalidPolygon' };
  }
  const union = engine.unionAll([pa, pb]);
  try {
    const parts = plane.toLngLat(engine.toPolygons(union, plane.dx, plane.dy));
    if (parts.length !== 1) return { ok: false, reason: 'notNeighbours' };
    return { ok: true, polygon: parts[0] as Polygon };
  } finally {
    engine.destroy(union);
  }
}
