/**
 * Is a boundary ring simple? The checks a surveyor's point list fails in practice, each with a named reason so the
 * table can say which points to look at: fewer than three distinct points, a point repeated (the same place twice,
 * not as the ring's closing point), and two sides that cross or touch (a bowtie: J2–J3 crosses J4–J1).
 * Planar, in the ring's own GK metres, about its first point (zone-prefixed eastings keep their digits).
 */
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
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = xy[i] as number[];
      const b = xy[j] as number[];
      if (Math.abs((a[0] as number) - (b[0] as number)) <= SAME && Math.abs((a[1] as number) - (b[1] as number)) <= SAME)
        return { reason: 'repeatedPoint', first: (points[i] as SurveyPoint).name, second: (points[j] as SurveyPoint).name };
    }
  const side = (i: number): string => `${(points[i] as SurveyPoint).name}–${(points[(i + 1) % n] as SurveyPoint).name}`;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing point
      if (segmentsMeet(xy[i] as number[], xy[(i + 1) % n] as number[], xy[j] as number[], xy[(j + 1) % n] as number[]))
        return { reason: 'selfIntersection', sideA: side(i), sideB: side(j) };
    }
  let twice = 0;
  for (let i = 0; i < n; i++) {
    const a = xy[i] as number[];
    const b = xy[(i + 1) % n] as number[];
    twice += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  if (Math.abs(twice) / 2 < 1e-6) return { reason: 'zeroArea' };
  return null;
}
