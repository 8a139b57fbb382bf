/**
 * Gauss-Krüger transforms on top of proj4.
 *
 * proj4's `tmerc` is the exact extended transverse Mercator (Poder/Engsager, same as PROJ's default
 * `tmerc`/`etmerc`) unless `+approx` is given; transform.spec.ts checks it against PROJ to 1 mm at 1.5°
 * (3° zones) and 3° (6° zones) from the central meridian, 18–53°N.
 *
 * Speed: we call the projection's own forward/inverse on radians with one reused point object, skipping
 * proj4's generic transform (datum checks, axis handling, array copies): ≈ 0.3 µs per point.
 */
import proj4 from 'proj4';
import type { GkZoneRef } from '../units/area';
import type { CrsInfo } from './types';
import { centralMeridianOfZone, falseEastingOf, gkProj4 } from './zones';

const DEG = Math.PI / 180;

/** The CGCS2000 3° (default) or 6° Gauss-Krüger zone containing a longitude. */
export function gkZoneForLongitude(lon: number, width: 3 | 6 = 3): GkZoneRef {
  // 3° zones are centred on multiples of 3° (zone n spans 3n − 1.5 … 3n + 1.5);
  // 6° zones start at 0°E (zone n spans 6n − 6 … 6n). Boundary longitudes go to the eastern zone.
  const zone = width === 3 ? Math.floor((lon + 1.5) / 3) : Math.floor(lon / 6) + 1;
  return { width, zone, centralMeridian: centralMeridianOfZone(width, zone) };
}

interface RawPoint {
  x: number;
  y: number;
}

function projectionOf(def: string): InstanceType<typeof proj4.Proj> {
  return new proj4.Proj(def);
}

export function makeProjInverse(def: string): (e: number, n: number) => [number, number] {
  const proj = projectionOf(def);
  const p: RawPoint = { x: 0, y: 0 };
  return (e, n) => {
    p.x = e;
    p.y = n;
    const r = proj.inverse(p);
    return [r.x / DEG, r.y / DEG];
  };
}

/** CGCS2000 GK proj4 string for a zone (ellipsoid GRS80, k = 1). */
export function cgcs2000GkProj4(zone: GkZoneRef, zonePrefix: boolean): string {
  return gkProj4('CGCS2000', zone.centralMeridian, falseEastingOf(zone.zone, zonePrefix));
}

/**
 * lon/lat (CGCS2000 degrees) → Gauss-Krüger survey coordinates in `zone`: { x: northing, y: easting }
 * (Chinese survey convention, X = north). With `zonePrefix`, Y carries the zone (39 500 000 + …).
 */
export function makeLngLatToGk(zone: GkZoneRef, zonePrefix: boolean): (lng: number, lat: number) => { x: number; y: number } {
  const fwd = makeLngLatToGkEN(zone, zonePrefix);
  return (lng, lat) => {
    const [e, n] = fwd(lng, lat);
    return { x: n, y: e };
  };
}

/** lon/lat → [easting, northing] in a CGCS2000 GK zone (map order, for geometry work). */
export function makeLngLatToGkEN(zone: GkZoneRef, zonePrefix: boolean): (lng: number, lat: number) => [number, number] {
  const proj = projectionOf(cgcs2000GkProj4(zone, zonePrefix));
  const p: RawPoint = { x: 0, y: 0 };
  return (lng, lat) => {
    p.x = lng * DEG;
    p.y = lat * DEG;
    const r = proj.forward(p);
    return [r.x, r.y];
  };
}

/** [easting, northing] in a CGCS2000 GK zone → [lon, lat] degrees. */
export function makeGkToLngLat(zone: GkZoneRef, zonePrefix: boolean): (e: number, n: number) => [number, number] {
  return makeProjInverse(cgcs2000GkProj4(zone, zonePrefix));
}

/**
 * A function from the CRS's native coordinates (easting, northing or lon, lat) to [lon, lat].
 * For Xian 1980 / Beijing 1954 the result is lon/lat on that local datum: no shift is applied
 * (none is known without local parameters; the CrsGuess carries `crs.localDatum`).
 */
export function makeToLngLat(crs: CrsInfo): (e: number, n: number) => [number, number] {
  if (crs.kind === 'geographic') return (e, n) => [e, n];
  return makeProjInverse(crs.proj4);
}

/** [lon, lat] degrees → the CRS's native coordinates (easting, northing; or lon, lat for a geographic CRS). */
export function makeFromLngLat(crs: CrsInfo): (lng: number, lat: number) => [number, number] {
  if (crs.kind === 'geographic') return (lng, lat) => [lng, lat];
  const proj = projectionOf(crs.proj4);
  const p: RawPoint = { x: 0, y: 0 };
  return (lng, lat) => {
    p.x = lng * DEG;
    p.y = lat * DEG;
    const r = proj.forward(p);
    return [r.x, r.y];
  };
}
