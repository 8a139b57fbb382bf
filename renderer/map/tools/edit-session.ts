/**
 * One editing session (an EditTool) run over the host's terra-draw instance: the pure rules decide (edit-machine,
 * edit-history, edit-geometry, edit-validation, snap, vertex-input logic), this class performs — terra-draw's modes and
 * store, the snap marker, split and merge by the geometry engine in the edit-ops worker — and tells the tool and the card.
 *
 * terra-draw holds the shapes while they are edited; the session's history holds every committed scene, and undo/redo
 * put a scene back into terra-draw's store (its own per-feature undo cannot undo a split in one step). While a shape is
 * being drawn, undo/redo step through its vertices (terra-draw's mode-level history).
 */
import type * as maplibregl from 'maplibre-gl';
import type { Position } from 'geojson';
import type { GeoJSONStoreFeatures, SnappableContext, TerraDraw, TerraDrawMouseEvent } from 'terra-draw';
import { gkZoneForLongitude } from '../../../shared/domain/crs/transform';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import type { MapLayerSpec } from '../layer-style';
import { verticesOf } from './draw-modes.logic';
import { editFigures, type EditFigures } from './edit-figures.logic';
import { editOps } from './edit-ops-client';
import { deleteVertex, insertVertex, modeOfGeometry, openVertices, vertexUnder } from './edit-geometry.logic';
import * as H from './edit-history.logic';
import { editKeyAction, editStep, initialEditState, type EditEvent, type EditMachineState } from './edit-machine.logic';
import { checkEditGeometry, distinctVertices, ringSelfIntersects } from './edit-validation.logic';
import { partsOfGeometries } from './snap-parts.logic';
import { SnapMarker } from './snap-marker';
import { LayerSnapSources } from './snap-sources';
import { better, SnapIndex, type ScreenXY, type SnapHit, type SnapQuery } from './snap.logic';
import { SELECT_MODE, TERRA_MODE_NAME, type TerraModes } from './terra-modes';
import type { LngLat } from './tool-machine.logic';
import { parseVertexInput, type ParsedVertex } from './vertex-input.logic';
import type { EditAllow, EditRefusal, EditTool, EditView, ToolGeometry, ToolMode } from './types';

export interface EditSessionDeps {
  map: maplibregl.Map;
  draw: TerraDraw;
  modes: TerraModes;
  layers(): readonly MapLayerSpec[];
  /** The session is over (done or cancelled): the host lets go of it. */
  ended(): void;
  /** The view changed (the card re-renders). */
  changed(): void;
}

/** What a feature's own UI (or a journey) may ask of the running session: MapHandle.editor(). */
export interface EditorHandle {
  view(): EditView;
  select(id: string | null): void;
  /** Draw a new shape (default: the tool's kind). */
  draw(mode?: ToolMode): void;
  /** Draw a line to cut `id` (default: the selected polygon) along. */
  split(id?: string): void;
  /** Merge `a` (default: the selected) with `b`; without `b`, the user clicks the neighbour. */
  merge(a?: string, b?: string): Promise<EditRefusal | null>;
  remove(id?: string): void;
  /** A vertex: the next one of the shape being drawn, else inserted into the selected shape. */
  addVertex(lngLat: LngLat): EditRefusal | null;
  /** A typed vertex (vertex-input.logic), read in the tool's zone, then added. */
  addVertexText(text: string): ParsedVertex;
  undo(): void;
  redo(): void;
  finish(): void;
  cancel(): void;
}

const DEFAULT_TOLERANCE_PX = 10;
const FINISH_ACTIONS = new Set(['dragCoordinate', 'insertMidpoint', 'deleteCoordinate', 'dragFeature', 'dragCoordinateResize']);

const inTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

export class EditSession {
  private history: H.EditHistory;
  private machine: EditMachineState;
  private refusal: EditRefusal | null = null;
  private busy = false;
  private figures: EditFigures | null = null;
  private snapHit: SnapHit | null = null;
  private altHeld = false;
  /** A synthetic click (a typed vertex) is being placed: no snapping moves it. */
  private typing = false;
  private pointer: ScreenXY | null = null;
  private syncing = false;
  private cachedView: EditView | null = null;
  private figuresFrame = 0;
  private readonly allow: EditAllow;
  private readonly zone: GkZoneRef | null;
  private readonly tolerancePx: number;
  private readonly layerSnaps: LayerSnapSources | null;
  private readonly extraSnaps: SnapIndex | null;
  private sessionSnaps: SnapIndex | null = null;
  private readonly marker: SnapMarker;
  private live = true;

