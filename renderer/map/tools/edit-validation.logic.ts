/**
 * Whether an edited geometry may be kept (pure): a polygon's boundary must not cross or touch itself — GEOS calls such a
 * ring invalid, its area would be whatever a repair makes of it (README Decision 16), and a boundary is never stored
 * that way (issue 10: "a self-intersecting boundary is refused with a message, never stored"). Lines may cross
 * themselves (a patrol route does); every kind needs its fewest vertices.
 *
 * The test is on lon/lat as planar coordinates: crossing is a question of topology, which the projection to a GK
 * plane does not change at parcel scale. Segment pairs are found through a Flatbush index above 64 vertices.
 */
import Flatbush from 'flatbush';
import type { LngLat } from './tool-machine.logic';
import type { ToolGeometry } from './types';

export type GeometryRefusal =
  /** The boundary crosses or touches itself (a bowtie, a figure 8, a spike back along an edge). */
  | 'selfIntersecting'
  /** Fewer distinct vertices than the kind needs (polygon 3, line 2). */
  | 'tooFewVertices'
  /** Every vertex of the polygon on one line. */
  | 'zeroArea'
  /** A polygon with holes or several parts: the editor draws one outer ring. */
  | 'holesNotSupported';

export type GeometryCheck = { ok: true } | { ok: false; reason: GeometryRefusal };

type P = readonly [number, number];

const orient = (a: P, b: P, c: P): number => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const onSegment = (a: P, b: P, p: P): boolean =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

/** Whether segments a–b and c–d share any point (crossing, touching, or overlapping). */
export function segmentsMeet(a: P, b: P, c: P, d: P): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** Consecutive repeats dropped (and, for a ring, a last vertex equal to the first). */
export function distinctVertices(vertices: readonly LngLat[], closed: boolean): LngLat[] {
  const out: LngLat[] = [];
  for (const v of vertices) {
    const last = out[out.length - 1];
    if (!last || last[0] !== v[0] || last[1] !== v[1]) out.push(v);
  }
  if (closed && out.length > 1) {
    const first = out[0] as LngLat;
    const last = out[out.length - 1] as LngLat;
    if (first[0] === last[0] && first[1] === last[1]) out.pop();
  }
  return out;
}

/** Whether the closed ring through `v` (open: no closing repeat) crosses or touches itself. */
export function ringSelfIntersects(v: readonly LngLat[]): boolean {
  const n = v.length;
  if (n < 3) return false;
  const seg = (i: number): [P, P] => [v[i] as P, v[(i + 1) % n] as P];
  const check = (i: number, j: number): boolean => {
    if (i === j) return false;
    const [a, b] = seg(i);
    const [c, d] = seg(j);
    const adjacent = (i + 1) % n === j || (j + 1) % n === i;
    if (!adjacent) return segmentsMeet(a, b, c, d);
    // Neighbours share one end; they may not fold back along each other (a spike).
    const shared = (i + 1) % n === j ? b : a;
    const p = (i + 1) % n === j ? a : b; // the far end of segment i
    const q = (i + 1) % n === j ? d : c; // the far end of segment j
    return orient(p, shared, q) === 0 && (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0;
  };
  if (n <= 64) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (check(i, j)) return true;
    return false;
  }
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) {
    const [a, b] = seg(i);
    index.add(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
  }
  index.finish();
  for (let i = 0; i < n; i++) {
    const [a, b] = seg(i);
    const found = index.search(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1]));
    for (const j of found) if (j > i && check(i, j)) return true;
  }
  return false;
}

/** May this geometry be kept? */
export function checkEditGeometry(g: ToolGeometry): GeometryCheck {
  if (g.type === 'Point') return { ok: true };
  if (g.type === 'LineString')
    return distinctVertices(g.coordinates as LngLat[], false).length >= 2 ? { ok: true } : { ok: false, reason: 'tooFewVertices' };
  if (g.coordinates.length !== 1) return { ok: false, reason: 'holesNotSupported' };
  const v = distinctVertices((g.coordinates[0] ?? []) as LngLat[], true);
  if (v.length < 3) return { ok: false, reason: 'tooFewVertices' };
  if (ringSelfIntersects(v)) return { ok: false, reason: 'selfIntersecting' };
  let twiceArea = 0;
  for (let i = 0; i < v.length; i++) {
    const a = v[i] as LngLat;
    const b = v[(i + 1) % v.length] as LngLat;
    twiceArea += a[0] * b[1] - b[0] * a[1];
  }
  if (twiceArea === 0) return { ok: false, reason: 'zeroArea' };
  return { ok: true };
}
