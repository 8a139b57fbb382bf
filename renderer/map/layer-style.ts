/**
 * An app layer as maplibre sources and style layers: pure data (maplibre types only), so the same definitions go
 * into the map's first style (a reopened map asks for its tiles in its very first frame) and into addLayer later,
 * and are unit-tested without a map.
 */
import type { FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerStyle } from '../../shared/domain/layers/kind';
import type { GeometryKind } from '../../shared/formats/types';
import { fillOutlineColor, paintFor } from './style-expressions';
import { DATA_LAYER, LABEL_LAYER, tileUrlTemplate } from './tile-protocol';
import type { Bbox } from '../../shared/domain/geometry/bbox';

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
  /** The data's extent in lon/lat (null: no geometry); tiles outside it are never requested. */
  bboxLngLat: Bbox | null;
  style: LayerStyle;
  visible: boolean;
  opacity: number;
}

export const HIGHLIGHT = '#00e5ff';
export type LayerPart = 'fill' | 'line' | 'circle' | 'hl' | 'hlfill' | 'label';
export const styleLayerId = (id: string, part: LayerPart) => `lp-${id}-${part}`;
export const sourceId = (id: string) => `lp-${id}`;
export const labelSourceId = (id: string) => `lp-${id}-labels`;
export const NO_MATCH: FilterSpecification = ['==', ['get', 'fid'], -999999];
/** The app layer and part a style layer id belongs to (the parts a click can hit). */
export function parseStyleLayerId(styleId: string): { layerId: string; part: 'fill' | 'line' | 'circle' } | null {
  const m = /^lp-(.+)-(fill|line|circle)$/.exec(styleId);
  return m ? { layerId: m[1]!, part: m[2] as 'fill' | 'line' | 'circle' } : null;
}

/**
 * Scale-dependent outlines for large filled polygon layers: below this zoom the fill's own 1-px outline stands in
 * for the line layer, whose buckets cost as much again as the fills (measured: 50,000 polygons, reopen 5.3 s → 3.5 s
 * under SwiftShader). Small layers keep their styled outline at every zoom.
 */
export const LARGE_LAYER_FEATURES = 20_000;
export const LARGE_LAYER_LINE_MINZOOM = 14;
export const lineMinzoom = (spec: Pick<MapLayerSpec, 'geometryKind' | 'style' | 'featureCount'>) =>
  spec.geometryKind === 'polygon' && spec.style.fill && spec.featureCount > LARGE_LAYER_FEATURES ? LARGE_LAYER_LINE_MINZOOM : 0;

/**
 * A source's `bounds`: maplibre then never asks for tiles outside the layer (a small township layer no longer costs
 * a request, a worker round trip and a repaint for every empty tile of a county-wide view). Padded so a point
 * symbol or label on the very edge still finds the neighbouring tile it spills into.
 */
export function sourceBounds(bbox: Readonly<Bbox> | null): Bbox | null {
  if (!bbox || !bbox.every(Number.isFinite)) return null;
  const [w, s, e, n] = bbox;
  const padX = (e - w) * 0.02 + 0.001;
  const padY = (n - s) * 0.02 + 0.001;
  return [Math.max(-180, w - padX), Math.max(-85.0511, s - padY), Math.min(180, e + padX), Math.min(85.0511, n + padY)];
}

export interface LayerStyleParts {
  sources: [string, SourceSpecification][];
  /** The layer's body (drawn in layer order), its highlight layers and its label layer (stacked above all bodies). */
  bodies: LayerSpecification[];
  highlights: LayerSpecification[];
  labels: LayerSpecification[];
}

