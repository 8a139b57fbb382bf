/**
 * terra-draw's in-progress geometries → the vertices a tool reports. Pure (terra-draw's store shapes only).
 *
 * While drawing, terra-draw keeps the pointer's position in the geometry: a line is [v1 … vn, pointer]; a polygon
 * ring is [v1 … vn, pointer, v1], and after the first click [v1, pointer, pointer − ε, v1] (an ε-offset helper vertex
 * so the ring is a valid polygon). Its `provisionalCoordinateCount` property counts the ring's real vertices
 * (placed + pointer), which drops that helper. A finished ring comes back counter-clockwise (right-hand rule),
 * whatever order the user clicked: areas use |shoelace| so orientation does not matter.
 */
import type { LngLat } from './tool-machine.logic';
import type { ToolMode } from './types';

type Pos = readonly number[];

const same = (a: Pos, b: Pos) => a[0] === b[0] && a[1] === b[1];

/** Consecutive repeats removed (a click placed where the pointer already was). */
function dedupe(points: readonly Pos[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || !same(last, p)) out.push([p[0] as number, p[1] as number]);
  }
  return out;
}

export interface DrawnGeometry {
  type: string;
  coordinates: unknown;
}

/**
 * The vertices of a terra-draw geometry of `mode`, or null when it is not that mode's shape (guidance points such as
 * closing and snapping markers are Points drawn by line and polygon modes).
 */
export function verticesOf(mode: ToolMode, geometry: DrawnGeometry, provisionalCount?: number): LngLat[] | null {
  if (mode === 'linestring') {
    if (geometry.type !== 'LineString') return null;
    return dedupe(geometry.coordinates as Pos[]);
  }
  if (mode === 'polygon') {
    if (geometry.type !== 'Polygon') return null;
    const ring = ((geometry.coordinates as Pos[][])[0] ?? []) as Pos[];
    const open = provisionalCount !== undefined && provisionalCount > 0 ? ring.slice(0, provisionalCount) : ring.slice(0, -1);
    const v = dedupe(open);
    // The pointer on the first vertex (about to close) is the closing repeat, not a vertex.
    if (v.length > 1 && same(v[0]!, v[v.length - 1]!)) v.pop();
    return v;
  }
  if (geometry.type !== 'Point') return null;
  const c = geometry.coordinates as Pos;
  return [[c[0] as number, c[1] as number]];
}

/** The GeoJSON geometry of finished vertices (a polygon's ring closed again). */
export function geometryOf(mode: ToolMode, vertices: readonly LngLat[]) {
  const coords = vertices.map((v) => [v[0], v[1]]);
  if (mode === 'linestring') return { type: 'LineString' as const, coordinates: coords };
  if (mode === 'polygon') return { type: 'Polygon' as const, coordinates: [[...coords, ...(coords[0] ? [coords[0]] : [])]] };
  return { type: 'Point' as const, coordinates: coords[0] ?? [] };
}
