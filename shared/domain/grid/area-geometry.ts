/**
 * An area's boundary as stored: a GeoJSON Polygon or MultiPolygon in lon/lat degrees, CGCS2000 (EPSG:4490, drawn
 * as WGS84: README Domain rule 4). Checked at every boundary (a record read back, a feature promoted, a drawing):
 * rings of at least four positions, closed, of finite longitudes within ±180° and latitudes within ±90°. Whether
 * a boundary crosses itself is the engine's question (generate.ts and topology.ts repair it the MakeValid way,
 * README Decision 16); this check only keeps what cannot be a boundary out of the store.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { gkZoneForLongitude } from '../crs/transform';
import { isChinaZone, centralMeridianOfZone } from '../crs/zones';
import { polygonsOf } from '../geometry/area';
import { polygonsBbox } from '../geometry/bbox';
import type { GkZoneRef } from '../units/area';
import { isFiniteNumber, isObject } from '../../validation/guards';
import { fail, ok, type Validation } from '../../validation/validation';

export type AreaGeometry = Polygon | MultiPolygon;

export type AreaGeometryReason = 'badGeometry';

const isLngLat = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && isFiniteNumber(p[0]) && isFiniteNumber(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return 'a ring is not a list';
  if (ring.length < 4) return 'a ring has fewer than 4 positions';
  if (!ring.every(isLngLat)) return 'a position is not [longitude, latitude] in degrees';
  const a = ring[0] as Position;
  const b = ring[ring.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) return 'a ring is not closed';
  return null;
}

function polygonProblem(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon has no rings';
  for (const r of rings) {
    const p = ringProblem(r);
    if (p) return p;
  }
  return null;
}

/** The boundary as it is (only [lon, lat] of each position kept: a height has no meaning for an area), or badGeometry. */
export function validateAreaGeometry(raw: unknown): Validation<AreaGeometry, AreaGeometryReason> {
  if (!isObject(raw)) return fail('badGeometry', '', 'not a geometry object');
  const polys: unknown = raw.type === 'Polygon' ? [raw.coordinates] : raw.type === 'MultiPolygon' ? raw.coordinates : null;
  if (polys === null) return fail('badGeometry', 'type', `expected Polygon or MultiPolygon, found ${String(raw.type)}`);
  if (!Array.isArray(polys) || polys.length === 0) return fail('badGeometry', 'coordinates', 'no polygons');
  for (const rings of polys) {
    const p = polygonProblem(rings);
    if (p) return fail('badGeometry', 'coordinates', p);
  }
  const flat = (ring: Position[]): Position[] => ring.map((p) => (p.length === 2 ? p : [p[0] as number, p[1] as number]));
  return raw.type === 'Polygon'
    ? ok({ type: 'Polygon', coordinates: (raw.coordinates as Position[][]).map(flat) })
    : ok({ type: 'MultiPolygon', coordinates: (raw.coordinates as Position[][][]).map((poly) => poly.map(flat)) });
}

/**
 * The CGCS2000 3° GK zone an area's figures are in when nothing better is known: the zone of its box's centre,
 * the rule overlay.ts and the measure tool use (README Decisions 10 and 22).
 */
export function defaultZoneOf(g: AreaGeometry): GkZoneRef {
  const [w, , e] = polygonsBbox(polygonsOf(g));
  return gkZoneForLongitude((w + e) / 2, 3);
}

export type ZoneReason = 'badZone';

/** A GK zone reference as stored: 3° zones 25–45 or 6° zones 13–23 with their central meridian (README Domain rule 4). */
export function validateZone(raw: unknown): Validation<GkZoneRef, ZoneReason> {
  if (!isObject(raw)) return fail('badZone', '', 'not a zone object');
  const { width, zone, centralMeridian } = raw;
  if (width !== 3 && width !== 6) return fail('badZone', 'width', `zone width ${String(width)}`);
  if (typeof zone !== 'number' || !isChinaZone(width, zone)) return fail('badZone', 'zone', `no ${width}° zone ${String(zone)} in China`);
  if (centralMeridian !== centralMeridianOfZone(width, zone))
    return fail('badZone', 'centralMeridian', `zone ${zone} has CM ${centralMeridianOfZone(width, zone)}, found ${String(centralMeridian)}`);
  return ok({ width, zone, centralMeridian });
}
