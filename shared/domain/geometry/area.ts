/**
 * Polygon areas: planar (shoelace on Gauss-Krüger metres) and ellipsoidal (CGCS2000/GRS80).
 *
 * Ellipsoidal area, fast path: Lambert cylindrical equal-area projection of the ellipsoid
 * (Snyder, "Map Projections: A Working Manual", USGS PP 1395, eq. 3-12 for q(φ) and 10-15 for
 * x = a·λ, y = a·q/2). The map is equal-area, so the shoelace area of the projected ring equals the
 * ellipsoidal area of the region bounded by the projected edges. Those edges are straight in the
 * cylindrical plane instead of geodesics; the difference shrinks with the cube of the edge length
 * and is < 1e-9 relative for edges of a few hundred metres (measured against GeographicLib in
 * area.spec.ts). Rings with any edge longer than LONG_EDGE_METRES go to GeographicLib's PolygonArea
 * (Karney 2013), which is exact for geodesic edges of any length.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { squareMetres, toMu, type AreaFigures, type GkZoneRef, type SquareMetres } from '../units/area';
import { makeLngLatToGkEN } from '../crs/transform';
import { GRS80_A, GRS80_F, GRS80_GEODESIC } from './ellipsoid';

export type AreaGeometry = Polygon | MultiPolygon;

const DEG = Math.PI / 180;
const E2 = GRS80_F * (2 - GRS80_F);
const E = Math.sqrt(E2);

/**
 * Edges longer than this send their ring to GeographicLib. Chosen by measurement (area.spec.ts):
 * with 300 m edges the straight-edge error is ~1e-12 relative, with 2 km edges ~1e-9 near 53°N;
 * 1 km keeps the fast path well inside 1e-9 while every cadastral parcel stays on it.
 */
export const LONG_EDGE_METRES = 1000;
const LONG_EDGE_RAD2 = (LONG_EDGE_METRES / GRS80_A) ** 2;

/** Snyder eq. 3-12: q(φ) = (1 − e²)[sinφ/(1 − e² sin²φ) − 1/(2e)·ln((1 − e sinφ)/(1 + e sinφ))]. */
function authalicQ(latRad: number): number {
  const s = Math.sin(latRad);
  const es = E * s;
  return (1 - E2) * (s / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}

const coord = (p: Position | undefined, i: 0 | 1): number => (p ? (p[i] as number) : NaN);

/** Signed shoelace area of a ring of planar coordinates (m²), computed about the first vertex so
 *  zone-prefixed eastings (35 600 000 m) keep full precision. CCW positive. */
export function ringSignedAreaM2(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const x0 = coord(ring[0], 0);
  const y0 = coord(ring[0], 1);
  let sum = 0;
  let px = 0;
  let py = 0;
  for (let i = 1; i < n; i++) {
    const p = ring[i] as Position;
    const x = (p[0] as number) - x0;
    const y = (p[1] as number) - y0;
    sum += px * y - x * py;
    px = x;
    py = y;
  }
  return sum / 2; // closing edge back to (0, 0) contributes 0
}

/** The polygons of a polygon or multipolygon, as one list. */
export function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Planar area (m²) of a polygon or multipolygon in metres: |outer| − Σ|holes| per polygon. */
export function planarAreaM2(geometry: AreaGeometry): SquareMetres {
  return sumRings(geometry, (ring) => Math.abs(ringSignedAreaM2(ring)));
}

/** q at the pole, Snyder eq. 3-12 with φ = 90°: the authalic sphere has R² = a²·q_p/2. */
const Q_POLE = authalicQ(Math.PI / 2);
const AUTHALIC_R2 = (GRS80_A * GRS80_A * Q_POLE) / 2;

/**
 * |area| of one lon/lat ring, fast path, or NaN if an edge is longer than LONG_EDGE_METRES.
 *
 * 1. Shoelace in the Lambert cylindrical equal-area plane (x = λ, y = sin β, β the authalic latitude,
 *    sin β = q/q_p): exact ellipsoidal area of the ring whose edges are straight in that plane.
 * 2. Edge correction: a geodesic is not straight there; the sliver between a great circle and the
 *    straight (λ, sin β) segment is computed on the authalic sphere per edge, as the difference of the
 *    exact great-circle trapezoid to the equator, 2·atan(tan(Δλ/2)(t₁+t₂)/(1+t₁t₂)) with t = tan(β/2)
 *    (the spherical-excess edge term), and the straight trapezoid Δλ(sin β₁ + sin β₂)/2. Without it the
 *    error is ~L²·tanφ/(R·size): 3e-7 for a 1 km ring with 80 m edges, > 1e-9 for real parcels.
 *    With it what remains is the sphere/ellipsoid difference of a correction that is itself small
 *    (~e² of it), < 1e-9 relative for edges up to LONG_EDGE_METRES (measured in area.spec.ts).
 */
function ringAreaFast(ring: readonly Position[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  let lonPrev = coord(ring[0], 0) * DEG;
  let latPrev = coord(ring[0], 1) * DEG;
  let sPrev = authalicQ(latPrev) / Q_POLE; // sin β
  const s0 = sPrev;
  let tPrev = sPrev / (1 + Math.sqrt(1 - sPrev * sPrev)); // tan(β/2)
  let sum = 0; // Σ of −Δλ·(y₁ + y₂)/2 about (λ₀, sin β₀): twice-signed shoelace, CCW positive
  let corr = 0; // Σ (great-circle trapezoid − straight trapezoid)
  for (let i = 1; i <= n; i++) {
    const closing = i === n;
    const p = closing ? (ring[0] as Position) : (ring[i] as Position);
    const lon = (p[0] as number) * DEG;
    const lat = (p[1] as number) * DEG;
    const dLon = lon - lonPrev;
    if (closing && dLon === 0 && lat === latPrev) break; // closed GeoJSON ring: nothing left
    const dLat = lat - latPrev;
    const dLonCos = dLon * Math.cos(lat);
    if (dLat * dLat + dLonCos * dLonCos > LONG_EDGE_RAD2) return NaN;
    const s = closing ? s0 : authalicQ(lat) / Q_POLE;
    const t = s / (1 + Math.sqrt(1 - s * s));
    sum -= dLon * (sPrev - s0 + (s - s0)) * 0.5; // straight trapezoid, about sin β₀ for precision
    corr += 2 * Math.atan2(Math.tan(dLon / 2) * (tPrev + t), 1 + tPrev * t) - (dLon * (sPrev + s)) / 2;
    lonPrev = lon;
    latPrev = lat;
    sPrev = s;
    tPrev = t;
  }
  return Math.abs((sum - corr) * AUTHALIC_R2);
}

/** |area| of a lon/lat ring with geodesic edges, by GeographicLib (exact). */
function ringAreaGeographicLib(ring: readonly Position[]): number {
  const poly = GRS80_GEODESIC.Polygon(false);
  const n = ring.length;
  const closed = n > 1 && coord(ring[0], 0) === coord(ring[n - 1], 0) && coord(ring[0], 1) === coord(ring[n - 1], 1);
  for (let i = 0; i < (closed ? n - 1 : n); i++) {
    const p = ring[i] as Position;
    poly.AddPoint(p[1] as number, p[0] as number);
  }
  // reverse = false, sign = true: signed area; we take |·| and subtract holes ourselves.
  return Math.abs(poly.Compute(false, true).area ?? NaN);
}

function sumRings(geometry: AreaGeometry, ringArea: (ring: readonly Position[]) => number): SquareMetres {
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, i) => {
      const a = ringArea(ring);
      total += i === 0 ? a : -a;
    });
  }
  return squareMetres(total);
}