  constructor(
    readonly tool: EditTool,
    private readonly d: EditSessionDeps,
  ) {
    this.allow = { draw: true, split: true, merge: true, remove: true, ...tool.allow };
    this.zone = tool.zone ?? null;
    const snap = tool.snap === false ? null : (tool.snap ?? {});
    this.tolerancePx = snap?.tolerancePx ?? DEFAULT_TOLERANCE_PX;
    this.layerSnaps = snap && snap.layers !== false ? new LayerSnapSources(d.map, d.layers, () => this.changed()) : null;
    this.extraSnaps = snap?.sources?.length ? new SnapIndex([{ id: 'extra', parts: partsOfGeometries(snap.sources) }]) : null;
    this.marker = new SnapMarker(d.map);
    const scene: H.Scene = tool.features.map((f) => ({ id: f.id, geometry: f.geometry, from: [f.id] }));
    this.history = H.startHistory(scene);
    this.machine = initialEditState(null);
    window.addEventListener('keyup', this.onKeyUp, true);
    window.addEventListener('blur', this.onBlur);
  }

  /** Puts the shapes into terra-draw and begins: editing the one given shape, idle among several, drawing with none. */
  start(): void {
    this.syncStore(null);
    const scene = this.history.present;
    if (scene.length === 0) this.step({ type: 'draw', mode: this.tool.draw ?? 'polygon', purpose: 'new' });
    else if (scene.length === 1 && this.inStore(scene[0]!.id)) this.selectInTerra(scene[0]!.id);
    this.changed();
  }

  // ── the view ──────────────────────────────────────────────────────────────────────────────────────────────────

  view(): EditView {
    this.cachedView ??= {
      toolId: this.tool.id,
      title: this.tool.title ?? null,
      phase: this.machine.phase,
      drawing: this.machine.drawing,
      features: this.history.present,
      selected: this.machine.selected,
      canUndo: this.machine.phase === 'drawing' ? this.d.draw.canUndo() : H.canUndo(this.history),
      canRedo: this.machine.phase === 'drawing' ? this.d.draw.canRedo() : H.canRedo(this.history),
      figures: this.figures,
      refusal: this.refusal,
      snap: {
        enabled: this.layerSnaps !== null || this.extraSnaps !== null || this.tool.snap !== false,
        suspended: this.altHeld,
        hit: this.snapHit,
        incomplete: this.layerSnaps?.incomplete ?? false,
        layers: this.layerSnaps?.current()?.sources.length ?? 0,
      },
      zone: this.zone,
      allow: this.allow,
      busy: this.busy,
    };
    return this.cachedView;
  }

  private changed(): void {
    this.cachedView = null;
    this.d.changed();
  }

  handle(): EditorHandle {
    return {
      view: () => this.view(),
      select: (id) => this.select(id),
      draw: (mode) => this.startDrawing(mode ?? this.tool.draw ?? 'polygon'),
      split: (id) => this.startSplit(id),
      merge: (a, b) => this.merge(a, b),
      remove: (id) => this.remove(id),
      addVertex: (p) => this.addVertex(p),
      addVertexText: (text) => {
        // A 6-digit Y is read in the tool's zone only: with none the parser says 'zoneNeeded' rather than guess one from
        // the view (README Domain rule 4).
        const parsed = parseVertexInput(text, this.zone);
        if (parsed.ok) this.addVertex(parsed.lngLat);
        else this.refuse(parsed.reason);
        return parsed;
      },
      undo: () => this.undo(),
      redo: () => this.redo(),
      finish: () => this.finish(),
      cancel: () => this.step({ type: 'cancel' }),
    };
  }

  // ── the machine ───────────────────────────────────────────────────────────────────────────────────────────────

