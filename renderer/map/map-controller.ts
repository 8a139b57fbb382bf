/**
 * The one object that owns the maplibre map. React talks to it through plain data (MapLayerSpec) and callbacks.
 * A stored layer becomes one vector source whose `lptile://` tiles the tile worker cuts from the stored Blob
 * (tile.worker.ts; the UI thread never parses a layer) and a few style layers: fill, line, circle, highlight, labels.
 * A live GeoJSON layer is a GeoJSON source updated with setData; a raster layer an XYZ raster source. Drawing tools
 * (terra-draw) run in the ToolHost, which claims the map's clicks while a tool is active.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { baseStyle } from './base-style';
import {
  arrowImage,
  drawn,
  GEOJSON_HIGHLIGHT_KIND,
  geoJsonPaintOf,
  hatchImage,
  highlightFilter,
  initialStyle,
  isTiledGeoJson,
  labelSourceId,
  layerStyleParts,
  lineMinzoom,
  needsRebuild,
  parseStyleLayerId,
  sourceId,
  stackOrder,
  styleLayerId as sub,
  styleLayerIdsOf,
  type GeoJsonLayerSpec,
  type MapLayerSpec,
  type RasterLayerSpec,
  type StoredVectorLayerSpec,
} from './layer-style';
import { selectMaplibreWorker } from './maplibre-worker';
import { fillOutlineColor, paintFor } from './style-expressions';
import { ProgramPrimer } from './program-primer';
import { loadTileData, unloadTileData } from './tile-client';
import { DATA_LAYER, tileUrlTemplate } from './tile-url';
import { ToolHost } from './tools/tool-host';
import type { AnyTool } from './tools/types';
import type { Bbox } from '../../shared/domain/geometry/bbox';

export type {
  ColorBy,
  GeoJsonLabel,
  GeoJsonLayerSpec,
  GeoJsonPaint,
  MapLayerSpec,
  RasterLayerSpec,
  StoredVectorLayerSpec,
  TiledGeoJson,
} from './layer-style';

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

export interface FitOptions {
  /** Never zoom in further than this (default 18: a parcel fills the view, not one vertex). */
  maxZoom?: number;
  /** Default true: a 500 ms ease; false jumps (first start, restoring a view). */
  animate?: boolean;
  /** CSS pixels kept free on every side (default 40). */
  padding?: number;
}

export interface FlyToOptions {
  center: [number, number];
  /** Default: the current zoom. */
  zoom?: number;
  animate?: boolean;
}

export interface MapCallbacks {
  /** A click on the map that no tool claimed (while a tool is active the tool owns every click: no identify). */
  onClick(hit: FeatureHit | null): void;
  onPointer(lngLat: [number, number] | null): void;
  onView(view: MapViewState): void;
  onCamera?(camera: { zoom: number; lat: number }): void;
  onError?(message: string): void;
  /** The active tool changed (its id, or null when none is active: finished tools stay active until ended). */
  onTool?(toolId: string | null): void;
  /** A right-click no tool claimed: where (lon/lat), where on the map element (px), and the feature under it. */
  onContextMenu?(at: { lngLat: [number, number]; client: [number, number]; hit: FeatureHit | null }): void;
}

export class MapController {
  readonly map: maplibregl.Map;
  private specs = new Map<string, MapLayerSpec>();
  private order: string[] = [];
  private highlighted: FeatureHit | null = null;
  readonly tools: ToolHost;
  private readonly primer: ProgramPrimer;

