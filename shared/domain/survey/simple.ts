/**
 * Is a boundary ring simple? The checks a surveyor's point list fails in practice, each with a named reason so the
 * table can say which points to look at: fewer than three distinct points, a point repeated (the same place twice,
 * not as the ring's closing point), and two sides that cross or touch (a bowtie: J2–J3 crosses J4–J1).
 * Planar, in the ring's own GK metres, about its first point (zone-prefixed eastings keep their digits).
 * Near-linear in the number of points (positions sorted by easting, a Flatbush index of sides): a CASS file of 100 000
 * detail points handed over as a "boundary" is refused in well under a second instead of hanging on n² pairs.
 */
import Flatbush from 'flatbush';
import type { SurveyPoint } from '../../formats/survey/types';

export type RingRefusal =
  | { reason: 'tooFewPoints'; points: number }
  | { reason: 'repeatedPoint'; first: string; second: string }
  | { reason: 'selfIntersection'; sideA: string; sideB: string }
  | { reason: 'zeroArea' };

const SAME = 0.0005; // metres: coordinates are written to 1 mm

/** Orientation of (a, b, c): > 0 counter-clockwise in the (east, north) plane. */
const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) - SAME <= px && px <= Math.max(ax, bx) + SAME && Math.min(ay, by) - SAME <= py && py <= Math.max(ay, by) + SAME;
}

/** Do segments ab and cd meet (cross or touch)? */
function segmentsMeet(a: number[], b: number[], c: number[], d: number[]): boolean {
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const [cx, cy] = c as [number, number];
  const [dx, dy] = d as [number, number];
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  // Touching: an end on the other segment (|orient| / length below the 1 mm tolerance).
  const near = (o: number, px: number, py: number, qx: number, qy: number): boolean => Math.abs(o) <= SAME * Math.hypot(qx - px, qy - py);
  return (
    (near(d1, cx, cy, dx, dy) && onSegment(cx, cy, dx, dy, ax, ay)) ||
    (near(d2, cx, cy, dx, dy) && onSegment(cx, cy, dx, dy, bx, by)) ||
    (near(d3, ax, ay, bx, by) && onSegment(ax, ay, bx, by, cx, cy)) ||
    (near(d4, ax, ay, bx, by) && onSegment(ax, ay, bx, by, dx, dy))
  );
}

/** The first reason the ring (points in order, closing side implied) is not a simple polygon ring, or null. */
export function ringRefusal(points: readonly SurveyPoint[]): RingRefusal | null {
  const n = points.length;
  if (n < 3) return { reason: 'tooFewPoints', points: n };
  const o = points[0] as SurveyPoint;
  const xy = points.map((p) => [p.y - o.y, p.x - o.x]); // (east, north) about the first point
  // Repeated points: sorted by easting, each compared with the following points less than 1 mm east of it.
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (xy[i]?.[0] as number) - (xy[j]?.[0] as number));
  let repeated: [number, number] | null = null;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const [e, nn] = xy[i] as [number, number];
    for (let l = k + 1; l < n; l++) {
      const j = order[l] as number;
      const q = xy[j] as [number, number];
      if (q[0] - e > SAME) break;
      if (Math.abs(q[1] - nn) > SAME) continue;
      const pair: [number, number] = i < j ? [i, j] : [j, i];
      if (!repeated || pair[1] < repeated[1] || (pair[1] === repeated[1] && pair[0] < repeated[0])) repeated = pair;
    }
  }
  if (repeated)
    return { reason: 'repeatedPoint', first: (points[repeated[0]] as SurveyPoint).name, second: (points[repeated[1]] as SurveyPoint).name };
  const side = (i: number): string => `${(points[i] as SurveyPoint).name}–${(points[(i + 1) % n] as SurveyPoint).name}`;
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const [ax, ay] = xy[i] as [number, number];
    const [bx, by] = xy[(i + 1) % n] as [number, number];
    index.add(Math.min(ax, bx) - SAME, Math.min(ay, by) - SAME, Math.max(ax, bx) + SAME, Math.max(ay, by) + SAME);
  }
  index.finish();
  let crossing: [number, number] | null = null;
  for (let i = 0; i < n; i++) {
    const a = xy[i] as number[];
    const b = xy[(i + 1) % n] as number[];
    for (const j of index.search(
      Math.min(a[0] as number, b[0] as number) - SAME,
      Math.min(a[1] as number, b[1] as number) - SAME,
      Math.max(a[0] as number, b[0] as number) + SAME,
      Math.max(a[1] as number, b[1] as number) + SAME,
    )) {
      if (j <= i + 1 || (i === 0 && j === n - 1)) continue; // itself, its neighbours (also through the closing point)
      if (!segmentsMeet(a, b, xy[j] as number[], xy[(j + 1) % n] as number[])) continue;
      // Report the first crossing in side order, as a reader scanning the table would meet it.
      if (!crossing || i < crossing[0] || (i === crossing[0] && j < crossing[1])) crossing = [i, j];
    }
    if (crossing) break;
  }
  if (crossing) return { reason: 'selfIntersection', sideA: side(crossing[0]), sideB: side(crossing[1]) };
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const a = xy[i] as number[];
    const b = xy[(i + 1) % n] as number[];
    twice += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  if (Math.abs(twice) / 2 < 1e-6) return { reason: 'zeroArea' };
  return null;
}