export function layerStyleParts(spec: MapLayerSpec): LayerStyleParts {
  const id = spec.id;
  const visibility = spec.visible ? 'visible' : 'none';
  const bounds = sourceBounds(spec.bboxLngLat);
  const vector = (key: string, layer: string): SourceSpecification => ({ type: 'vector', tiles: [tileUrlTemplate(key, layer)], minzoom: 0, maxzoom: 18, ...(bounds ? { bounds } : {}) });
  const source = sourceId(id);
  const sl = { source, 'source-layer': DATA_LAYER, layout: { visibility } } as const;
  const p = paintFor(spec.style, spec.opacity);
  const parts: LayerStyleParts = { sources: [[source, vector(spec.dataKey, DATA_LAYER)]], bodies: [], highlights: [], labels: [] };
  const large = lineMinzoom(spec);
  if (spec.geometryKind === 'polygon') {
    parts.bodies.push(
      // The fill keeps its 1-px outline (fill-antialias) even on a large layer: at county scale most parcels are 1–3 px
      // and only that outline makes them visible (without it, 50,000 parcels drew as a faint mesh).
      { id: styleLayerId(id, 'fill'), type: 'fill', ...sl, paint: { ...(p.fill ?? { 'fill-color': '#000', 'fill-opacity': 0 }), 'fill-outline-color': fillOutlineColor(spec.style, large) } as never },
      { id: styleLayerId(id, 'line'), type: 'line', ...sl, minzoom: large, paint: p.line as never },
    );
    parts.highlights.push(
      { id: styleLayerId(id, 'hlfill'), type: 'fill', ...sl, filter: NO_MATCH, paint: { 'fill-color': HIGHLIGHT, 'fill-opacity': 0.25 } },
      { id: styleLayerId(id, 'hl'), type: 'line', ...sl, filter: NO_MATCH, paint: { 'line-color': HIGHLIGHT, 'line-width': 3 } },
    );
  } else if (spec.geometryKind === 'line') {
    parts.bodies.push({ id: styleLayerId(id, 'line'), type: 'line', ...sl, paint: p.line as never });
    parts.highlights.push({ id: styleLayerId(id, 'hl'), type: 'line', ...sl, filter: NO_MATCH, paint: { 'line-color': HIGHLIGHT, 'line-width': 4 } });
  } else {
    parts.bodies.push({ id: styleLayerId(id, 'circle'), type: 'circle', ...sl, paint: p.circle as never });
    parts.highlights.push({
      id: styleLayerId(id, 'hl'),
      type: 'circle',
      ...sl,
      filter: NO_MATCH,
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 8, 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 3 },
    });
  }
  if (spec.labels) {
    const labelSource = labelSourceId(id);
    parts.sources.push([labelSource, vector(`${spec.dataKey}~labels`, LABEL_LAYER)]);
    parts.labels.push({
      id: styleLayerId(id, 'label'),
      type: 'symbol',
      source: labelSource,
      'source-layer': LABEL_LAYER,
      minzoom: 11,
      layout: { visibility, 'text-field': ['get', 't'], 'text-size': 12, 'text-font': ['sans-serif'], 'text-allow-overlap': false },
      paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.2, 'text-opacity': spec.opacity },
    });
  }
  return parts;
}

/** All style layer ids of a layer, in the order layerStyleParts gives them. */
export function styleLayerIdsOf(spec: MapLayerSpec): string[] {
  const p = layerStyleParts(spec);
  return [...p.bodies, ...p.highlights, ...p.labels].map((l) => l.id);
}

/** The stacking rule: every body bottom → top, then every highlight above all bodies, then every label on top. */
export function stackOrder(partsBottomToTop: readonly LayerStyleParts[]): LayerSpecification[] {
  return [...partsBottomToTop.flatMap((p) => p.bodies), ...partsBottomToTop.flatMap((p) => p.highlights), ...partsBottomToTop.flatMap((p) => p.labels)];
}

/** The map's first style: the base plus every layer already stored, so its first frame already asks for tiles. */
export function initialStyle(base: StyleSpecification, specsBottomToTop: readonly MapLayerSpec[]): StyleSpecification {
  const parts = specsBottomToTop.map(layerStyleParts);
  return {
    ...base,
    sources: { ...base.sources, ...Object.fromEntries(parts.flatMap((p) => p.sources)) },
    layers: [...base.layers, ...stackOrder(parts)],
  };
}