  private step(e: EditEvent): void {
    const t = editStep(this.machine, e);
    this.machine = t.state;
    for (const effect of t.effects) {
      if (effect.type === 'mode')
        this.d.draw.setMode(effect.mode === 'select' ? SELECT_MODE : effect.mode === 'static' ? 'static' : TERRA_MODE_NAME[effect.mode]);
      else if (effect.type === 'finish') this.end(() => this.tool.onFinish(this.history.present));
      else this.end(() => this.tool.onCancel?.());
    }
    if (t.effects.some((x) => x.type === 'mode')) this.updateFigures();
    this.changed();
  }

  private end(notify: () => void): void {
    if (!this.live) return;
    this.live = false;
    this.destroy();
    this.d.ended();
    notify();
  }

  /** The host ends the session (another tool, or none): onCancel once. */
  cancel(): void {
    if (this.live) this.step({ type: 'cancel' });
  }

  destroy(): void {
    this.live = false;
    cancelAnimationFrame(this.figuresFrame);
    window.removeEventListener('keyup', this.onKeyUp, true);
    window.removeEventListener('blur', this.onBlur);
    this.layerSnaps?.destroy();
    this.marker.remove();
  }

  private refuse(reason: EditRefusal): void {
    const repeat = this.refusal === reason;
    this.refusal = reason;
    this.changed();
    if (!repeat) this.tool.onRefuse?.(reason);
  }

  private commit(scene: H.Scene): void {
    const before = this.history;
    this.history = H.commit(this.history, scene);
    this.refusal = null;
    if (this.history !== before) {
      this.rebuildSessionSnaps();
      this.tool.onChange?.(this.history.present);
    }
    this.changed();
  }

  // ── terra-draw's store ────────────────────────────────────────────────────────────────────────────────────────

  private inStore(id: string): boolean {
    return this.d.draw.hasFeature(id);
  }

  private storeFeature(f: H.Scene[number]): GeoJSONStoreFeatures {
    return {
      type: 'Feature',
      id: f.id,
      geometry: f.geometry,
      properties: { mode: TERRA_MODE_NAME[modeOfGeometry(f.geometry)] },
    } as GeoJSONStoreFeatures;
  }

  /** Makes terra-draw's store hold exactly the present scene, and selects `select` again if it is still there. */
  private syncStore(select: string | null): void {
    const draw = this.d.draw;
    this.syncing = true;
    try {
      if (draw.getMode() !== SELECT_MODE) draw.setMode(SELECT_MODE);
      const selected = this.machine.selected;
      if (selected && draw.hasFeature(selected)) draw.deselectFeature(selected);
      draw.clear();
      const results = draw.addFeatures(this.history.present.map((f) => this.storeFeature(f)));
      if (results.some((r) => !r.valid)) this.refusal = 'notEditable';
    } finally {
      this.syncing = false;
    }
    this.rebuildSessionSnaps();
    if (select && draw.hasFeature(select)) this.selectInTerra(select);
    else this.step({ type: 'select', id: null });
  }

  private selectInTerra(id: string): void {
    if (this.d.draw.getMode() !== SELECT_MODE) this.d.draw.setMode(SELECT_MODE);
    this.d.draw.selectFeature(id);
    // terra-draw's 'select' event moves the machine; make sure it has, whatever the order of events.
    if (this.machine.selected !== id) this.step({ type: 'select', id });
  }

  private geometryInStore(id: string): ToolGeometry | null {
    const f = this.d.draw.getSnapshotFeature(id);
    return f ? (f.geometry as ToolGeometry) : null;
  }

  private rebuildSessionSnaps(): void {
    this.sessionSnaps = new SnapIndex(this.history.present.map((f) => ({ id: `edit:${f.id}`, parts: partsOfGeometries([f.geometry]) })));
  }

  // ── terra-draw's events (from the host) ───────────────────────────────────────────────────────────────────────

  onSelect(id: string): void {
    if (this.syncing || this.machine.phase === 'picking') return;
    this.step({ type: 'select', id });
    this.updateFigures();
  }

  onDeselect(): void {
    if (this.syncing) return;
    if (this.machine.phase === 'editing') this.step({ type: 'select', id: null });
    this.updateFigures();
  }

