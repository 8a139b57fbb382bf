/** Lengths: planar (GK metres, for boundary-point tables 边长) and geodesic on GRS80 (GeographicLib). */
import { GRS80_GEODESIC } from './ellipsoid';

/** Planar distance between two [easting, northing] points in metres. */
export function planarDistanceMetres(a: readonly number[], b: readonly number[]): number {
  return Math.hypot((b[0] as number) - (a[0] as number), (b[1] as number) - (a[1] as number));
}

export function planarLengthMetres(coords: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 1; i < coords.length; i++) s += planarDistanceMetres(coords[i - 1] as number[], coords[i] as number[]);
  return s;
}

/** Geodesic distance (GRS80, Karney's algorithm via GeographicLib) between two [lon, lat] points. */
export function geodesicDistanceMetres(a: readonly number[], b: readonly number[]): number {
  return GRS80_GEODESIC.Inverse(a[1] as number, a[0] as number, b[1] as number, b[0] as number).s12 ?? NaN;
}

export function geodesicLengthMetres(coordsLngLat: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 1; i < coordsLngLat.length; i++) s += geodesicDistanceMetres(coordsLngLat[i - 1] as number[], coordsLngLat[i] as number[]);
  return s;
}
