/**
 * Topology of one parent and its children (the issue: "children of one parent should cover it without overlaps or
 * gaps — show overlaps and gaps on the map with their areas"), computed in the parent's CGCS2000 GK zone by the one
 * geometry engine (GEOS, README Decision 15):
 * - overlaps: each pair of children whose intersection has area, with that area;
 * - gaps: parent − ∪ children, one piece per polygon, largest first;
 * - outside: the part of each child beyond the parent.
 * Pieces below `toleranceM2` (default 0.01 m²: far below what a boundary drawn on a map or snapped to a layer can mean)
 * are not listed but counted and summed in `ignored`, so a reader knows they were there. A boundary GEOS finds invalid
 * is repaired the MakeValid way first (README Decision 16) and named; a child without a boundary is named too.
 * Figures as everywhere (plane.ts): planar m² from GEOS, ellipsoidal from the lon/lat piece, 亩 from planar.
 */
import { EngineError, type GeometryEngine } from '../geometry/engine/engine';
import type { Ptr } from '../geometry/engine/geos-api';
import { polygonsBbox, type Bbox } from '../geometry/bbox';
import { featureAreas } from '../geometry/area';
import { squareMetres, toMu, type AreaFigures, type GkZoneRef } from '../units/area';
import { fail, ok, type Validation } from '../../validation/validation';
import { defaultZoneOf, type AreaGeometry } from './area-geometry';
import { pieceOf, planeGeometry, zonePlane, type PlanePiece } from './plane';

export const DEFAULT_TOPOLOGY_TOLERANCE_M2 = 0.01;

export interface TopologyArea {
  id: string;
  name: string;
  geometry: AreaGeometry | null;
}

export interface TopologyOptions {
  toleranceM2?: number;
}

export interface ChildOverlap extends PlanePiece {
  /** The two children's ids, in the order given. */
  a: string;
  b: string;
}

export interface ChildOutside extends PlanePiece {
  id: string;
}

export interface IgnoredPieces {
  count: number;
  planarM2: number;
}

export interface TopologyResult {
  zone: GkZoneRef;
  toleranceM2: number;
  parentArea: AreaFigures;
  /** ∪ children ∩ parent. */
  covered: AreaFigures;
  overlaps: ChildOverlap[];
  gaps: PlanePiece[];
  /** parent − ∪ children, all of it (the listed gaps and the ignored ones). */
  gapArea: AreaFigures;
  outside: ChildOutside[];
  ignored: { overlaps: IgnoredPieces; gaps: IgnoredPieces; outside: IgnoredPieces };
  /** Boundaries that were invalid and were repaired before anything was computed ('parent' for the parent). */
  repaired: string[];
  /** Children without a boundary: not part of any figure. */
  noBoundary: string[];
  /** Children GEOS could not use even after repair, with its message: not part of any figure. */
  unusable: { id: string; message: string }[];
  /** true when nothing above was found beyond the tolerance: the children tile the parent. */
  clean: boolean;
}

export type TopologyReason = 'noBoundary' | 'emptyBoundary' | 'engine';

const zero = (zone: GkZoneRef): AreaFigures => ({ planarM2: squareMetres(0), ellipsoidalM2: squareMetres(0), mu: toMu(squareMetres(0)), zone });

interface Built {
  id: string;
  geom: Ptr;
  box: Bbox;
}

