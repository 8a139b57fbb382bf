/**
 * Runs one MapTool at a time over ONE terra-draw instance (terra-draw + its maplibre adapter: the only place they
 * are used). terra-draw reports what the user drew; the tool's state machine (tool-machine.logic) decides what that
 * means; the host performs the effects: the tool's callbacks, clearing a finished shape, ending the tool.
 *
 * terra-draw rules kept here: it starts only after the map's 'load'; `map.setStyle` removes its td-* layers, so a
 * later 'style.load' restarts it (finished shapes put back); its layers stay above every app layer (raise()).
 */
import type * as maplibregl from 'maplibre-gl';
import { TerraDraw, type GeoJSONStoreFeatures } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { geometryOf, verticesOf } from './draw-modes.logic';
import { terraModes, TERRA_MODE_NAME } from './terra-modes';
import { keyAction, step, type ToolEffect, type ToolEvent } from './tool-machine.logic';
import type { MapTool, ToolState } from './types';

type FeatureId = string | number;
const TD_PREFIX = 'td-';

const inTextField = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');

export class ToolHost {
  private draw: TerraDraw | null = null;
  private tool: MapTool | null = null;
  private state: ToolState = 'idle';
  private finished: FeatureId[] = [];
  private loaded = false;

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onActive: (toolId: string | null) => void,
  ) {
    map.once('load', () => {
      this.loaded = true;
      if (this.tool) this.begin();
    });
    map.on('style.load', this.onStyleLoad);
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
  setTool(tool: MapTool | null): void {
    if (tool === this.tool) return;
    if (this.tool) this.dispatch({ type: 'cancel' }, false);
    this.tool = tool;
    this.state = 'idle';
    this.finished = [];
    if (tool) this.begin();
    this.onActive(this.activeId());
  }

  /** Moves terra-draw's layers back on top (after app layers were added or restacked under them). */
  raise(): void {
    if (!this.draw) return;
    for (const id of this.map.getLayersOrder()) if (id.startsWith(TD_PREFIX)) this.map.moveLayer(id);
  }

  destroy(): void {
    window.removeEventListener('keydown', this.onKey, true);
    this.map.off('style.load', this.onStyleLoad);
    if (this.draw?.enabled) this.draw.stop();
    this.draw = null;
    this.tool = null;
  }

  private ensureDraw(): TerraDraw {
    if (this.draw) return this.draw;
    const draw = new TerraDraw({ adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, prefixId: 'td' }), modes: terraModes() });
    draw.start();
    draw.on('change', (ids, type) => this.onDrawChange(ids, type));
    draw.on('finish', (id, ctx) => {
      if (ctx.action === 'draw') this.onDrawFinish(id);
    });
    this.draw = draw;
    return draw;
  }

  private begin(): void {
    if (!this.loaded || !this.tool) return;
    const draw = this.ensureDraw();
    draw.clear();
    draw.setMode(TERRA_MODE_NAME[this.tool.mode]);
  }

  private feature(id: FeatureId): GeoJSONStoreFeatures | undefined {
    return this.draw?.getSnapshotFeature(id);
  }

  private onDrawChange(ids: FeatureId[], type: string): void {
    const tool = this.tool;
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
    const tool = this.tool;
    const f = this.feature(id);
    if (!tool || !f) return;
    const vertices = verticesOf(tool.mode, f.geometry);
    if (!vertices) return;
    this.finished.push(id);
    this.dispatch({ type: 'finish', vertices });
  }

  private dispatch(event: ToolEvent, notifyActive = true): void {
    const tool = this.tool;
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
    if (!this.tool) return;
    const action = keyAction(this.state, e.key, inTextField(e.target));
    if (action === 'cancel') this.dispatch({ type: 'cancel' });
    else if (action === 'finish') {
      // terra-draw hears keys only on the map canvas; a key pressed elsewhere (the toolbar button still focused) is
      // passed on to it.
      const canvas = this.map.getCanvas();
      if (e.target !== canvas) canvas.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    }
  };

  /** A new style dropped terra-draw's layers: restart it, keep finished shapes, the one being drawn is lost. */
  private readonly onStyleLoad = (): void => {
    const draw = this.draw;
    if (!draw || !draw.enabled) return;
    const keep = draw.getSnapshot().filter((f) => f.id !== undefined && this.finished.includes(f.id));
    draw.stop();
    draw.start();
    if (keep.length) draw.addFeatures(keep);
    if (this.tool) {
      draw.setMode(TERRA_MODE_NAME[this.tool.mode]);
      if (this.state === 'drawing') this.state = keep.length ? 'done' : 'idle';
    }
  };
}