  onChange(ids: readonly (string | number)[], type: string): void {
    if (this.syncing || type === 'delete' || type === 'styling') return;
    const selected = this.machine.selected;
    if (this.machine.phase === 'drawing' || (selected !== null && ids.includes(selected))) this.scheduleFigures();
  }

  onFinish(id: string | number, ctx: { mode: string; action: string }): void {
    if (this.syncing || !this.live) return;
    this.showSnap(null);
    const drawing = this.machine.drawing;
    if (ctx.action === 'draw' && drawing && ctx.mode === TERRA_MODE_NAME[drawing.mode]) {
      const f = this.d.draw.getSnapshotFeature(id);
      if (!f) return;
      const geometry = f.geometry as ToolGeometry;
      if (drawing.purpose === 'split') {
        this.d.draw.removeFeatures([id]);
        this.step({ type: 'drawn', selected: drawing.target });
        if (drawing.target) void this.applySplit(drawing.target, geometry);
        return;
      }
      const check = checkEditGeometry(geometry);
      if (!check.ok) {
        this.d.draw.removeFeatures([id]);
        this.refuse(check.reason);
        this.step({ type: 'abort' });
        return;
      }
      const newId = String(id);
      this.commit(H.addFeature(this.history.present, newId, geometry));
      this.step({ type: 'drawn', selected: newId });
      this.selectInTerra(newId);
      return;
    }
    if (!FINISH_ACTIONS.has(ctx.action)) return;
    const sid = String(id);
    const geometry = this.geometryInStore(sid);
    if (geometry) this.commit(H.replaceGeometry(this.history.present, sid, geometry));
    this.updateFigures();
  }

  /** terra-draw was restarted after a style change: its store is empty; put the present scene back. */
  reload(): void {
    if (!this.live) return;
    const wasDrawing = this.machine.phase === 'drawing' || this.machine.phase === 'picking';
    if (wasDrawing) this.step({ type: 'abort' });
    this.syncStore(this.machine.selected);
    this.marker.ensure();
  }

  layersChanged(): void {
    void this.layerSnaps?.refresh();
  }

  raiseMarker(): void {
    this.marker.raise();
  }

  // ── pointer and keys (from the host) ──────────────────────────────────────────────────────────────────────────

  onPointer(point: ScreenXY): void {
    this.pointer = point;
  }

  onMapClick(lngLat: LngLat): void {
    if (this.machine.phase !== 'picking') return;
    const a = this.machine.selected;
    const hits = this.d.draw
      .getFeaturesAtLngLat(
        { lng: lngLat[0], lat: lngLat[1] },
        {
          ignoreSelectFeatures: true,
          ignoreCoordinatePoints: true,
          ignoreCurrentlyDrawing: true,
          ignoreClosingPoints: true,
          ignoreSnappingPoints: true,
        },
      )
      .map((f) => String(f.id))
      .filter((id) => id !== a && this.history.present.some((f) => f.id === id && f.geometry.type === 'Polygon'));
    const b = hits[0];
    this.step({ type: 'picked', selected: a });
    if (a && this.inStore(a)) this.selectInTerra(a);
    if (a && b) void this.merge(a, b);
  }

  /** A key pressed anywhere while the session runs; true when the session used it. */
  onKey(e: KeyboardEvent): boolean {
    if (e.key === 'Alt') {
      this.setAlt(true);
      e.preventDefault(); // no menu-bar focus while snapping is held off
      return true;
    }
    const action = editKeyAction(this.machine.phase, e.key, { ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey }, inTextField(e.target));
    switch (action) {
      case null:
        return false;
      case 'undo':
        this.undo();
        break;
      case 'redo':
        this.redo();
        break;
      case 'deleteVertex':
        this.deleteVertexUnderPointer();
        break;
      case 'finish':
        this.finish();
        break;
      case 'finishShape': {
        // terra-draw hears Enter only on the map canvas: pass a key pressed elsewhere on to it. (preventDefault below:
        // Enter on the card's focused button would press it too.)
        const canvas = this.d.map.getCanvas();
        if (e.target !== canvas) canvas.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
        break;
      }
      case 'abort':
        this.step({ type: 'abort' });
        if (this.machine.selected && this.inStore(this.machine.selected)) this.selectInTerra(this.machine.selected);
        break;
      case 'cancel':
        this.step({ type: 'cancel' });
        break;
    }
    e.preventDefault();
    return true;
  }

