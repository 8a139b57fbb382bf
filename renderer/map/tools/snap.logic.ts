/**
 * Snapping (pure): the nearest vertex within N screen pixels of the pointer, else the nearest point on an edge within
 * N pixels, among polylines held in a Flatbush index of their segments. Distances are measured on screen (what the
 * user sees), through the `project`/`unproject` the caller gives (the map's), and the point handed back is in lon/lat:
 * a vertex exactly as its source stores it, an edge point interpolated along the lon/lat segment.
 *
 * A vertex beats an edge (a corner is what a boundary is built from), so an edge point is only taken when no vertex
 * is within reach; between two of a kind, the nearer wins.
 */
import Flatbush from 'flatbush';
import { partCount, type SnapParts } from './snap-parts.logic';
import type { LngLat } from './tool-machine.logic';

export type ScreenXY = [number, number];

export interface SnapSourceParts {
  /** Names where the parts come from ('layer:<id>', 'edit:<feature id>', 'extra:<n>'). */
  id: string;
  parts: SnapParts;
}

export interface SnapQuery {
  project(lngLat: LngLat): ScreenXY;
  unproject(xy: ScreenXY): LngLat;
  tolerancePx: number;
  /** Sources left out of this query (the feature whose vertex is being moved). */
  skip?(sourceId: string): boolean;
}

export interface SnapHit {
  kind: 'vertex' | 'edge';
  lngLat: LngLat;
  distancePx: number;
  sourceId: string;
}

const dist = (a: ScreenXY, b: ScreenXY) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Of two hits, the one snapping prefers: a vertex over an edge, then the nearer. */
export function better(a: SnapHit | null, b: SnapHit | null): SnapHit | null {
  if (!a) return b;
  if (!b) return a;
  if (a.kind !== b.kind) return a.kind === 'vertex' ? a : b;
  return b.distancePx < a.distancePx ? b : a;
}

/** The lon/lat box the pointer's ±tolerance square covers on screen. */
export function searchBox(pointer: LngLat, q: SnapQuery): [number, number, number, number] {
  const [x, y] = q.project(pointer);
  const t = q.tolerancePx;
  const a = q.unproject([x - t, y - t]);
  const b = q.unproject([x + t, y + t]);
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
}

/** Segments of many sources in one index (a one-point part is a segment from the point to itself). */
export class SnapIndex {
  private readonly index: Flatbush | null;
  /** Per segment: its source and the index of its first point in that source's xy. */
  private readonly segSource: Uint32Array;
  private readonly segPoint: Uint32Array;
  /** Per segment: whether its end point is another point (false: a one-point part). */
  private readonly segHasEnd: Uint8Array;

  constructor(readonly sources: readonly SnapSourceParts[]) {
    let n = 0;
    for (const s of sources) {
      for (let i = 0; i < partCount(s.parts); i++) n += Math.max(1, (s.parts.starts[i + 1] as number) - (s.parts.starts[i] as number) - 1);
    }
    this.segSource = new Uint32Array(n);
    this.segPoint = new Uint32Array(n);
    this.segHasEnd = new Uint8Array(n);
    if (n === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(n);
    let k = 0;
    sources.forEach((s, si) => {
      const { xy, starts } = s.parts;
      for (let i = 0; i < partCount(s.parts); i++) {
        const a = starts[i] as number;
        const b = starts[i + 1] as number;
        if (b - a === 1) {
          index.add(xy[a * 2] as number, xy[a * 2 + 1] as number, xy[a * 2] as number, xy[a * 2 + 1] as number);
          this.segSource[k] = si;
          this.segPoint[k] = a;
          k++;
          continue;
        }
        for (let p = a; p < b - 1; p++) {
          const x0 = xy[p * 2] as number;
          const y0 = xy[p * 2 + 1] as number;
          const x1 = xy[p * 2 + 2] as number;
          const y1 = xy[p * 2 + 3] as number;
          index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
          this.segSource[k] = si;
          this.segPoint[k] = p;
          this.segHasEnd[k] = 1;
          k++;
        }
      }
    });
    index.finish();
    this.index = index;
  }

  get segmentCount(): number {
    return this.segPoint.length;
  }

  /** The vertex or edge point the pointer snaps to, or null when nothing is within the tolerance. */
  nearest(pointer: LngLat, q: SnapQuery): SnapHit | null {
    if (!this.index) return null;
    const box = searchBox(pointer, q);
    const ids = this.index.search(box[0], box[1], box[2], box[3]);
    const at = q.project(pointer);
    let vertex: SnapHit | null = null;
    let edge: SnapHit | null = null;
    for (const k of ids) {
      const source = this.sources[this.segSource[k] as number] as SnapSourceParts;
      if (q.skip?.(source.id)) continue;
      const xy = source.parts.xy;
      const p = this.segPoint[k] as number;
      const a: LngLat = [xy[p * 2] as number, xy[p * 2 + 1] as number];
      const pa = q.project(a);
      const da = dist(pa, at);
      if (da <= q.tolerancePx && (!vertex || da < vertex.distancePx)) vertex = { kind: 'vertex', lngLat: a, distancePx: da, sourceId: source.id };
      if (!this.segHasEnd[k]) continue;
      const b: LngLat = [xy[p * 2 + 2] as number, xy[p * 2 + 3] as number];
      const pb = q.project(b);
      const db = dist(pb, at);
      if (db <= q.tolerancePx && (!vertex || db < vertex.distancePx)) vertex = { kind: 'vertex', lngLat: b, distancePx: db, sourceId: source.id };
      if (vertex) continue; // an edge can no longer win
      const hit = nearestOnSegment(at, pa, pb);
      if (hit.distancePx > q.tolerancePx || (edge && hit.distancePx >= edge.distancePx)) continue;
      edge = { kind: 'edge', lngLat: [a[0] + (b[0] - a[0]) * hit.t, a[1] + (b[1] - a[1]) * hit.t], distancePx: hit.distancePx, sourceId: source.id };
    }
    return vertex ?? edge;
  }
}

/** The parameter t ∈ [0, 1] of the point of segment a–b nearest to p (screen space), and its distance. */
export function nearestOnSegment(p: ScreenXY, a: ScreenXY, b: ScreenXY): { t: number; distancePx: number } {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return { t, distancePx: Math.hypot(a[0] + dx * t - p[0], a[1] + dy * t - p[1]) };
}