  /** `initialLayers` (bottom → top) go into the first style: their tiles are asked for in the map's first frame. */
  constructor(
    container: HTMLElement,
    view: MapViewState,
    private readonly cb: MapCallbacks,
    initialLayers: readonly MapLayerSpec[] = [],
  ) {
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
      fadeDuration: 1,
    });
    for (const spec of initialLayers) this.specs.set(spec.id, spec);
    this.order = initialLayers.map((s) => s.id);
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-right');
    this.primer = new ProgramPrimer(this.map);
    this.tools = new ToolHost(
      this.map,
      (id) => this.cb.onTool?.(id),
      () => [...this.specs.values()],
    );
    this.map.on('click', (e) => {
      if (this.tools.claimsClicks()) return;
      this.cb.onClick(this.hitAt(e.point));
    });
    this.map.on('contextmenu', (e) => {
      // A tool uses the right button itself (terra-draw deletes a vertex with it).
      if (this.tools.claimsClicks() || !this.cb.onContextMenu) return;
      e.preventDefault();
      e.originalEvent.preventDefault(); // not the browser's own menu
      this.cb.onContextMenu({
        lngLat: [e.lngLat.lng, e.lngLat.lat],
        client: [e.originalEvent.clientX, e.originalEvent.clientY],
        hit: this.hitAt(e.point),
      });
    });
    this.map.on('mousemove', (e) => {
      this.cb.onPointer([e.lngLat.lng, e.lngLat.lat]);
      this.scheduleCursor(e.point);
    });
    this.map.on('mouseout', () => this.cb.onPointer(null));
    this.map.on('moveend', () => this.cb.onView(this.view()));
    this.map.on('move', () => this.cb.onCamera?.({ zoom: this.map.getZoom(), lat: this.map.getCenter().lat }));
    this.map.once('load', () => this.cb.onCamera?.({ zoom: this.map.getZoom(), lat: this.map.getCenter().lat }));
    this.map.on('error', (e) => this.cb.onError?.(e.error?.message ?? String(e)));
    // Hatch patterns and arrows are made here, when a style first asks for one (no image files, nothing fetched). A
    // resolver, not a 'styleimagemissing' listener: maplibre 6 waits for the resolver before the tile is laid out,
    // while a listener's image comes too late for the request that missed it (an icon never drew: "could not be loaded").
    this.map.setMissingStyleImageResolver((id) => {
      if (this.map.hasImage(id)) return;
      const hatch = hatchImage(id);
      if (hatch) return void this.map.addImage(id, hatch);
      const arrow = arrowImage(id);
      if (arrow) this.map.addImage(id, { width: arrow.width, height: arrow.height, data: arrow.data }, { pixelRatio: arrow.pixelRatio });
    });
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
      // An active tool sets its own cursor (terra-draw's crosshair).
      if (!p || this.map.isMoving() || this.tools.claimsClicks()) return;
      this.map.getCanvas().style.cursor = this.hitAt(p) ? 'pointer' : '';
    });
  }

  private markState(state: 'loading' | 'idle'): void {
    const el = this.map.getContainer();
    el.setAttribute('data-map-state', state);
    if (state !== 'idle') return;
    const loaded = [...this.specs.values()]
      .filter((s): s is StoredVectorLayerSpec => s.type === 'stored')
      .filter((s) => this.map.getSource(sourceId(s.id)) && this.map.isSourceLoaded(sourceId(s.id)));
    el.setAttribute('data-loaded-layers', loaded.map((s) => s.name).join('|'));
  }

  /** The lon/lat box the map shows now ([west, south, east, north]). */
  bounds(): Bbox {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
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
    if (old.type === 'stored') {
      unloadTileData(old.dataKey);
      unloadTileData(`${old.dataKey}~labels`);
    }
    if (old.type === 'geojson' && isTiledGeoJson(old.data)) unloadTileData(old.data.key);
    this.specs.delete(id);
  }

  private loadData(spec: MapLayerSpec): void {
    if (spec.type === 'geojson' && isTiledGeoJson(spec.data)) loadTileData(spec.data.key, spec.data.blob);
    if (spec.type !== 'stored') return;
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

  private setPaint(layer: string, paint: Record<string, unknown>): void {
    if (!this.map.getLayer(layer)) return;
    for (const [k, v] of Object.entries(paint)) this.map.setPaintProperty(layer, k as never, v as never);
  }

  private updateStored(old: StoredVectorLayerSpec, spec: StoredVectorLayerSpec): void {
    if (old.style === spec.style && old.opacity === spec.opacity) return;
    const p = paintFor(spec.style, spec.opacity);
    if (spec.geometryKind === 'polygon')
      this.setPaint(sub(spec.id, 'fill'), {
        ...(p.fill ?? { 'fill-opacity': 0 }),
        'fill-outline-color': fillOutlineColor(spec.style, lineMinzoom(spec)),
      });
    if (spec.geometryKind !== 'point') this.setPaint(sub(spec.id, 'line'), { ...p.line, 'line-dasharray': p.line['line-dasharray'] ?? undefined });
    else this.setPaint(sub(spec.id, 'circle'), p.circle);
    this.setPaint(sub(spec.id, 'label'), { 'text-opacity': spec.opacity });
  }

  private updateGeoJson(old: GeoJsonLayerSpec, spec: GeoJsonLayerSpec): void {
    // New data goes to the existing source: no tile worker, no layer rebuild (a track growing point by point).
    // Tiled data (needsRebuild keeps the kind) is handed to the tile worker and the source asks for its new tiles.
    if (isTiledGeoJson(spec.data) && isTiledGeoJson(old.data)) {
      if (spec.data.key !== old.data.key) {
        loadTileData(spec.data.key, spec.data.blob);
        (this.map.getSource(sourceId(spec.id)) as maplibregl.VectorTileSource | undefined)?.setTiles([tileUrlTemplate(spec.data.key, DATA_LAYER)]);
        unloadTileData(old.data.key);
      }
    } else if (old.data !== spec.data && !isTiledGeoJson(spec.data))
      (this.map.getSource(sourceId(spec.id)) as maplibregl.GeoJSONSource | undefined)?.setData(spec.data);
    const points = spec.label?.points;
    if (points && points !== old.label?.points) (this.map.getSource(labelSourceId(spec.id)) as maplibregl.GeoJSONSource | undefined)?.setData(points);
    if (old.paint === spec.paint) return;
    const p = geoJsonPaintOf(spec.paint);
    if (p.fill) this.setPaint(sub(spec.id, 'fill'), p.fill);
    if (p.line) this.setPaint(sub(spec.id, 'line'), { ...p.line, 'line-dasharray': p.line['line-dasharray'] ?? undefined });
    if (p.circle) this.setPaint(sub(spec.id, 'circle'), p.circle);
  }

  private updateRaster(old: RasterLayerSpec, spec: RasterLayerSpec): void {
    if (old.opacity !== spec.opacity) this.setPaint(sub(spec.id, 'raster'), { 'raster-opacity': Math.min(1, Math.max(0, spec.opacity)) });
  }

  /** Brings a kept layer up to `spec` in place (paint, data, visibility), the rebuild cases aside (needsRebuild). */
  private updateLayer(old: MapLayerSpec, spec: MapLayerSpec): void {
    if (old.type === 'stored' && spec.type === 'stored') this.updateStored(old, spec);
    else if (old.type === 'geojson' && spec.type === 'geojson') this.updateGeoJson(old, spec);
    else if (old.type === 'raster' && spec.type === 'raster') this.updateRaster(old, spec);
    this.specs.set(spec.id, spec);
    // New and rebuilt layers take visibility from their style parts; the others change it only when it changed (the
    // user's switch, or a live layer becoming empty or no longer empty: drawn).
    if (drawn(old) !== drawn(spec))
      for (const l of styleLayerIdsOf(spec)) if (this.map.getLayer(l)) this.map.setLayoutProperty(l, 'visibility', drawn(spec) ? 'visible' : 'none');
  }

  /**
   * Compiles the GL programs a live layer of this paint will need before its first draw, once the map is still
   * (ProgramPrimer).
   */
  primePrograms(spec: GeoJsonLayerSpec): void {
    this.primer.prime(spec);
  }

  /** Makes the map show exactly `specs`, bottom → top. */
  setLayers(specsBottomToTop: readonly MapLayerSpec[]): void {
    this.markState('loading');
    this.map.triggerRepaint();
    const wanted = new Set(specsBottomToTop.map((s) => s.id));
    for (const id of [...this.specs.keys()]) if (!wanted.has(id)) this.removeLayer(id);
    let added = false;
    for (const spec of specsBottomToTop) {
      const old = this.specs.get(spec.id);
      if (!old) {
        this.addLayer(spec);
        added = true;
      } else if (needsRebuild(old, spec)) {
        this.removeLayer(spec.id);
        this.addLayer(spec);
        added = true;
      } else this.updateLayer(old, spec);
    }
    const order = specsBottomToTop.map((s) => s.id);
    if (order.join('|') !== this.order.join('|')) {
      // The stacking rule of layer-style.ts: bodies bottom → top, then every highlight, then every label.
      for (const l of stackOrder(specsBottomToTop.map(layerStyleParts))) this.map.moveLayer(l.id);
      this.order = order;
      added = true;
    }
    // A drawing stays above every layer added or moved under it; an editing session snaps to what is visible now.
    if (added) this.tools.raise();
    this.tools.layersChanged();
    this.applyHighlight();
  }

  /** The style layers a click can hit: visible stored layers, and visible live layers marked interactive. */
  private queryableLayers(): string[] {
    const out: string[] = [];
    for (const s of this.specs.values()) {
      if (!s.visible) continue;
      if (s.type === 'stored') {
        if (s.geometryKind === 'polygon') out.push(sub(s.id, 'fill'), sub(s.id, 'line'));
        else if (s.geometryKind === 'line') out.push(sub(s.id, 'line'));
        else out.push(sub(s.id, 'circle'));
      } else if (s.type === 'geojson' && s.interactive) out.push(sub(s.id, 'fill'), sub(s.id, 'line'), sub(s.id, 'circle'));
    }
    return out.filter((l) => this.map.getLayer(l));
  }

  /** Topmost feature under a pixel (with a few pixels of slop for lines and points). */
  hitAt(point: { x: number; y: number }): FeatureHit | null {
    const layers = this.queryableLayers();
    if (layers.length === 0) return null;
    const r = 3;
    const feats = this.map.queryRenderedFeatures(
      [
        [point.x - r, point.y - r],
        [point.x + r, point.y + r],
      ],
      { layers },
    );
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
      const fid = this.highlighted && this.highlighted.layerId === s.id ? this.highlighted.fid : null;
      if (s.type === 'stored') for (const part of ['hl', 'hlfill'] as const) this.setFilter(sub(s.id, part), highlightFilter(fid));
      else if (s.type === 'geojson' && s.interactive)
        for (const part of ['hl', 'hlfill', 'hlcircle'] as const) this.setFilter(sub(s.id, part), highlightFilter(fid, GEOJSON_HIGHLIGHT_KIND[part]));
    }
  }

  private setFilter(layer: string, filter: maplibregl.FilterSpecification): void {
    if (this.map.getLayer(layer)) this.map.setFilter(layer, filter);
  }

  /** Shows `bbox` (lon/lat); a single point is flown to at street scale instead. */
  fit(bbox: Bbox, opts: FitOptions = {}): void {
    const [w, s, e, n] = bbox;
    const duration = opts.animate === false ? 0 : 500;
    if (w === e && s === n) this.map.flyTo({ center: [w, s], zoom: Math.max(this.map.getZoom(), 16), duration });
    else
      this.map.fitBounds(
        [
          [w, s],
          [e, n],
        ],
        { padding: opts.padding ?? 40, maxZoom: opts.maxZoom ?? 18, duration },
      );
  }

  flyTo(opts: FlyToOptions): void {
    const zoom = opts.zoom ?? this.map.getZoom();
    if (opts.animate === false) this.map.jumpTo({ center: opts.center, zoom });
    else this.map.flyTo({ center: opts.center, zoom });
  }

  /**
   * A PNG of the map as drawn now. The WebGL drawing buffer is only readable within the frame that drew it (the map
   * keeps no preserveDrawingBuffer: it costs a copy every frame), so the canvas is read inside the next 'render'.
   */
  screenshot(): Promise<Blob> {
    return new Promise((resolve, reject) => {
      this.map.once('render', () => {
        this.map.getCanvas().toBlob((b) => (b && b.size > 0 ? resolve(b) : reject(new Error('the map canvas gave no image'))), 'image/png');
      });
      this.map.triggerRepaint();
    });
  }

  setTool(tool: AnyTool | null): void {
    this.tools.setTool(tool);
  }

  /** A lon/lat position → CSS pixels from the map element's top left. */
  project(lngLat: [number, number]): [number, number] {
    const p = this.map.project(lngLat);
    return [p.x, p.y];
  }

  activeTool(): string | null {
    return this.tools.activeId();
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.primer.destroy();
    cancelAnimationFrame(this.cursorFrame);
    this.tools.destroy();
    this.map.remove();
  }
}
