/**
 * The one object that owns the maplibre map. React talks to it through plain data (MapLayerSpec) and callbacks.
 * Each app layer becomes one vector source whose `lptile://` tiles the tile worker cuts from the stored Blob
 * (tile.worker.ts; the UI thread never parses a layer) and a few style layers: fill, line, circle, highlight, labels.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { LayerStyle } from '../../shared/domain/layers/kind';
import type { GeometryKind } from '../../shared/formats/types';
import { baseStyle } from './base-style';
import { fillOutlineColor, paintFor } from './style-expressions';
import { loadTileData, unloadTileData } from './tile-client';
import { DATA_LAYER, LABEL_LAYER, tileUrlTemplate } from './tile-protocol';

maplibregl.setWorkerUrl(workerUrl);

export interface MapLayerSpec {
  id: string;
  name: string;
  /** Changes whenever the stored data changes (layer id @ data version): the source is rebuilt. */
  dataKey: string;
  /** The stored lon/lat GeoJSON Blob (tiled in the tile worker) and the label points Blob. */
  data: Blob;
  labels: Blob | null;
  geometryKind: GeometryKind;
  featureCount: number;
  style: LayerStyle;
  visible: boolean;
  opacity: number;
}

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

const HIGHLIGHT = '#00e5ff';
const sub = (id: string, part: 'fill' | 'line' | 'circle' | 'hl' | 'hlfill' | 'label') => `lp-${id}-${part}`;
const srcId = (id: string) => `lp-${id}`;
const labelSrcId = (id: string) => `lp-${id}-labels`;
const NO_MATCH: maplibregl.FilterSpecification = ['==', ['get', 'fid'], -999999];

/**
 * Scale-dependent outlines for large filled polygon layers: below this zoom the fill's own 1-px outline stands in
 * for the line layer, whose buckets cost as much again as the fills (measured: 50,000 polygons, reopen 5.3 s → 3.5 s
 * under SwiftShader). Small layers keep their styled outline at every zoom.
 */
export const LARGE_LAYER_FEATURES = 20_000;
export const LARGE_LAYER_LINE_MINZOOM = 14;
const lineMinzoom = (spec: MapLayerSpec) => (spec.geometryKind === 'polygon' && spec.style.fill && spec.featureCount > LARGE_LAYER_FEATURES ? LARGE_LAYER_LINE_MINZOOM : 0);


export class MapController {
  readonly map: maplibregl.Map;
  private specs = new Map<string, MapLayerSpec>();
  private order: string[] = [];
  private highlighted: FeatureHit | null = null;

  constructor(container: HTMLElement, view: MapViewState, private readonly cb: MapCallbacks) {
    this.map = new maplibregl.Map({
      container,
      style: baseStyle(),
      center: view.center,
      zoom: view.zoom,
      bearing: view.bearing,
      attributionControl: false,
      // Chinese labels drawn with the system CJK font (no glyph server).
      localIdeographFontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
      canvasContextAttributes: { preserveDrawingBuffer: true },
      maxZoom: 22,
    });
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
    const loaded = [...this.specs.values()].filter((s) => this.map.getSource(srcId(s.id)) && this.map.isSourceLoaded(srcId(s.id)));
    el.setAttribute('data-loaded-layers', loaded.map((s) => s.name).join('|'));
  }

  view(): MapViewState {
    const c = this.map.getCenter();
    return { center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing() };
  }

  whenLoaded(fn: () => void): void {
    if (this.map.isStyleLoaded()) fn();
    else this.map.once('load', fn);
  }

  private styleLayerIds(spec: MapLayerSpec): string[] {
    const id = spec.id;
    const ids: string[] = [];
    if (spec.geometryKind === 'polygon') ids.push(sub(id, 'fill'), sub(id, 'line'), sub(id, 'hlfill'), sub(id, 'hl'));
    else if (spec.geometryKind === 'line') ids.push(sub(id, 'line'), sub(id, 'hl'));
    else ids.push(sub(id, 'circle'), sub(id, 'hl'));
    if (spec.labels) ids.push(sub(id, 'label'));
    return ids;
  }

  private removeLayer(id: string): void {
    const old = this.specs.get(id);
    if (!old) return;
    for (const l of this.styleLayerIds(old)) if (this.map.getLayer(l)) this.map.removeLayer(l);
    if (this.map.getSource(srcId(id))) this.map.removeSource(srcId(id));
    if (this.map.getSource(labelSrcId(id))) this.map.removeSource(labelSrcId(id));
    unloadTileData(old.dataKey);
    unloadTileData(`${old.dataKey}~labels`);
    this.specs.delete(id);
  }

