/**
 * Repaired boundaries (issue 7, "one geometry engine"): a polygon whose boundary crosses or touches itself,
 * or whose rings cross one another, is replaced by what GEOS MakeValid makes of it, and every figure is
 * taken from that: both lobes of a bowtie count, a ring inside another is its hole, spikes and collapsed
 * parts (no area) go. This is the repair QGIS "Fix geometries", PostGIS ST_MakeValid and shapely's
 * make_valid apply, so our figures agree with theirs (tests: repair.spec.ts against shapely oracles).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryEngine, Polygons } from './engine/engine';
import { polygonsOf, ringSignedAreaM2 } from './area';

export interface RepairOutcome {
  /** The geometry to use: the input itself when valid, else the repaired copy; null when nothing with an
   *  area is left (a boundary that collapses to lines or points). */
  geometry: Polygon | MultiPolygon | null;
  repaired: boolean;
}

/** RFC 7946 winding: outer rings counter-clockwise, holes clockwise (in place). */
export function orientRfc7946(polys: Polygons): Polygons {
  for (const poly of polys) {
    poly.forEach((ring, i) => {
      const ccw = ringSignedAreaM2(ring) > 0;
      if (ccw !== (i === 0)) ring.reverse();
    });
  }
  return polys;
}

export function toPolygonal(polys: Polygons): Polygon | MultiPolygon | null {
  if (polys.length === 0) return null;
  if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0] as Position[][] };
  return { type: 'MultiPolygon', coordinates: polys };
}

/**
 * The geometry as GEOS validates and repairs it. Coordinates are shifted to the first vertex while GEOS
 * works (zone-prefixed eastings such as 39 512 000 m keep their sub-millimetre digits), and shifted back.
 */
export function repairPolygonal(engine: GeometryEngine, g: Polygon | MultiPolygon): RepairOutcome {
  const polys = polygonsOf(g);
  const first = polys[0]?.[0]?.[0];
  if (!first) return { geometry: null, repaired: false };
  const dx = first[0] as number;
  const dy = first[1] as number;
  let built: number;
  try {
    built = engine.fromPolygons(polys, dx, dy);
  } catch {
    // GEOS refuses to build a ring (not closed, or too few points): nothing with an area is there.
    return { geometry: null, repaired: true };
  }
  try {
    if (engine.isValid(built)) return { geometry: g, repaired: false };
    const fixed = engine.makeValid(built);
    try {
      return { geometry: toPolygonal(orientRfc7946(engine.toPolygons(fixed, dx, dy))), repaired: true };
    } finally {
      engine.destroy(fixed);
    }
  } finally {
    engine.destroy(built);
  }
}
