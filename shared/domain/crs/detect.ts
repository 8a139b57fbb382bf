/**
 * CRS from coordinates alone (no .prj), README, Domain rule 4:
 * - lon/lat inside China's extent (73–135°E, 3–54°N) → CGCS2000 geographic (EPSG:4490), flagged
 *   `crs.assumedFromCoordinates` (WGS84 data looks the same; cm-level difference).
 * - 8-digit easting: the first two digits are the zone; 13–23 → 6° zone, 25–45 → 3° zone, with prefix.
 * - 6-digit easting ≈ 500 000 ± 400 000 with a plausible northing → the central meridian is unknown:
 *   ask the user (candidates: the 3° CGCS2000 no-prefix CMs 75–135°E). Never guess silently.
 */
import type { Bbox } from '../geometry/bbox';
import type { CrsGuess, CrsInfo } from './types';
import { centralMeridianOfZone, falseEastingOf, geographicCrs, gkCrs, isChinaZone } from './zones';

/** China's lon/lat extent, with margin (73–135°E, 3–54°N). */
export const inChinaLngLat = (x: number, y: number): boolean => x >= 73 && x <= 135 && y >= 3 && y <= 54;

export function detectCrsFromCoordinates(bbox: Bbox, sample?: [number, number][]): CrsGuess {
  const [minX, minY, maxX, maxY] = bbox;
  const points: [number, number][] = [[minX, minY], [maxX, maxY], ...(sample ?? [])];
  if (points.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && inChinaLngLat(x, y))) {
    return {
      kind: 'known',
      crs: geographicCrs('CGCS2000', 'coordinates'),
      warnings: [{ code: 'crs.assumedFromCoordinates', params: { epsg: 4490 } }],
    };
  }
  // 8-digit eastings with one zone prefix across the whole extent.
  const zMin = Math.floor(minX / 1_000_000);
  const zMax = Math.floor(maxX / 1_000_000);
  if (minX >= 10_000_000 && maxX < 100_000_000 && zMin === zMax && minY >= 0 && maxY < 10_000_000) {
    const width = isChinaZone(6, zMin) ? 6 : isChinaZone(3, zMin) ? 3 : null;
    if (width !== null) {
      const crs = gkCrs(
        { datum: 'CGCS2000', width, centralMeridian: centralMeridianOfZone(width, zMin), falseEasting: falseEastingOf(zMin, true) },
        'coordinates',
      );
      return { kind: 'known', crs, warnings: [{ code: 'crs.assumedFromCoordinates', params: { zone: zMin, width } }] };
    }
  }
  if (minX >= 100_000 && maxX <= 900_000 && minY >= 300_000 && maxY <= 6_000_000) {
    const candidates: CrsInfo[] = [];
    for (let zone = 25; zone <= 45; zone++) {
      candidates.push(gkCrs({ datum: 'CGCS2000', width: 3, centralMeridian: centralMeridianOfZone(3, zone), falseEasting: 500_000 }, 'coordinates'));
    }
    return { kind: 'ask-user', reason: 'no-prj-6-digit-easting', candidates, warnings: [] };
  }
  return { kind: 'ask-user', reason: 'no-prj-unrecognised', candidates: [], warnings: [] };
}