  private addLayer(spec: MapLayerSpec): void {
    const id = spec.id;
    loadTileData(spec.dataKey, spec.data);
    this.map.addSource(srcId(id), { type: 'vector', tiles: [tileUrlTemplate(spec.dataKey, DATA_LAYER)], minzoom: 0, maxzoom: 18 });
    const p = paintFor(spec.style, spec.opacity);
    const source = srcId(id);
    const sl = { source, 'source-layer': DATA_LAYER } as const;
    if (spec.geometryKind === 'polygon') {
      this.map.addLayer({ id: sub(id, 'fill'), type: 'fill', ...sl, paint: { ...(p.fill ?? { 'fill-color': '#000', 'fill-opacity': 0 }), 'fill-outline-color': fillOutlineColor(spec.style, lineMinzoom(spec)) } as never });
      this.map.addLayer({ id: sub(id, 'line'), type: 'line', ...sl, minzoom: lineMinzoom(spec), paint: p.line as never });
      this.map.addLayer({ id: sub(id, 'hlfill'), type: 'fill', ...sl, filter: NO_MATCH, paint: { 'fill-color': HIGHLIGHT, 'fill-opacity': 0.25 } });
      this.map.addLayer({ id: sub(id, 'hl'), type: 'line', ...sl, filter: NO_MATCH, paint: { 'line-color': HIGHLIGHT, 'line-width': 3 } });
    } else if (spec.geometryKind === 'line') {
      this.map.addLayer({ id: sub(id, 'line'), type: 'line', ...sl, paint: p.line as never });
      this.map.addLayer({ id: sub(id, 'hl'), type: 'line', ...sl, filter: NO_MATCH, paint: { 'line-color': HIGHLIGHT, 'line-width': 4 } });
    } else {
      this.map.addLayer({ id: sub(id, 'circle'), type: 'circle', ...sl, paint: p.circle as never });
      this.map.addLayer({ id: sub(id, 'hl'), type: 'circle', ...sl, filter: NO_MATCH, paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 8, 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 3 } });
    }
    if (spec.labels) {
      loadTileData(`${spec.dataKey}~labels`, spec.labels);
      this.map.addSource(labelSrcId(id), { type: 'vector', tiles: [tileUrlTemplate(`${spec.dataKey}~labels`, LABEL_LAYER)], minzoom: 0, maxzoom: 18 });
      this.map.addLayer({
        id: sub(id, 'label'),
        type: 'symbol',
        source: labelSrcId(id),
        'source-layer': LABEL_LAYER,
        minzoom: 11,
        layout: { 'text-field': ['get', 't'], 'text-size': 12, 'text-font': ['sans-serif'], 'text-allow-overlap': false },
        paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.2, 'text-opacity': spec.opacity },
      });
    }
    this.specs.set(id, spec);
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
      } else if (old.style !== spec.style || old.opacity !== spec.opacity) this.updatePaint(spec);
      else this.specs.set(spec.id, spec);
      for (const l of this.styleLayerIds(spec)) this.map.setLayoutProperty(l, 'visibility', spec.visible ? 'visible' : 'none');
    }
    const order = specsBottomToTop.map((s) => s.id);
    if (order.join('|') !== this.order.join('|')) {
      // Bodies bottom → top, then every highlight and label layer above all bodies.
      for (const s of specsBottomToTop) for (const l of this.styleLayerIds(s)) if (!/-(hl|hlfill|label)$/.test(l)) this.map.moveLayer(l);
      for (const s of specsBottomToTop) for (const l of this.styleLayerIds(s)) if (/-(hlfill|hl)$/.test(l)) this.map.moveLayer(l);
      for (const s of specsBottomToTop) for (const l of this.styleLayerIds(s)) if (/-label$/.test(l)) this.map.moveLayer(l);
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
      const m = /^lp-(.+)-(fill|line|circle)$/.exec(f.layer.id);
      const fid = Number(f.properties?.fid ?? f.id);
      if (m && Number.isFinite(fid)) return { layerId: m[1]!, fid };
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

  fitBounds(bbox: [number, number, number, number], maxZoom = 18, animate = true): void {
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
