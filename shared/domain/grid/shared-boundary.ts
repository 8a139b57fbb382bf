/**
 * How long a border two polygons share, in plane metres: the total length over which an edge of one lies on an edge
 * of the other (collinear and overlapping, within `toleranceMetres`). Used to merge a sliver into the neighbour it
 * borders most (generate.ts). Pieces clipped from one boundary by one set of grid lines share their vertices to far
 * below a millimetre, so a micrometre tolerance finds every shared edge and no merely close one.
 */
import type { Position } from 'geojson';
import type { Polygons } from '../geometry/engine/engine';

type Segment = [number, number, number, number];

function segmentsOf(polys: Polygons): Segment[] {
  const out: Segment[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1] as Position;
        const b = ring[i] as Position;
        out.push([a[0] as number, a[1] as number, b[0] as number, b[1] as number]);
      }
    }
  }
  return out;
}

/** Length of the part of `q` that lies on `p` (both straight), 0 when they are not collinear within `tol`. */
function overlapOnSegment(p: Segment, q: Segment, tol: number): number {
  const dx = p[2] - p[0];
  const dy = p[3] - p[1];
  const len = Math.hypot(dx, dy);
  if (len <= tol) return 0;
  const off = (x: number, y: number): number => Math.abs(dx * (y - p[1]) - dy * (x - p[0])) / len;
  if (off(q[0], q[1]) > tol || off(q[2], q[3]) > tol) return 0;
  const t1 = (dx * (q[0] - p[0]) + dy * (q[1] - p[1])) / len;
  const t2 = (dx * (q[2] - p[0]) + dy * (q[3] - p[1])) / len;
  const lo = Math.max(0, Math.min(t1, t2));
  const hi = Math.min(len, Math.max(t1, t2));
  return hi > lo ? hi - lo : 0;
}

export function sharedBoundaryMetres(a: Polygons, b: Polygons, toleranceMetres = 1e-6): number {
  const sa = segmentsOf(a);
  const sb = segmentsOf(b);
  let total = 0;
  for (const p of sa) {
    const pMinX = Math.min(p[0], p[2]) - toleranceMetres;
    const pMaxX = Math.max(p[0], p[2]) + toleranceMetres;
    const pMinY = Math.min(p[1], p[3]) - toleranceMetres;
    const pMaxY = Math.max(p[1], p[3]) + toleranceMetres;
    for (const q of sb) {
      if (Math.max(q[0], q[2]) < pMinX || Math.min(q[0], q[2]) > pMaxX || Math.max(q[1], q[3]) < pMinY || Math.min(q[1], q[3]) > pMaxY) continue;
      total += overlapOnSegment(p, q, toleranceMetres);
    }
  }
  return total;
}
