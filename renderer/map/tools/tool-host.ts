/**
 * Runs one tool at a time over ONE terra-draw instance (terra-draw + its maplibre adapter: the only place they are
 * used). A drawing tool (MapTool) runs through its state machine (tool-machine.logic) here; an editing session
 * (EditTool) through an EditSession (edit-session.ts). terra-draw reports what the user drew; the machines decide what
 * that means; the host and the session perform the effects.
 *
 * terra-draw rules kept here: it starts only after the map's 'load'; `map.setStyle` removes its td-* layers, so a
 * later 'style.load' restarts it (finished shapes, or the session's scene, put back); its layers stay above every app
 * layer (raise()). Coordinates keep full double precision (the adapter would round to 9 decimals and refuse stored
 * geometries with more), and feature ids are any non-empty string (a grid cell's own id).
 */
import type * as maplibregl from 'maplibre-gl';
import { TerraDraw, TerraDrawModeUndoRedo, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { MapLayerSpec } from '../layer-style';
import { geometryOf, verticesOf } from './draw-modes.logic';
import { EditSession, type EditorHandle } from './edit-session';
import { terraModes, TERRA_MODE_NAME, type TerraModes } from './terra-modes';
import { keyAction, step, type ToolEffect, type ToolEvent } from './tool-machine.logic';
import { isEditTool, type AnyTool, type EditView, type MapTool, type ToolState } from './types';

type FeatureId = string | number;
const TD_PREFIX = 'td-';
/** Digits terra-draw keeps of a lon/lat: all of a double's (stored geometry is full precision, README Decision 7). */
const COORDINATE_PRECISION = 20;

const inTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

export class ToolHost {
  private draw: TerraDraw | null = null;
  private modes: TerraModes | null = null;
  private tool: AnyTool | null = null;
  private session: EditSession | null = null;
  private state: ToolState = 'idle';
  private finished: FeatureId[] = [];
  private loaded = false;
  private replacing = false;
  private nextId = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onActive: (toolId: string | null) => void,
    private readonly layers: () => readonly MapLayerSpec[] = () => [],
  ) {
    map.once('load', () => {
      this.loaded = true;
      if (this.tool) this.begin();
    });
    map.on('style.load', this.onStyleLoad);
    map.on('click', this.onMapClick);
    map.on('mousemove', this.onMapMove);
    window.addEventListener('keydown', this.onKey, true);
  }

  activeId(): string | null {
    return this.tool?.id ?? null;
  }

  /** While a tool is active it owns every click on the map (no identify, no pointer cursor over features). */
  claimsClicks(): boolean {
    return this.tool !== null;
  }

  /** Makes `tool` the active tool (null: none). The tool it replaces is cancelled first (its onCancel runs once). */
  setTool(tool: AnyTool | null): void {
    if (tool === this.tool) return;
    this.replacing = true;
    try {
      if (this.session) this.session.cancel();
      else if (this.tool) this.dispatch({ type: 'cancel' }, false);
    } finally {
      this.replacing = false;
    }
    this.tool = tool;
    this.state = 'idle';
    this.finished = [];
    if (tool) this.begin();
    this.onActive(this.activeId());
    this.notify();
  }

  /** The running editing session's commands (null: no EditTool is active, or the map has not loaded yet). */
  editor(): EditorHandle | null {
    return this.session?.handle() ?? null;
  }

  editView(): EditView | null {
    return this.session?.view() ?? null;
  }

  /** Whether the running session wants the map's card. */
  showsCard(): boolean {
    return this.session !== null && this.session.tool.card !== false;
  }

  /** Called when the edit view (or the active session) changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  /** Moves terra-draw's layers back on top (after app layers were added or restacked under them). */
  raise(): void {
    if (!this.draw) return;
    for (const id of this.map.getLayersOrder()) if (id.startsWith(TD_PREFIX)) this.map.moveLayer(id);
    this.session?.raiseMarker();
  }

  /** The map's layers changed (added, removed, shown, hidden): a session snaps to what is visible now. */
  layersChanged(): void {
    this.session?.layersChanged();
  }

  destroy(): void {
    window.removeEventListener('keydown', this.onKey, true);
    this.map.off('style.load', this.onStyleLoad);
    this.map.off('click', this.onMapClick);
    this.map.off('mousemove', this.onMapMove);
    this.session?.destroy();
    this.session = null;
    if (this.draw?.enabled) this.draw.stop();
    this.draw = null;
    this.tool = null;
  }

  private ensureDraw(): TerraDraw {
    if (this.draw) return this.draw;
    const valid = { valid: true };
    const modes = terraModes({
      snap: (event, ctx) => this.session?.snap(event, ctx),
      validateDraw: (f, ctx) => this.session?.validate(f, ctx.updateType, false) ?? valid,
      validateEdit: (f, ctx) => this.session?.validate(f, ctx.updateType, true) ?? valid,
    });
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, prefixId: 'td', coordinatePrecision: COORDINATE_PRECISION }),
      modes: [modes.linestring, modes.polygon, modes.point, modes.select],
      idStrategy: { isValidId: (id) => typeof id === 'string' && id.length > 0, getId: () => `~td${++this.nextId}` },
      // The vertices of a shape being drawn (Ctrl+Z while drawing); an editing session keeps its own history.
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
    });
    draw.start();
    draw.on('change', (ids, type) => {
      if (this.session) this.session.onChange(ids, type);
      else this.onDrawChange(ids, type);
    });
    draw.on('finish', (id, ctx) => {
      if (this.session) this.session.onFinish(id, ctx);
      else if (ctx.action === 'draw') this.onDrawFinish(id);
    });
    draw.on('select', (id) => this.session?.onSelect(String(id)));
    draw.on('deselect', () => this.session?.onDeselect());
    this.draw = draw;
    this.modes = modes;
    return draw;
  }

  private begin(): void {
    if (!this.loaded || !this.tool) return;
    const draw = this.ensureDraw();
    draw.clear();
    const tool = this.tool;
    if (!isEditTool(tool)) {
      draw.setMode(TERRA_MODE_NAME[tool.mode]);
      return;
    }
    const session = new EditSession(tool, {
      map: this.map,
      draw,
      modes: this.modes as TerraModes,
      layers: this.layers,
      ended: () => this.onSessionEnded(session),
      changed: () => this.notify(),
    });
    this.session = session;
    session.start();
  }

  private onSessionEnded(session: EditSession): void {
    if (this.session !== session) return;
    this.session = null;
    this.tool = null;
    if (this.draw) {
      this.draw.setMode('static');
      this.draw.clear();
    }
    if (!this.replacing) this.onActive(null);
    this.notify();
  }

  private feature(id: FeatureId): GeoJSONStoreFeatures | undefined {
    return this.draw?.getSnapshotFeature(id);
  }

  /** The drawing tool: the plain MapTool's onChange / onFinish. */
  private drawTool(): MapTool | null {
    return this.tool && !isEditTool(this.tool) ? this.tool : null;
  }

  private onDrawChange(ids: FeatureId[], type: string): void {
    const tool = this.drawTool();
    if (!tool || type === 'delete' || type === 'styling') return;
    for (const id of ids) {
      if (this.finished.includes(id)) continue;
      const f = this.feature(id);
      const props = f?.properties ?? {};
      if (!f || props.mode !== TERRA_MODE_NAME[tool.mode]) continue;
      // Lines and polygons report only the shape being drawn (a finished one's last update comes with 'finish').
      if (tool.mode !== 'point' && !props.currentlyDrawing) continue;
      const count = typeof props.provisionalCoordinateCount === 'number' ? props.provisionalCoordinateCount : undefined;
      const vertices = verticesOf(tool.mode, f.geometry, count);
      if (vertices && vertices.length > 0) this.dispatch({ type: 'draw', vertices });
    }
  }

  private onDrawFinish(id: FeatureId): void {
    const tool = this.drawTool();
    const f = this.feature(id);
    if (!tool || !f) return;
    const vertices = verticesOf(tool.mode, f.geometry);
    if (!vertices) return;
    this.finished.push(id);
    this.dispatch({ type: 'finish', vertices });
  }

  private dispatch(event: ToolEvent, notifyActive = true): void {
    const tool = this.drawTool();
    if (!tool) return;
    const t = step(tool.mode, this.state, event);
    this.state = t.state;
    for (const e of t.effects) this.perform(tool, e, notifyActive);
  }

  private perform(tool: MapTool, e: ToolEffect, notifyActive: boolean): void {
    switch (e.type) {
      case 'change':
        tool.onChange?.(e.vertices, 'drawing');
        return;
      case 'finish':
        tool.onFinish?.(geometryOf(tool.mode, e.vertices) as never, e.vertices);
        return;
      case 'clear-finished': {
        const ids = this.finished;
        this.finished = [];
        // After terra-draw's own click handling: it is creating the new shape right now.
        queueMicrotask(() => {
          const gone = ids.filter((id) => this.draw?.hasFeature(id));
          if (gone.length) this.draw?.removeFeatures(gone);
        });
        return;
      }
      case 'cancel':
        this.tool = null;
        this.finished = [];
        if (this.draw) {
          this.draw.setMode('static');
          this.draw.clear();
        }
        if (notifyActive) this.onActive(null);
        tool.onCancel?.();
        return;
    }
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.session) {
      this.session.onKey(e);
      return;
    }
    if (!this.drawTool()) return;
    const action = keyAction(this.state, e.key, inTextField(e.target));
    if (action === 'cancel') this.dispatch({ type: 'cancel' });
    else if (action === 'finish') {
      // terra-draw hears keys only on the map canvas; a key pressed elsewhere (the toolbar button still focused) is
      // passed on to it.
      const canvas = this.map.getCanvas();
      if (e.target !== canvas) canvas.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    }
  };

  private readonly onMapClick = (e: maplibregl.MapMouseEvent): void => {
    this.session?.onMapClick([e.lngLat.lng, e.lngLat.lat]);
  };

  private readonly onMapMove = (e: maplibregl.MapMouseEvent): void => {
    this.session?.onPointer([e.point.x, e.point.y]);
  };

  /** A new style dropped terra-draw's layers: restart it, keep finished shapes (or the session's), the one being drawn is lost. */
  private readonly onStyleLoad = (): void => {
    const draw = this.draw;
    if (!draw || !draw.enabled) return;
    const keep = draw.getSnapshot().filter((f) => f.id !== undefined && this.finished.includes(f.id));
    draw.stop();
    draw.start();
    if (this.session) {
      this.session.reload();
      return;
    }
    if (keep.length) draw.addFeatures(keep);
    const tool = this.drawTool();
    if (tool) {
      draw.setMode(TERRA_MODE_NAME[tool.mode]);
      if (this.state === 'drawing') this.state = keep.length ? 'done' : 'idle';
    }
  };
}
