/**
 * The one object that owns the maplibre map. React talks to it through plain data (MapLayerSpec) and callbacks.
 * Each app layer becomes one vector source whose `lptile://` tiles the tile worker cuts from the stored Blob
 * (tile.worker.ts; the UI thread never parses a layer) and a few style layers: fill, line, circle, highlight, labels.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { baseStyle } from './base-style';
import { initialStyle, labelSourceId, layerStyleParts, lineMinzoom, NO_MATCH, parseStyleLayerId, sourceId, stackOrder, styleLayerId as sub, styleLayerIdsOf, type MapLayerSpec } from './layer-style';
import { selectMaplibreWorker } from './maplibre-worker';
import { fillOutlineColor, paintFor } from './style-expressions';
import { loadTileData, unloadTileData } from './tile-client';
import type { Bbox } from '../../shared/domain/geometry/bbox';

export type { MapLayerSpec } from './layer-style';

selectMaplibreWorker();

export interface MapViewState {
  center: [number, number];
  zoom: number;
  bearing: number;
}

export interface FeatureHit {
  layerId: string;
  fid: number;
}

export interface MapCallbacks {
  onClick(hit: FeatureHit | null): void;
  onPointer(lngLat: [number, number] | null): void;
  onView(view: MapViewState): void;
  onCamera?(camera: { zoom: number; lat: number }): void;
  onError?(message: string): void;
}

export class MapController {
  readonly map: maplibregl.Map;
  private specs = new Map<string, MapLayerSpec>();
  private order: string[] = [];
  private highlighted: FeatureHit | null = null;

  /** `initialLayers` (bottom → top) go into the first style: their tiles are asked for in the map's first frame. */
  constructor(container: HTMLElement, view: MapViewState, private readonly cb: MapCallbacks, initialLayers: readonly MapLayerSpec[] = []) {
    for (const spec of initialLayers) this.loadData(spec);
    this.map = new maplibregl.Map({
      container,
      style: initialStyle(baseStyle(), initialLayers),
      center: view.center,
      zoom: view.zoom,
      bearing: view.bearing,
      attributionControl: false,
      // Chinese labels drawn with the system CJK font (no glyph server).
      localIdeographFontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
      maxZoom: 22,
      // No label fade-in: each fade is ~300 ms of continuous repainting, and on a software-rendered machine every
      // frame of a county-sized layer costs 100+ ms (measured on the 50,000-polygon reopen: 11–12 → 4–7 renders).
      fadeDuration: 0,
    });
    for (const spec of initialLayers) this.specs.set(spec.id, spec);
    this.order = initialLayers.map((s) => s.id);
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    this.map.on('click', (e) => this.cb.onClick(this.hitAt(e.point)));
    this.map.on('mousemove', (e) => {
      this.cb.onPointer([e.lngLat.lng, e.lngLat.lat]);
      this.scheduleCursor(e.point);
    });
    this.map.on('mouseout', () => this.cb.onPointer(null));
    this.map.on('moveend', () => this.cb.onView(this.view()));
    this.map.on('move', () => this.cb.onCamera?.({ zoom: this.map.getZoom(), lat: this.map.getCenter().lat }));
    this.map.once('load', () => this.cb.onCamera?.({ zoom: this.map.getZoom(), lat: this.map.getCenter().lat }));
    this.map.on('error', (e) => this.cb.onError?.(e.error?.message ?? String(e)));
    // The map element says whether everything is drawn and which layers' data is loaded (tests, bench).
    this.map.on('idle', () => this.markState('idle'));
    this.map.on('movestart', () => this.markState('loading'));
    this.markState('loading');
  }

  private cursorPoint: { x: number; y: number } | null = null;
  private cursorFrame = 0;

  /** The pointer cursor over features: one hit test per animation frame at most, none while panning or zooming. */
  private scheduleCursor(point: { x: number; y: number }): void {
    this.cursorPoint = point;
    if (this.cursorFrame) return;
    this.cursorFrame = requestAnimationFrame(() => {
      this.cursorFrame = 0;
      const p = this.cursorPoint;
      if (!p || this.map.isMoving()) return;
      this.map.getCanvas().style.cursor = this.hitAt(p) ? 'pointer' : '';
    });
  }

  private markState(state: 'loading' | 'idle'): void {
    const el = this.map.getContainer();
    el.setAttribute('data-map-state', state);
    if (state !== 'idle') return;
    const loaded = [...this.specs.values()].filter((s) => this.map.getSource(sourceId(s.id)) && this.map.isSourceLoaded(sourceId(s.id)));
    el.setAttribute('data-loaded-layers', loaded.map((s) => s.name).join('|'));
  }

  view(): MapViewState {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing() };
  }

  whenLoaded(fn: () => void): void {
    // 'style.load', not 'load': layers that arrived after the map was made still get their sources before its first
    // frame, which is when maplibre asks for tiles ('load' comes after that frame; under software GL the next frame
    // can be a second later).
    if (this.map.isStyleLoaded()) fn();
    else this.map.once('style.load', fn);
  }

  private removeLayer(id: string): void {
    const old = this.specs.get(id);
    if (!old) return;
    for (const l of styleLayerIdsOf(old)) if (this.map.getLayer(l)) this.map.removeLayer(l);
    if (this.map.getSource(sourceId(id))) this.map.removeSource(sourceId(id));
    if (this.map.getSource(labelSourceId(id))) this.map.removeSource(labelSourceId(id));
    unloadTileData(old.dataKey);
    unloadTileData(`${old.dataKey}~labels`);
    this.specs.delete(id);
  }

  private loadData(spec: MapLayerSpec): void {
    loadTileData(spec.dataKey, spec.data);
    if (spec.labels) loadTileData(`${spec.dataKey}~labels`, spec.labels);
  }

  private addLayer(spec: MapLayerSpec): void {
    this.loadData(spec);
    const parts = layerStyleParts(spec);
    for (const [id, source] of parts.sources) this.map.addSource(id, source);
    for (const layer of stackOrder([parts])) this.map.addLayer(layer);
    this.specs.set(spec.id, spec);
  }

  private updatePaint(spec: MapLayerSpec): void {
    const p = paintFor(spec.style, spec.opacity);
    const set = (layer: string, paint: Record<string, unknown>) => {
      if (!this.map.getLayer(layer)) return;
      for (const [k, v] of Object.entries(paint)) this.map.setPaintProperty(layer, k as never, v as never);
    };
    if (spec.geometryKind === 'polygon') set(sub(spec.id, 'fill'), { ...(p.fill ?? { 'fill-opacity': 0 }), 'fill-outline-color': fillOutlineColor(spec.style, lineMinzoom(spec)) });
    if (spec.geometryKind !== 'point') set(sub(spec.id, 'line'), { ...p.line, 'line-dasharray': p.line['line-dasharray'] ?? undefined });
    else set(sub(spec.id, 'circle'), p.circle);
    set(sub(spec.id, 'label'), { 'text-opacity': spec.opacity });
    this.specs.set(spec.id, spec);
  }

  /** Makes the map show exactly `specs`, bottom → top. */
  setLayers(specsBottomToTop: MapLayerSpec[]): void {
    this.markState('loading');
    this.map.triggerRepaint();
    const wanted = new Set(specsBottomToTop.map((s) => s.id));
    for (const id of [...this.specs.keys()]) if (!wanted.has(id)) this.removeLayer(id);
    for (const spec of specsBottomToTop) {
      const old = this.specs.get(spec.id);
      if (!old) this.addLayer(spec);
      else if (old.dataKey !== spec.dataKey || old.geometryKind !== spec.geometryKind || !!old.labels !== !!spec.labels || lineMinzoom(old) !== lineMinzoom(spec)) {
        this.removeLayer(spec.id);
        this.addLayer(spec);
      } else {
        if (old.style !== spec.style || old.opacity !== spec.opacity) this.updatePaint(spec);
        else this.specs.set(spec.id, spec);
        // New and rebuilt layers take visibility from their style parts; the others change it only when it changed.
        if (old.visible !== spec.visible) for (const l of styleLayerIdsOf(spec)) this.map.setLayoutProperty(l, 'visibility', spec.visible ? 'visible' : 'none');
      }
    }
    const order = specsBottomToTop.map((s) => s.id);
    if (order.join('|') !== this.order.join('|')) {
      // The stacking rule of layer-style.ts: bodies bottom → top, then every highlight, then every label.
      for (const l of stackOrder(specsBottomToTop.map(layerStyleParts))) this.map.moveLayer(l.id);
      this.order = order;
    }
    this.applyHighlight();
  }

  private queryableLayers(): string[] {
    const out: string[] = [];
    for (const s of this.specs.values()) {
      if (!s.visible) continue;
      if (s.geometryKind === 'polygon') out.push(sub(s.id, 'fill'), sub(s.id, 'line'));
      else if (s.geometryKind === 'line') out.push(sub(s.id, 'line'));
      else out.push(sub(s.id, 'circle'));
    }
    return out.filter((l) => this.map.getLayer(l));
  }

  /** Topmost feature under a pixel (with a few pixels of slop for lines and points). */
  hitAt(point: { x: number; y: number }): FeatureHit | null {
    const layers = this.queryableLayers();
    if (layers.length === 0) return null;
    const r = 3;
    const feats = this.map.queryRenderedFeatures([[point.x - r, point.y - r], [point.x + r, point.y + r]], { layers });
    for (const f of feats) {
      const m = parseStyleLayerId(f.layer.id);
      const fid = Number(f.properties?.fid ?? f.id);
      if (m && Number.isFinite(fid)) return { layerId: m.layerId, fid };
    }
    return null;
  }

  highlight(hit: FeatureHit | null): void {
    this.highlighted = hit;
    this.applyHighlight();
  }

  private applyHighlight(): void {
    for (const s of this.specs.values()) {
      const filter: maplibregl.FilterSpecification = this.highlighted && this.highlighted.layerId === s.id ? ['==', ['get', 'fid'], this.highlighted.fid] : NO_MATCH;
      for (const part of ['hl', 'hlfill'] as const) if (this.map.getLayer(sub(s.id, part))) this.map.setFilter(sub(s.id, part), filter);
    }
  }

  fitBounds(bbox: Bbox, maxZoom = 18, animate = true): void {
    const [w, s, e, n] = bbox;
    const duration = animate ? 500 : 0;
    if (w === e && s === n) this.map.flyTo({ center: [w, s], zoom: Math.max(this.map.getZoom(), 16), duration });
    else this.map.fitBounds([[w, s], [e, n]], { padding: 40, maxZoom, duration });
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    cancelAnimationFrame(this.cursorFrame);
    this.map.remove();
  }
}
