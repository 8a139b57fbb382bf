/**
 * What snapping can snap to, in a compact form both the tile worker and the UI thread use: the polylines of
 * GeoJSON geometries (polygon rings closed, lines as drawn, points as one-point parts) as one flat Float64Array of
 * lon/lat pairs, full precision (the stored geometry's own numbers, never a tile's quantised ones). Pure.
 *
 * A PartIndex holds a whole layer and answers "the parts touching this box": the worker keeps one per layer while an
 * edit tool snaps to it, and sends the UI thread only the parts in view.
 */
import Flatbush from 'flatbush';
import type { Geometry, Position } from 'geojson';
import type { Bbox } from '../../../shared/domain/geometry/bbox';

export interface SnapParts {
  /** lon, lat, lon, lat … */
  xy: Float64Array;
  /** Part i is points starts[i] … starts[i + 1] − 1 (so starts has one entry more than there are parts). */
  starts: Uint32Array;
}

/** A fresh empty set of parts (fresh: the worker transfers its buffers). */
export const emptyParts = (): SnapParts => ({ xy: new Float64Array(0), starts: new Uint32Array([0]) });

export const partCount = (p: SnapParts): number => p.starts.length - 1;
export const pointCount = (p: SnapParts): number => p.xy.length / 2;

/** The polylines of one geometry, as position lists. */
function linesOf(g: Geometry | null | undefined, out: Position[][]): void {
  if (!g) return;
  switch (g.type) {
    case 'Point':
      out.push([g.coordinates]);
      return;
    case 'MultiPoint':
      for (const p of g.coordinates) out.push([p]);
      return;
    case 'LineString':
      out.push(g.coordinates);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const l of g.coordinates) out.push(l);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const r of poly) out.push(r);
      return;
    case 'GeometryCollection':
      for (const c of g.geometries) linesOf(c, out);
  }
}

/** Every polyline of `geometries`, flattened (empty and non-finite positions dropped). */
export function partsOfGeometries(geometries: Iterable<Geometry | null | undefined>): SnapParts {
  const lines: Position[][] = [];
  for (const g of geometries) linesOf(g, lines);
  let n = 0;
  for (const l of lines) n += l.length;
  const xy = new Float64Array(n * 2);
  const starts: number[] = [0];
  let at = 0;
  for (const l of lines) {
    const from = at;
    for (const p of l) {
      const x = p[0];
      const y = p[1];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) continue;
      xy[at * 2] = x;
      xy[at * 2 + 1] = y;
      at++;
    }
    if (at > from) starts.push(at);
  }
  return { xy: at === n ? xy : xy.slice(0, at * 2), starts: Uint32Array.from(starts) };
}

/** Parts by number, copied out into one SnapParts. */
export function selectParts(parts: SnapParts, ids: readonly number[]): SnapParts {
  let n = 0;
  for (const i of ids) n += (parts.starts[i + 1] as number) - (parts.starts[i] as number);
  const xy = new Float64Array(n * 2);
  const starts = new Uint32Array(ids.length + 1);
  let at = 0;
  ids.forEach((i, k) => {
    const a = parts.starts[i] as number;
    const b = parts.starts[i + 1] as number;
    xy.set(parts.xy.subarray(a * 2, b * 2), at * 2);
    at += b - a;
    starts[k + 1] = at;
  });
  return { xy, starts };
}

/** One layer's parts with a box index over them. */
export class PartIndex {
  private readonly index: Flatbush | null;

  constructor(readonly parts: SnapParts) {
    const count = partCount(parts);
    if (count === 0) {
      this.index = null;
      return;
    }
    const index = new Flatbush(count);
    for (let i = 0; i < count; i++) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let k = parts.starts[i] as number; k < (parts.starts[i + 1] as number); k++) {
        const x = parts.xy[k * 2] as number;
        const y = parts.xy[k * 2 + 1] as number;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      index.add(minX, minY, maxX, maxY);
    }
    index.finish();
    this.index = index;
  }

  /**
   * The parts whose box touches `bbox`, in part order. With more than `maxPoints` points in them the answer is
   * `truncated` and empty: snapping to some of a layer's edges and not others would mislead (zoom in instead).
   */
  query(bbox: Bbox, maxPoints = Infinity): { parts: SnapParts; truncated: boolean } {
    if (!this.index) return { parts: emptyParts(), truncated: false };
    const ids = this.index.search(bbox[0], bbox[1], bbox[2], bbox[3]).sort((a, b) => a - b);
    let n = 0;
    for (const i of ids) n += (this.parts.starts[i + 1] as number) - (this.parts.starts[i] as number);
    if (n > maxPoints) return { parts: emptyParts(), truncated: true };
    return { parts: selectParts(this.parts, ids), truncated: false };
  }
}
