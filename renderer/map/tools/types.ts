/**
 * The map's tool API: a feature creates a MapTool (what to draw and what to do with it) and hands it to the map
 * (MapHandle.setTool). The map runs it with terra-draw behind the adapter (ToolHost); the feature never sees
 * terra-draw or maplibre, only lon/lat geometries.
 */
import type { Geometry, LineString, Point, Polygon } from 'geojson';
import type { MergeRefusal, SplitRefusal } from '../../../shared/domain/geometry/split-merge';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { EditFigures } from './edit-figures.logic';
import type { GeometryRefusal } from './edit-validation.logic';
import type { SnapHit } from './snap.logic';
import type { VertexInputRefusal } from './vertex-input.logic';

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
  /** A drawing tool (the default when absent); an editing session is an EditTool. */
  kind?: 'draw';
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

/** One geometry in an editing session (lon/lat; a polygon has one outer ring). */
export interface EditFeature {
  id: string;
  geometry: ToolGeometry;
}

/** A geometry an editing session hands back, with the given features it came from. */
export interface EditedFeature extends EditFeature {
  /** [] drawn in this session; [id] that given feature (edited or not) or a piece split from it; [a, b] merged. */
  from: readonly string[];
}

/** Why an action in an editing session was refused (each has a sentence in i18n: `edit.refusal.<reason>`). */
export type EditRefusal =
  | GeometryRefusal
  | SplitRefusal
  | MergeRefusal
  | VertexInputRefusal
  /** Split or merge asked of a line or a point. */
  | 'notAPolygon'
  /** A vertex typed, split or merge asked for with no shape selected. */
  | 'nothingSelected'
  /** terra-draw refused a given geometry (not closed, holes, out-of-range coordinates). */
  | 'notEditable'
  /** The geometry engine could not load or failed. */
  | 'engineFailed'
  /** That command is not offered by this tool (EditTool.allow). */
  | 'notAllowed';

export interface SnapOptions {
  /** Snap to the vertices and edges of the visible map layers (stored and live), exactly as stored. Default true. */
  layers?: boolean;
  /** More lon/lat geometries to snap to (a parent area's boundary, neighbouring cells not being edited). */
  sources?: readonly Geometry[];
  /** How near the pointer must come, in CSS pixels. Default 10. */
  tolerancePx?: number;
}

/** The commands an editing session offers (all by default). */
export interface EditAllow {
  draw: boolean;
  split: boolean;
  merge: boolean;
  remove: boolean;
}

/**
 * An editing session over some geometries (a grid cell and its neighbours, an inspection plot): the user selects a
 * shape and moves, inserts and deletes its vertices, draws new shapes, splits one along a drawn line, merges two
 * neighbours, types vertices, undoes and redoes any of it; snapping to the visible layers, the other shapes and
 * `snap.sources`. Nothing is stored by the map: `onFinish` hands back every geometry, each valid.
 */
export interface EditTool {
  kind: 'edit';
  /** Names the tool for the shell ('grid.editCells'); `MapHandle.activeTool()` returns it. */
  id: string;
  /** The geometries to edit. Empty: the session starts by drawing one of `draw`. */
  features: readonly EditFeature[];
  /** The kind of a new shape (when it starts empty, and 新建). Default 'polygon'. */
  draw?: ToolMode;
  /** The zone figures are given in and a Y without its zone prefix is read in (the layer's or the area's). */
  zone?: GkZoneRef;
  /** false: no snapping. */
  snap?: SnapOptions | false;
  allow?: Partial<EditAllow>;
  /** The card's title, in the user's language (default 编辑图形). */
  title?: string;
  /** false: no card over the map (the feature shows its own, reading MapHandle.editor()). Default true. */
  card?: boolean;
  /** After every committed change (a vertex moved, inserted, deleted; a shape drawn, split, merged, removed; undo, redo). */
  onChange?(features: readonly EditedFeature[]): void;
  /** Finished (Enter, 完成) with every geometry valid; the tool has ended. */
  onFinish(features: readonly EditedFeature[]): void;
  /** Ended without finishing: Escape, 取消, another tool, or setTool(null). Once. */
  onCancel?(): void;
  /** An action was refused; the card says why as well. */
  onRefuse?(reason: EditRefusal): void;
}

/** Anything MapHandle.setTool runs. */
export type AnyTool = MapTool | EditTool;

export const isEditTool = (t: AnyTool): t is EditTool => t.kind === 'edit';

/** Where an editing session is (edit-machine.logic.ts). */
export type EditPhase = 'idle' | 'drawing' | 'editing' | 'picking' | 'done' | 'cancelled';

/** What the session shows: its card, and MapHandle.editor().view() for a feature's own UI. */
export interface EditView {
  toolId: string;
  title: string | null;
  phase: EditPhase;
  /** While drawing: what, and whether it is a new shape or the line that splits `target`. */
  drawing: { mode: ToolMode; purpose: 'new' | 'split'; target: string | null } | null;
  features: readonly EditedFeature[];
  selected: string | null;
  canUndo: boolean;
  canRedo: boolean;
  /** Live figures of the selected shape or the one being drawn. */
  figures: EditFigures | null;
  /** The last refusal, until the next successful action. */
  refusal: EditRefusal | null;
  snap: {
    enabled: boolean;
    /** Alt held. */
    suspended: boolean;
    /** What the pointer snapped to last (the marker), null when nothing. */
    hit: SnapHit | null;
    /** A visible layer had too many vertices in view to snap to (zoom in). */
    incomplete: boolean;
    /** How many visible layers' edges in view are indexed for snapping now. */
    layers: number;
  };
  zone: GkZoneRef | null;
  allow: EditAllow;
  /** A split or merge is being computed. */
  busy: boolean;
}