  private readonly onKeyUp = (e: KeyboardEvent): void => {
    if (e.key === 'Alt') this.setAlt(false);
  };

  private readonly onBlur = (): void => this.setAlt(false);

  private setAlt(held: boolean): void {
    if (this.altHeld === held) return;
    this.altHeld = held;
    if (held) this.showSnap(null);
    this.changed();
  }

  // ── snapping and validation (terra-draw's hooks, through the host) ────────────────────────────────────────────

  snap(event: TerraDrawMouseEvent, ctx: SnappableContext): Position | undefined {
    if (this.typing || this.altHeld || this.tool.snap === false) {
      this.showSnap(null);
      return undefined;
    }
    const map = this.d.map;
    const current = ctx.currentId === undefined ? null : `edit:${String(ctx.currentId)}`;
    const q: SnapQuery = {
      project: (p) => {
        const s = map.project(p);
        return [s.x, s.y];
      },
      unproject: (xy) => {
        const l = map.unproject(xy);
        return [l.lng, l.lat];
      },
      tolerancePx: this.tolerancePx,
      skip: (id) => id === current,
    };
    const at: LngLat = [event.lng, event.lat];
    const hit = better(
      better(this.layerSnaps?.current()?.nearest(at, q) ?? null, this.sessionSnaps?.nearest(at, q) ?? null),
      this.extraSnaps?.nearest(at, q) ?? null,
    );
    this.showSnap(hit);
    return hit ? [hit.lngLat[0], hit.lngLat[1]] : undefined;
  }

  private showSnap(hit: SnapHit | null): void {
    if (hit === this.snapHit || (!hit && !this.snapHit)) return;
    this.snapHit = hit;
    this.marker.show(hit);
    this.changed();
  }

  /**
   * terra-draw's validation hook. While drawing, only a placed vertex or the closing click is checked (the rubber band
   * may cross for a moment); while editing, every drag step is (the vertex stays where the boundary was still valid).
   */
  validate(feature: GeoJSONStoreFeatures, updateType: string, editing: boolean): { valid: boolean; reason?: string } {
    if (!this.live || feature.geometry.type !== 'Polygon') return { valid: true };
    if (!editing && (updateType === 'provisional' || this.machine.drawing?.purpose === 'split')) return { valid: true };
    const ring = distinctVertices(
      ((feature.geometry.coordinates[0] ?? []) as LngLat[]).map((p) => [p[0], p[1]] as LngLat),
      true,
    );
    if (!ringSelfIntersects(ring)) return { valid: true };
    this.refuse('selfIntersecting');
    return { valid: false, reason: 'selfIntersecting' };
  }

  // ── figures ───────────────────────────────────────────────────────────────────────────────────────────────────

  private scheduleFigures(): void {
    if (this.figuresFrame) return;
    this.figuresFrame = requestAnimationFrame(() => {
      this.figuresFrame = 0;
      this.updateFigures();
    });
  }

  /** The live figures of the shape being drawn (its placed vertices and the pointer) or of the selected one. */
  private updateFigures(): void {
    let vertices: LngLat[] | null = null;
    let closed = false;
    const drawing = this.machine.drawing;
    if (this.machine.phase === 'drawing' && drawing) {
      const f = this.d.draw.getSnapshot().find((x) => x.properties.mode === TERRA_MODE_NAME[drawing.mode] && x.properties.currentlyDrawing);
      const count = typeof f?.properties.provisionalCoordinateCount === 'number' ? f.properties.provisionalCoordinateCount : undefined;
      vertices = f ? verticesOf(drawing.mode, f.geometry, count) : null;
      closed = drawing.mode === 'polygon';
    } else if (this.machine.selected) {
      const g = this.geometryInStore(this.machine.selected);
      vertices = g ? openVertices(g) : null;
      closed = g?.type === 'Polygon';
    }
    const figures = vertices && vertices.length ? editFigures(vertices, closed, this.zone) : null;
    // A boundary that crosses itself has no area to show (its shoelace would net the lobes against each other).
    if (figures?.area && ringSelfIntersects(distinctVertices(vertices ?? [], true))) figures.area = null;
    this.figures = figures;
    this.changed();
  }

