/**
 * Patrol areas the engine builds from what the officer drew: a corridor from its centre line and width, a site from
 * a point and a radius. Both are buffers in the CGCS2000 Gauss-Krüger plane of the zone (README Domain rule 4: planar
 * figures are GK), never in degrees: a buffer in lon/lat is an ellipse whose width changes with latitude. GEOS does the
 * buffering (README Decision 15), so the corridor's area is what shapely gives for the same line (checked against it,
 * scripts/make-tasks-oracle.py).
 *
 * A corridor's width is its full width: the polygon reaches width / 2 on each side of the line, with flat ends (the
 * corridor stops where the drawn stretch of road or river does) and round joins at the bends.
 */
import type { LineString, Polygon } from 'geojson';
import type { GeometryEngine } from '../geometry/engine/engine';
import type { AreaGeometry } from '../grid/area-geometry';
import { toLngLatGeometry, zonePlane, type ZonePlane } from '../grid/plane';
import { squareMetres, type SquareMetres, type GkZoneRef } from '../units/area';

export interface BufferedArea {
  geometry: AreaGeometry;
  /** The buffer's planar area in the zone, from GEOS. */
  planarM2: SquareMetres;
}

export type BufferRefusal = 'tooShort' | 'badWidth' | 'empty';

/** The plane of `zone` with its origin near a lon/lat position (zonePlane reads only the first position of `near`). */
const planeNear = (zone: GkZoneRef, lngLat: readonly number[]): ZonePlane =>
  zonePlane(zone, { type: 'Polygon', coordinates: [[[lngLat[0] as number, lngLat[1] as number]]] } as Polygon);

function result(engine: GeometryEngine, plane: ZonePlane, g: number): BufferedArea | BufferRefusal {
  try {
    if (engine.isEmpty(g)) return 'empty';
    const geometry = toLngLatGeometry(plane, engine.toPolygons(g));
    if (!geometry) return 'empty';
    return { geometry, planarM2: squareMetres(engine.area(g)) };
  } finally {
    engine.destroy(g);
  }
}

/** The corridor polygon of a centre line (≥ 2 distinct positions) and a full width in metres (> 0). */
export function corridorPolygon(engine: GeometryEngine, line: LineString, widthMetres: number, zone: GkZoneRef): BufferedArea | BufferRefusal {
  if (!(widthMetres > 0) || !Number.isFinite(widthMetres)) return 'badWidth';
  const first = line.coordinates[0];
  if (!first || line.coordinates.length < 2) return 'tooShort';
  const plane = planeNear(zone, first);
  const pts = line.coordinates.map((p) => plane.toPlane(p[0] as number, p[1] as number));
  // A line whose vertices all coincide has no direction to buffer across.
  if (pts.every((p) => Math.hypot(p[0] - pts[0]![0], p[1] - pts[0]![1]) < 1e-6)) return 'tooShort';
  const ls = engine.fromLineString(pts);
  try {
    return result(engine, plane, engine.buffer(ls, widthMetres / 2, { cap: 'flat' }));
  } finally {
    engine.destroy(ls);
  }
}

/** The round site of a centre and a radius in metres (> 0): a 32-segment circle in the zone's plane, as GEOS buffers a point. */
export function sitePolygon(
  engine: GeometryEngine,
  centre: readonly [number, number],
  radiusMetres: number,
  zone: GkZoneRef,
): BufferedArea | BufferRefusal {
  if (!(radiusMetres > 0) || !Number.isFinite(radiusMetres)) return 'badWidth';
  const plane = planeNear(zone, centre);
  const [x, y] = plane.toPlane(centre[0], centre[1]);
  const pt = engine.fromPoint(x, y);
  try {
    return result(engine, plane, engine.buffer(pt, radiusMetres));
  } finally {
    engine.destroy(pt);
  }
}
