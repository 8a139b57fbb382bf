/**
 * Does a layer's extent make sense in the CRS it claims? (README, Domain rule 4: China spans ~3–54°N, 73–135°E;
 * in GK the northing of mainland China starts around 2 000 km (18°N ≈ 1 990 km).)
 * Returns warnings, never throws: the importer shows them and lets the user decide.
 */
import type { CrsInfo, CrsWarning } from './types';
import { makeToLngLat } from './transform';
import type { Bbox } from '../geometry/bbox';
import { inChinaLngLat } from './detect';

/** Northing below 100 km is ~1°N: a GK layer there is drawn about the false origin, not in China. */
const MIN_PLAUSIBLE_NORTHING_M = 100_000;
/** Easting within 5 km of the false easting on both sides, with a tiny northing: local/engineering grid. */
const NEAR_FALSE_EASTING_M = 5_000;

export function checkPlausibility(crs: CrsInfo, bboxNative: Bbox): CrsWarning[] {
  const [minX, minY, maxX, maxY] = bboxNative;
  const warnings: CrsWarning[] = [];
  if (crs.kind === 'projected' && crs.gk) {
    const fe = crs.gk.falseEasting;
    const nearFalseEasting = Math.abs(minX - fe) < NEAR_FALSE_EASTING_M && Math.abs(maxX - fe) < NEAR_FALSE_EASTING_M;
    if (maxY < MIN_PLAUSIBLE_NORTHING_M || (nearFalseEasting && Math.abs(minY) < MIN_PLAUSIBLE_NORTHING_M)) {
      warnings.push({ code: 'crs.nearFalseOrigin', params: { minNorthing: Math.round(minY), falseEasting: fe } });
      return warnings; // the other checks are meaningless for such coordinates
    }
    // Swapped: the easting slot holds a northing-sized value (2e6–6e6 when no prefix is expected, or
    // anything without the expected prefix) while the northing slot looks like an easting.
    const eastingLike = (v: number): boolean => (crs.gk?.zonePrefix ? Math.abs(v - fe) < 1_000_000 : v > 0 && v < 1_000_000);
    if (!eastingLike(minX) && eastingLike(minY) && eastingLike(maxY) && minX > 1_500_000 && maxX < 6_500_000) {
      warnings.push({ code: 'crs.swappedXY', params: { minX: Math.round(minX), minY: Math.round(minY) } });
      return warnings;
    }
    // Zone prefix in the coordinates vs the .prj zone.
    const coordZone = Math.floor(minX / 1_000_000);
    if (minX >= 10_000_000 && Math.floor(maxX / 1_000_000) === coordZone) {
      const prjZone = crs.gk.zonePrefix ? crs.gk.zone : null;
      if (prjZone === null || prjZone !== coordZone) {
        warnings.push({ code: 'crs.zoneMismatch', params: { coordinateZone: coordZone, prjZone: prjZone ?? 'none' } });
        return warnings;
      }
    }
  }
  const toLngLat = makeToLngLat(crs);
  const corners = [toLngLat(minX, minY), toLngLat(maxX, maxY), toLngLat(minX, maxY), toLngLat(maxX, minY)];
  if (corners.some(([lon, lat]) => !inChinaLngLat(lon, lat))) {
    warnings.push({ code: 'crs.outsideChina' });
  }
  return warnings;
}