  // ── commands ──────────────────────────────────────────────────────────────────────────────────────────────────

  private select(id: string | null): void {
    if (this.machine.phase !== 'idle' && this.machine.phase !== 'editing') return;
    if (id && this.inStore(id)) this.selectInTerra(id);
    else {
      const selected = this.machine.selected;
      if (selected && this.inStore(selected)) this.d.draw.deselectFeature(selected);
      this.step({ type: 'select', id: null });
    }
    this.updateFigures();
  }

  private startDrawing(mode: ToolMode): void {
    if (!this.allow.draw) return this.refuse('notAllowed');
    this.deselectInTerra();
    this.step({ type: 'draw', mode, purpose: 'new' });
  }

  private deselectInTerra(): void {
    const selected = this.machine.selected;
    if (selected && this.d.draw.getMode() === SELECT_MODE && this.inStore(selected)) {
      this.syncing = true;
      try {
        this.d.draw.deselectFeature(selected);
      } finally {
        this.syncing = false;
      }
    }
  }

  private polygonOf(id: string | undefined | null): { id: string; geometry: ToolGeometry } | EditRefusal {
    const target = id ?? this.machine.selected;
    if (!target) return 'nothingSelected';
    const f = this.history.present.find((x) => x.id === target);
    if (!f) return 'nothingSelected';
    if (f.geometry.type !== 'Polygon') return 'notAPolygon';
    return f;
  }

  private startSplit(id?: string): void {
    if (!this.allow.split) return this.refuse('notAllowed');
    const target = this.polygonOf(id);
    if (typeof target === 'string') return this.refuse(target);
    if (this.machine.selected !== target.id && this.inStore(target.id)) this.selectInTerra(target.id);
    this.deselectInTerra();
    this.step({ type: 'draw', mode: 'linestring', purpose: 'split', target: target.id });
  }

  private zoneFor(g: ToolGeometry): GkZoneRef {
    if (this.zone) return this.zone;
    const v = openVertices(g);
    return gkZoneForLongitude(v.reduce((s, p) => s + p[0], 0) / Math.max(1, v.length), 3);
  }

