/** Rings from a file's ordered points: is the ring closed on its first point, and how (shared by every reader). */
import type { SurveyPoint, SurveyRing } from './types';

/** Two points at the same place to the file's precision (0.5 mm: coordinates are written to 1 mm). */
const SAME_PLACE_METRES = 0.0005;

/** The same to 5e-9° (0.5 mm) for points still in lon/lat (GPX, KML). */
const SAME_PLACE_DEGREES = 5e-9;

export function samePlace(a: SurveyPoint, b: SurveyPoint): boolean {
  if (a.lngLat && b.lngLat)
    return Math.abs(a.lngLat[0] - b.lngLat[0]) <= SAME_PLACE_DEGREES && Math.abs(a.lngLat[1] - b.lngLat[1]) <= SAME_PLACE_DEGREES;
  return Math.abs(a.x - b.x) <= SAME_PLACE_METRES && Math.abs(a.y - b.y) <= SAME_PLACE_METRES;
}

/**
 * A ring of `points` in file order. The file closed it when the last point repeats the first, at the same place or
 * under the same name; that repetition is dropped (J1 is one point). A closing point named as the first but placed
 * elsewhere is kept as `closingPoint`: the gap between them is a closing error the plot reports.
 */
export function ringOf(ringNo: number, points: readonly SurveyPoint[]): SurveyRing {
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length >= 2 && first && last) {
    if (samePlace(first, last)) return { ringNo, points: points.slice(0, -1), closed: true };
    if (first.name !== '' && first.name === last.name) return { ringNo, points: points.slice(0, -1), closed: true, closingPoint: last };
  }
  return { ringNo, points: [...points], closed: false };
}

/**
 * The rings of one ordered run of points (a CASS or CSV file): a point that returns to the current ring's first point
 * (same place, or same name) once the ring has three points closes it, and the points after it start the next ring
 * (a hole, or another part, decided by the plot). A run that never returns is one open ring.
 */
export function ringsOfSequence(points: readonly SurveyPoint[]): SurveyRing[] {
  const rings: SurveyRing[] = [];
  let current: SurveyPoint[] = [];
  for (const p of points) {
    const first = current[0];
    current.push(p);
    if (first && current.length >= 4 && (samePlace(first, p) || (first.name !== '' && first.name === p.name))) {
      rings.push(ringOf(rings.length + 1, current));
      current = [];
    }
  }
  if (current.length > 0) rings.push(ringOf(rings.length + 1, current));
  return rings;
}