/** Pairs of boxes that overlap (sweep along x: n log n plus the pairs found), as index pairs i < j. */
function overlappingPairs(boxes: readonly Bbox[]): [number, number][] {
  const order = boxes.map((_, i) => i).sort((a, b) => (boxes[a] as Bbox)[0] - (boxes[b] as Bbox)[0]);
  const pairs: [number, number][] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const bi = boxes[i] as Bbox;
    for (let m = k + 1; m < order.length; m++) {
      const j = order[m] as number;
      const bj = boxes[j] as Bbox;
      if (bj[0] > bi[2]) break;
      if (bj[1] <= bi[3] && bi[1] <= bj[3]) pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

export function checkTopology(
  engine: GeometryEngine,
  parent: TopologyArea & { zone?: GkZoneRef | null },
  children: readonly TopologyArea[],
  opts: TopologyOptions = {},
): Validation<TopologyResult, TopologyReason> {
  if (!parent.geometry) return fail('noBoundary', 'geometry', 'the parent has no boundary');
  const zone = parent.zone ?? defaultZoneOf(parent.geometry);
  const tol = opts.toleranceM2 ?? DEFAULT_TOPOLOGY_TOLERANCE_M2;
  const plane = zonePlane(zone, parent.geometry);
  const e = engine;
  const owned: Ptr[] = [];
  const own = (g: Ptr): Ptr => (owned.push(g), g);
  try {
    const repaired: string[] = [];
    const p = planeGeometry(e, plane, parent.geometry);
    const parentGeom = own(p.geom);
    if (p.repaired) repaired.push('parent');
    const parentPlanar = e.area(parentGeom);
    if (!(parentPlanar > 0)) return fail('emptyBoundary', 'geometry', "the parent's boundary has no area");
    const parentArea = p.repaired
      ? (pieceOf(e, plane, parentGeom) as PlanePiece).area
      : featureAreas(parent.geometry, { zone, planarM2: squareMetres(parentPlanar) });

    const noBoundary: string[] = [];
    const unusable: { id: string; message: string }[] = [];
    const built: Built[] = [];
    for (const c of children) {
      if (!c.geometry) {
        noBoundary.push(c.id);
        continue;
      }
      try {
        const b = planeGeometry(e, plane, c.geometry);
        own(b.geom);
        if (b.repaired) repaired.push(c.id);
        if (e.isEmpty(b.geom)) continue;
        built.push({ id: c.id, geom: b.geom, box: polygonsBbox(e.toPolygons(b.geom)) });
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
        unusable.push({ id: c.id, message: err.message });
      }
    }

    const ignored = { overlaps: { count: 0, planarM2: 0 }, gaps: { count: 0, planarM2: 0 }, outside: { count: 0, planarM2: 0 } };
    const keepOrIgnore = (g: Ptr, bucket: IgnoredPieces): PlanePiece | null => {
      const a = e.area(g);
      if (!(a > 0)) return null;
      if (a < tol) {
        bucket.count += 1;
        bucket.planarM2 += a;
        return null;
      }
      return pieceOf(e, plane, g);
    };

    const overlaps: ChildOverlap[] = [];
    for (const [i, j] of overlappingPairs(built.map((b) => b.box))) {
      const a = built[i] as Built;
      const b = built[j] as Built;
      const piece = keepOrIgnore(own(e.intersection(a.geom, b.geom)), ignored.overlaps);
      if (piece) overlaps.push({ a: a.id, b: b.id, ...piece });
    }

    const outside: ChildOutside[] = [];
    for (const b of built) {
      const piece = keepOrIgnore(own(e.difference(b.geom, parentGeom)), ignored.outside);
      if (piece) outside.push({ id: b.id, ...piece });
    }

    const union = own(e.unionAll(built.map((b) => e.clone(b.geom))));
    const covered = pieceOf(e, plane, own(e.intersection(union, parentGeom)));
    const gapGeom = own(e.difference(parentGeom, union));
    const gapWhole = pieceOf(e, plane, gapGeom);
    const gaps: PlanePiece[] = [];
    for (const poly of e.toPolygons(gapGeom)) {
      const piece = keepOrIgnore(own(e.fromPolygons([poly])), ignored.gaps);
      if (piece) gaps.push(piece);
    }
    gaps.sort((x, y) => y.area.planarM2 - x.area.planarM2);

    return ok({
      zone,
      toleranceM2: tol,
      parentArea,
      covered: covered?.area ?? zero(zone),
      overlaps,
      gaps,
      gapArea: gapWhole?.area ?? zero(zone),
      outside,
      ignored,
      repaired,
      noBoundary,
      unusable,
      clean: overlaps.length === 0 && gaps.length === 0 && outside.length === 0 && noBoundary.length === 0 && unusable.length === 0,
    });
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    return fail('engine', '', err.message);
  } finally {
    for (const g of owned) e.destroy(g);
  }
}
