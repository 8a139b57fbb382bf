/**
 * An area's Gauss-Krüger plane: where the grid's geometry work happens (generate.ts, topology.ts). Boundaries come in
 * as lon/lat CGCS2000 and are projected into the area's CGCS2000 GK zone (no prefix), then shifted by a whole-kilometre
 * origin near them so GEOS works on small numbers (metres from the origin keep their sub-millimetre digits). Pieces go back to lon/lat with RFC 7946 winding, and their
 * figures are the engine's: planar m² from GEOS, ellipsoidal from the lon/lat piece, 亩 from the planar figure
 * (featureAreas, README Domain rule 1 and Decision 22).
 */
import type { Position } from 'geojson';
import { makeGkToLngLat, makeLngLatToGkEN } from '../crs/transform';
import { featureAreas, polygonsOf } from '../geometry/area';
import type { GeometryEngine, Polygons } from '../geometry/engine/engine';
import type { Ptr } from '../geometry/engine/geos-api';
import { orientRfc7946, toPolygonal } from '../geometry/repair';
import { squareMetres, type AreaFigures, type GkZoneRef } from '../units/area';
import type { AreaGeometry } from './area-geometry';

export interface ZonePlane {
  zone: GkZoneRef;
  /** The shift: plane (x, y) = (easting − originE, northing − originN), metres. */
  originE: number;
  originN: number;
  /** lon/lat → plane metres. */
  toPlane(lng: number, lat: number): [number, number];
  /** plane metres → lon/lat. */
  toLngLat(x: number, y: number): [number, number];
}

/** The plane of `zone`, its origin the whole kilometre below the first vertex of `near`. */
export function zonePlane(zone: GkZoneRef, near: AreaGeometry): ZonePlane {
  const fwd = makeLngLatToGkEN(zone, false);
  const inv = makeGkToLngLat(zone, false);
  const first = polygonsOf(near)[0]?.[0]?.[0] ?? [zone.centralMeridian, 0];
  const [e0, n0] = fwd(first[0] as number, first[1] as number);
  const originE = Math.floor(e0 / 1000) * 1000;
  const originN = Math.floor(n0 / 1000) * 1000;
  return {
    zone,
    originE,
    originN,
    toPlane: (lng, lat) => {
      const [e, n] = fwd(lng, lat);
      return [e - originE, n - originN];
    },
    toLngLat: (x, y) => inv(x + originE, y + originN),
  };
}

export const toPlanePolygons = (plane: ZonePlane, g: AreaGeometry): Polygons =>
  polygonsOf(g).map((poly) => poly.map((ring) => ring.map((p) => plane.toPlane(p[0] as number, p[1] as number))));

/** Plane polygons → a lon/lat Polygon/MultiPolygon, outer rings counter-clockwise (GK keeps orientation: conformal). */
export function toLngLatGeometry(plane: ZonePlane, polys: Polygons): AreaGeometry | null {
  const ll = orientRfc7946(polys.map((poly) => poly.map((ring) => ring.map((p: Position) => plane.toLngLat(p[0] as number, p[1] as number)))));
  return toPolygonal(ll);
}

export interface PlanePiece {
  geometry: AreaGeometry;
  area: AreaFigures;
}

/** A GEOS geometry of the plane as a lon/lat piece with its figures; null when it has no polygon left. */
export function pieceOf(engine: GeometryEngine, plane: ZonePlane, g: Ptr): PlanePiece | null {
  if (engine.isEmpty(g)) return null;
  const geometry = toLngLatGeometry(plane, engine.toPolygons(g));
  if (!geometry) return null;
  return { geometry, area: featureAreas(geometry, { zone: plane.zone, planarM2: squareMetres(engine.area(g)) }) };
}

/** A boundary in the plane as GEOS builds it, repaired the MakeValid way when it is invalid (README Decision 16). */
export function planeGeometry(engine: GeometryEngine, plane: ZonePlane, g: AreaGeometry): { geom: Ptr; repaired: boolean } {
  return engine.validated(engine.fromPolygons(toPlanePolygons(plane, g)));
}
