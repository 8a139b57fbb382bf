/**
 * The map's tool API: a feature creates a MapTool (what to draw and what to do with it) and hands it to the map
 * (MapHandle.setTool). The map runs it with terra-draw behind the adapter (ToolHost); the feature never sees
 * terra-draw or maplibre, only lon/lat geometries.
 */
import type { LineString, Point, Polygon } from 'geojson';

/** What the user draws: a polyline, a polygon (one outer ring, no holes), or a single point. */
export type ToolMode = 'linestring' | 'polygon' | 'point';

/** The geometry of each mode, in lon/lat (CGCS2000 ≈ WGS84 at the cm level). */
export interface ToolGeometryOf {
  linestring: LineString;
  polygon: Polygon;
  point: Point;
}
export type ToolGeometry = ToolGeometryOf[ToolMode];

/**
 * Where a tool is (tool-machine.logic.ts): idle (active, nothing drawn yet) → drawing (vertices placed) → done
 * (finished: the shape stays on the map; the next click starts a new one) — or cancelled (Escape, or the tool was
 * replaced or removed; terminal: the tool is no longer active).
 */
export type ToolState = 'idle' | 'drawing' | 'done' | 'cancelled';

export interface MapTool<M extends ToolMode = ToolMode> {
  /** Names the tool for the shell ('measure.length'); `MapHandle.activeTool()` returns it. */
  id: string;
  mode: M;
  /**
   * The shape as it is being drawn, on every vertex and pointer move: `vertices` are the placed vertices plus, while
   * drawing, the pointer's position as the last one (a live preview). Polygon vertices are the open ring (no closing
   * repeat), in the order the user placed them.
   */
  onChange?(vertices: readonly [number, number][], state: 'drawing'): void;
  /** The user finished (Enter, a click on the last vertex of a line or the first of a polygon; a point at once). */
  onFinish?(geometry: ToolGeometryOf[M], vertices: readonly [number, number][]): void;
  /** The tool stopped being active without being replaced by itself: Escape, another tool, or setTool(null). Once. */
  onCancel?(): void;
}