  private async applySplit(targetId: string, line: ToolGeometry): Promise<void> {
    const target = this.polygonOf(targetId);
    if (typeof target === 'string' || line.type !== 'LineString') return this.refuse(typeof target === 'string' ? target : 'shortLine');
    const before = this.history;
    this.busy = true;
    this.changed();
    try {
      const out = await editOps.request('split', { polygon: target.geometry as GeoJSON.Polygon, line, zone: this.zoneFor(target.geometry) });
      if (!this.live || this.history !== before) return;
      if (!out.ok) return this.refuse(out.reason);
      if (out.pieces.some((p) => p.coordinates.length > 1)) return this.refuse('holesNotSupported');
      const ids = out.pieces.slice(1).map(() => String(this.d.draw.getFeatureId()));
      this.commit(H.splitFeature(this.history.present, targetId, out.pieces, ids));
      this.syncStore(targetId);
    } catch {
      this.refuse('engineFailed');
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  private async merge(a?: string, b?: string): Promise<EditRefusal | null> {
    if (!this.allow.merge) return this.refusedWith('notAllowed');
    const first = this.polygonOf(a);
    if (typeof first === 'string') return this.refusedWith(first);
    if (b === undefined) {
      if (this.machine.selected !== first.id && this.inStore(first.id)) this.selectInTerra(first.id);
      this.deselectInTerra();
      this.step({ type: 'pick' });
      return null;
    }
    const second = this.polygonOf(b);
    if (typeof second === 'string') return this.refusedWith(second);
    const before = this.history;
    this.busy = true;
    this.changed();
    try {
      const out = await editOps.request('merge', {
        a: first.geometry as GeoJSON.Polygon,
        b: second.geometry as GeoJSON.Polygon,
        zone: this.zoneFor(first.geometry),
      });
      if (!this.live || this.history !== before) return null;
      if (!out.ok) return this.refusedWith(out.reason);
      if (out.polygon.coordinates.length > 1) return this.refusedWith('holesNotSupported');
      this.commit(H.mergeFeatures(this.history.present, first.id, second.id, out.polygon));
      this.syncStore(first.id);
      return null;
    } catch {
      return this.refusedWith('engineFailed');
    } finally {
      this.busy = false;
      this.changed();
    }
  }

  private refusedWith(reason: EditRefusal): EditRefusal {
    this.refuse(reason);
    return reason;
  }

  private remove(id?: string): void {
    if (!this.allow.remove) return this.refuse('notAllowed');
    const target = id ?? this.machine.selected;
    if (!target || !this.history.present.some((f) => f.id === target)) return this.refuse('nothingSelected');
    this.commit(H.removeFeature(this.history.present, target));
    this.syncStore(null);
  }

  private addVertex(p: LngLat): EditRefusal | null {
    const drawing = this.machine.drawing;
    if (this.machine.phase === 'drawing' && drawing) {
      // A click where the vertex is, as terra-draw would get it from the pointer (snapping held off).
      const s = this.d.map.project(p);
      const event: TerraDrawMouseEvent = {
        lng: p[0],
        lat: p[1],
        containerX: s.x,
        containerY: s.y,
        button: 'left',
        heldKeys: [],
        isContextMenu: false,
      };
      const mode = this.d.modes[drawing.mode];
      this.refusal = null; // the validation hook sets it again if terra-draw refuses this vertex
      this.typing = true;
      try {
        mode.onMouseMove(event);
        mode.onClick(event);
      } finally {
        this.typing = false;
      }
      this.scheduleFigures();
      this.changed();
      return this.refusal;
    }
    const selected = this.machine.selected;
    if (this.machine.phase !== 'editing' || !selected) return this.refusedWith('nothingSelected');
    const g = this.geometryInStore(selected);
    if (!g) return this.refusedWith('nothingSelected');
    const next = insertVertex(g, p).geometry;
    return this.replaceSelected(selected, next);
  }

  private replaceSelected(id: string, geometry: ToolGeometry): EditRefusal | null {
    const check = checkEditGeometry(geometry);
    if (!check.ok) return this.refusedWith(check.reason);
    try {
      this.d.draw.updateFeatureGeometry(id, geometry);
    } catch {
      return this.refusedWith('selfIntersecting');
    }
    this.commit(H.replaceGeometry(this.history.present, id, geometry));
    this.updateFigures();
    return null;
  }

  private deleteVertexUnderPointer(): void {
    const selected = this.machine.selected;
    const g = selected ? this.geometryInStore(selected) : null;
    if (!selected || !g || !this.pointer) return;
    const map = this.d.map;
    const index = vertexUnder(
      g,
      this.pointer,
      (p) => {
        const s = map.project(p);
        return [s.x, s.y];
      },
      this.tolerancePx,
    );
    if (index === null) return;
    const next = deleteVertex(g, index);
    if (!next) return this.refuse('tooFewVertices');
    this.replaceSelected(selected, next);
  }

  private undo(): void {
    if (this.machine.phase === 'drawing') {
      this.d.draw.undo();
      this.scheduleFigures();
      this.changed();
      return;
    }
    if (this.machine.phase !== 'idle' && this.machine.phase !== 'editing') return;
    const next = H.undo(this.history);
    if (next === this.history) return;
    this.restore(next);
  }

  private redo(): void {
    if (this.machine.phase === 'drawing') {
      this.d.draw.redo();
      this.scheduleFigures();
      this.changed();
      return;
    }
    if (this.machine.phase !== 'idle' && this.machine.phase !== 'editing') return;
    const next = H.redo(this.history);
    if (next === this.history) return;
    this.restore(next);
  }

  private restore(h: H.EditHistory): void {
    this.history = h;
    this.refusal = null;
    this.syncStore(this.machine.selected);
    this.updateFigures();
    this.tool.onChange?.(this.history.present);
    this.changed();
  }

  private finish(): void {
    if (this.machine.phase !== 'idle' && this.machine.phase !== 'editing') return;
    for (const f of this.history.present) {
      const check = checkEditGeometry(f.geometry);
      if (!check.ok) {
        if (this.inStore(f.id)) this.selectInTerra(f.id);
        return this.refuse(check.reason);
      }
    }
    this.step({ type: 'finish' });
  }
}
