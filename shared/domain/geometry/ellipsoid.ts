/**
 * The CGCS2000 ellipsoid (GB/T 18522 / CGCS2000 definition): a = 6 378 137 m, 1/f = 298.257222101 —
 * the GRS80 values. GeographicLib instance shared by area and length code.
 */
import { Geodesic } from 'geographiclib-geodesic';

export const GRS80_A = 6378137;
export const GRS80_F = 1 / 298.257222101;

export const GRS80_GEODESIC = new Geodesic.Geodesic(GRS80_A, GRS80_F);
