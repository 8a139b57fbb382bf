// CONTRACT STUB — implemented by the domain work; signatures are fixed, bodies will be replaced.
import type { GkZoneRef } from '../units/area';
import type { CrsInfo } from './types';

/** The CGCS2000 3° (default) or 6° Gauss-Krüger zone containing a longitude. */
export function gkZoneForLongitude(_lon: number, _width: 3 | 6 = 3): GkZoneRef {
  throw new Error('not implemented');
}

/**
 * A function from lon/lat (degrees) to Gauss-Krüger survey coordinates in `zone`:
 * returns { x: northing, y: easting } — Chinese survey convention, X = north. With `zonePrefix`,
 * Y carries the zone number (e.g. 39 500 000 + …).
 */
export function makeLngLatToGk(_zone: GkZoneRef, _zonePrefix: boolean): (lng: number, lat: number) => { x: number; y: number } {
  throw new Error('not implemented');
}

/** A function from the CRS's native coordinates (easting, northing or lon, lat) to [lon, lat]. */
export function makeToLngLat(_crs: CrsInfo): (e: number, n: number) => [number, number] {
  throw new Error('not implemented');
}
