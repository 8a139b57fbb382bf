/**
 * Walking a GeoJSON geometry's positions and its bounding box: one place for the importer, the sample
 * township and the renderer's stored copy. Allocation-free (these run over millions of vertices).
 */
import type { Geometry, Position } from 'geojson';

/** [minX, minY, maxX, maxY] in the geometry's own frame (lon/lat or GK metres). */
export type Bbox = [number, number, number, number];

/** Visits every position without allocating; GeometryCollections are walked member by member. */
export function forEachPosition(g: Geometry, fn: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) fn(p);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const part of g.coordinates) for (const p of part) fn(p);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) for (const p of ring) fn(p);
      return;
    case 'GeometryCollection':
      for (const m of g.geometries) forEachPosition(m, fn);
      return;
  }
}

/** An empty box, ready for extendBbox (its min > max until something is added). */
export const emptyBbox = (): Bbox => [Infinity, Infinity, -Infinity, -Infinity];

export function extendBbox(b: Bbox, x: number, y: number): void {
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (x > b[2]) b[2] = x;
  if (y > b[3]) b[3] = y;
}

/** The box of some geometries (nulls skipped), or null when there is no position at all. */
export function geometriesBbox(geoms: Iterable<Geometry | null>): Bbox | null {
  const b = emptyBbox();
  for (const g of geoms) if (g) forEachPosition(g, (p) => extendBbox(b, p[0] as number, p[1] as number));
  return Number.isFinite(b[0]) ? b : null;
}

/** The box of polygons given as nested coordinates (outer rings only: holes lie inside them). */
export function polygonsBbox(polys: readonly Position[][][]): Bbox {
  const b = emptyBbox();
  for (const poly of polys) for (const p of poly[0] ?? []) extendBbox(b, p[0] as number, p[1] as number);
  return b;
}

export const bboxesOverlap = (a: Readonly<Bbox>, b: Readonly<Bbox>): boolean => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
export const bboxInside = (inner: Readonly<Bbox>, outer: Readonly<Bbox>): boolean =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
