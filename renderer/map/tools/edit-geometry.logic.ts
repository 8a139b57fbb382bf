/**
 * Vertex operations on the geometry being edited (pure, lon/lat GeoJSON in and out): its open vertex list, deleting a
 * vertex (never below the kind's fewest), inserting a typed vertex where it lengthens the boundary least, and the
 * vertex under the pointer (screen pixels, through the map's projection).
 */
import type { LngLat } from './tool-machine.logic';
import type { ScreenXY } from './snap.logic';
import type { ToolGeometry, ToolMode } from './types';

/** Fewest vertices a kept geometry has: a polygon's ring 3 (open), a line 2, a point 1. */
export const MIN_EDIT_VERTICES: Record<ToolGeometry['type'], number> = { Polygon: 3, LineString: 2, Point: 1 };

export const modeOfGeometry = (g: ToolGeometry): ToolMode => (g.type === 'Polygon' ? 'polygon' : g.type === 'LineString' ? 'linestring' : 'point');

const lngLat = (p: readonly number[]): LngLat => [p[0] as number, p[1] as number];

/** The vertices as the user sees them: a polygon's outer ring without its closing repeat, a line's, a point. */
export function openVertices(g: ToolGeometry): LngLat[] {
  if (g.type === 'Point') return [lngLat(g.coordinates)];
  if (g.type === 'LineString') return g.coordinates.map(lngLat);
  const ring = (g.coordinates[0] ?? []).map(lngLat);
  return ring.length > 1 ? ring.slice(0, -1) : ring;
}

/** The geometry of the same kind through `vertices` (a polygon's ring closed again). */
export function withVertices(g: ToolGeometry, vertices: readonly LngLat[]): ToolGeometry {
  const coords = vertices.map((v) => [v[0], v[1]]);
  if (g.type === 'Point') return { type: 'Point', coordinates: coords[0] ?? g.coordinates };
  if (g.type === 'LineString') return { type: 'LineString', coordinates: coords };
  return { type: 'Polygon', coordinates: [[...coords, ...(coords[0] ? [coords[0]] : [])]] };
}

/** `g` without vertex `index`, or null when that would leave too few (a point is never emptied). */
export function deleteVertex(g: ToolGeometry, index: number): ToolGeometry | null {
  const v = openVertices(g);
  if (index < 0 || index >= v.length || v.length - 1 < MIN_EDIT_VERTICES[g.type]) return null;
  return withVertices(
    g,
    v.filter((_, i) => i !== index),
  );
}

/** Metres-like plane for comparing lengths near a place: x scaled by cos(latitude). */
export function localPlane(near: LngLat): (p: LngLat) => [number, number] {
  const k = Math.cos((near[1] * Math.PI) / 180);
  return (p) => [p[0] * k, p[1]];
}

const d = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * `g` with `p` added where it lengthens the outline least: into a polygon's nearest edge (the closing edge counts),
 * into a line's nearest segment or before its first / after its last vertex; a point moves to `p`.
 * Returns the new geometry and the index `p` took.
 */
export function insertVertex(g: ToolGeometry, p: LngLat, plane = localPlane(p)): { geometry: ToolGeometry; index: number } {
  if (g.type === 'Point') return { geometry: { type: 'Point', coordinates: [p[0], p[1]] }, index: 0 };
  const v = openVertices(g);
  const q = plane(p);
  const xy = v.map(plane);
  const closed = g.type === 'Polygon';
  let best = { at: v.length, cost: Infinity };
  const segments = closed ? v.length : v.length - 1;
  for (let i = 0; i < segments; i++) {
    const a = xy[i] as [number, number];
    const b = xy[(i + 1) % v.length] as [number, number];
    const cost = d(a, q) + d(q, b) - d(a, b);
    if (cost < best.cost) best = { at: i + 1, cost };
  }
  if (!closed && xy.length > 0) {
    const first = d(q, xy[0] as [number, number]);
    const last = d(q, xy[xy.length - 1] as [number, number]);
    if (first < best.cost) best = { at: 0, cost: first };
    if (last < best.cost) best = { at: v.length, cost: last };
  }
  const next = [...v.slice(0, best.at), p, ...v.slice(best.at)];
  return { geometry: withVertices(g, next), index: best.at };
}

/** The index of the vertex nearest to `pointer` on screen within `tolerancePx`, or null. */
export function vertexUnder(g: ToolGeometry, pointer: ScreenXY, project: (p: LngLat) => ScreenXY, tolerancePx: number): number | null {
  let best: { i: number; dist: number } | null = null;
  openVertices(g).forEach((v, i) => {
    const s = project(v);
    const dist = Math.hypot(s[0] - pointer[0], s[1] - pointer[1]);
    if (dist <= tolerancePx && (!best || dist < best.dist)) best = { i, dist };
  });
  return (best as { i: number } | null)?.i ?? null;
}