/**
 * Ellipsoidal area (m²) on GRS80 of a lon/lat (CGCS2000) polygon or multipolygon. Fast equal-area
 * shoelace for rings with short edges, GeographicLib for rings with an edge over LONG_EDGE_METRES.
 */
export function ellipsoidalAreaM2(geometryLngLat: AreaGeometry): SquareMetres {
  return sumRings(geometryLngLat, (ring) => {
    const fast = ringAreaFast(ring);
    return Number.isNaN(fast) ? ringAreaGeographicLib(ring) : fast;
  });
}

/** Ellipsoidal area (m²) with geodesic edges, by GeographicLib PolygonArea only (~1.6 µs/vertex). */
export function geodesicAreaM2Exact(geometryLngLat: AreaGeometry): SquareMetres {
  return sumRings(geometryLngLat, ringAreaGeographicLib);
}

const projectors = new Map<string, (lng: number, lat: number) => [number, number]>();
function zoneProjector(zone: GkZoneRef): (lng: number, lat: number) => [number, number] {
  const key = `${zone.width}/${zone.zone}`;
  let f = projectors.get(key);
  if (!f) {
    f = makeLngLatToGkEN(zone, false);
    projectors.set(key, f);
  }
  return f;
}

/** Project a lon/lat polygon/multipolygon into a CGCS2000 GK zone (no prefix), [easting, northing]. */
export function projectToZone(geometryLngLat: AreaGeometry, zone: GkZoneRef): AreaGeometry {
  const f = zoneProjector(zone);
  const ring = (r: Position[]): Position[] => r.map((p) => f(p[0] as number, p[1] as number));
  return geometryLngLat.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometryLngLat.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometryLngLat.coordinates.map((poly) => poly.map(ring)) };
}

export interface FeatureAreaOptions {
  /** The CGCS2000 GK zone the planar figure is given in (usually the data's zone, or the plot's). */
  zone: GkZoneRef;
  /** Whether `planarGeometry` eastings carry the zone prefix (only documents the input; area is unaffected). */
  zonePrefix?: boolean;
  /** The source GK geometry, when the data was in `zone`: the planar area comes from it directly. */
  planarGeometry?: AreaGeometry;
  /** The planar area already taken from the source GK coordinates (lets the importer reproject in place). */
  planarM2?: SquareMetres;
}

/**
 * The labelled area figures of one feature: ellipsoidal (GRS80), planar in `opts.zone`, and 亩 from the
 * planar figure (× 0.0015, README Domain rule 1). With `planarGeometry` the planar figure is the shoelace of the
 * source coordinates — exactly what ArcGIS writes to Shape_Area — with no projection round trip.
 */
export function featureAreas(geometryLngLat: AreaGeometry, opts: FeatureAreaOptions): AreaFigures {
  const planarM2 =
    opts.planarM2 ?? (opts.planarGeometry ? planarAreaM2(opts.planarGeometry) : planarAreaM2(projectToZone(geometryLngLat, opts.zone)));
  return { ellipsoidalM2: ellipsoidalAreaM2(geometryLngLat), planarM2, mu: toMu(planarM2), zone: opts.zone };
}
