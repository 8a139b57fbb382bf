/**
 * An app layer as maplibre sources and style layers: pure data (maplibre types only), so the same definitions go
 * into the map's first style (a reopened map asks for its tiles in its very first frame) and into addLayer later,
 * and are unit-tested without a map.
 *
 * Three kinds of layer (MapLayerSpec, discriminated by `type`): stored vector layers (tiled from their IndexedDB
 * Blob in the tile worker), live GeoJSON (grids, tracks, records: small, changed in place with setData) and raster
 * imagery (XYZ tile templates). They stack in the order given, bottom → top.
 */
import type { FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerStyle } from '../../shared/domain/layers/kind';
import type { GeometryKind } from '../../shared/formats/types';
import { fillOutlineColor, paintFor } from './style-expressions';
import { DATA_LAYER, LABEL_LAYER, tileUrlTemplate } from './tile-url';
import type { Bbox } from '../../shared/domain/geometry/bbox';

/** A layer stored in IndexedDB (imported shapefiles, the sample): tiled from its Blob by the tile worker. */
export interface StoredVectorLayerSpec {
  type: 'stored';
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

/**
 * A colour per feature from one of its properties (a status): one layer and one source draw what would otherwise be
 * one layer per value, which maplibre sorts, tiles and draws once. The property's value is compared as text (a
 * number 3 matches the key '3'); a value not in `colors`, or no value, takes `fallback`. CSS colours; an rgba colour
 * carries its own opacity (multiplied by the part's `opacity`).
 */
export interface ColorBy {
  property: string;
  colors: Readonly<Record<string, string>>;
  fallback: string;
}

/** The maplibre colour of a part: `color`, or with `colorBy` a `match` on the property's text. */
export function colorExpression(color: string, colorBy?: ColorBy): unknown {
  if (!colorBy) return color;
  const pairs = Object.entries(colorBy.colors).flat();
  // A `match` needs at least one case; with none, every feature takes the fallback.
  return pairs.length === 0 ? colorBy.fallback : ['match', ['to-string', ['get', colorBy.property]], ...pairs, colorBy.fallback];
}

/** How a live GeoJSON layer draws: each part is drawn only when given (fill for polygons, line for lines and
 *  polygon outlines, circle for points). Colours are CSS colours, widths and radii in CSS pixels. With `colorBy`
 *  a part's colour comes from each feature's property and `color` is not used (ColorBy). */
export interface GeoJsonPaint {
  /** `hatch`: diagonal lines over the fill (a topology overlap: read as a fault, not as a class colour). */
  fill?: { color: string; colorBy?: ColorBy; opacity?: number; hatch?: { color: string } };
  line?: { color: string; colorBy?: ColorBy; widthPx?: number; opacity?: number; dash?: number[] };
  circle?: { color: string; colorBy?: ColorBy; radiusPx?: number; opacity?: number; strokeColor?: string; strokeWidthPx?: number };
  /**
   * An arrow from each point that has a number in `rotateField`, pointing that many degrees clockwise from north
   * (a photo's bearing, GPSImgDirection): rotated with the map, so it keeps pointing the same way on the ground when
   * the map is turned. Points without the number get no arrow. Drawn under the point's circle (the dot stays on top).
   */
  arrow?: { color: string; rotateField: string; sizePx?: number };
}

/**
 * Live data too large for a GeoJSON source (maplibre clones a GeoJSON source's data to its worker on the UI thread:
 * 10,000 features cost 100–200 ms of it): a FeatureCollection's text in a Blob, cut into vector tiles by the tile
 * worker as a stored layer is, under `key`, which names this data (new data, new key; keys start with
 * LIVE_TILE_KEY_PREFIX so their tiles are never kept in the tile cache). Only the Blob's handle crosses the UI thread.
 */
export interface TiledGeoJson {
  key: string;
  blob: Blob;
}

export const isTiledGeoJson = (d: FeatureCollection | TiledGeoJson): d is TiledGeoJson => 'blob' in d;

/**
 * Whether a layer's style layers are drawn: the user shows it and, for a live layer, it holds something (its features
 * or its label points). The app keeps a dozen live layers that are empty most of the time (the grid's preview and
 * pending cells, topology gaps, patrol tracks, the day's tasks, survey points …); hidden while empty, their sources
 * are not tiled at every zoom nor walked in every frame (with 5,345 cells on screen the empty ones were 10 of the
 * map's 26 visible sources).
 */
export function drawn(spec: MapLayerSpec): boolean {
  if (!spec.visible) return false;
  if (spec.type !== 'geojson' || isTiledGeoJson(spec.data)) return true;
  return spec.data.features.length > 0 || (spec.label?.points?.features.length ?? 0) > 0;
}

/**
 * A small live layer in lon/lat (a grid, a patrol track, inspection records): the source is a GeoJSON source and a
 * new `data` object is pushed with setData (no tile worker, no rebuild). Features that identify should hit carry a
 * numeric `fid` property (FeatureHit.fid); only `interactive` layers are hit.
 */
export interface GeoJsonLayerSpec {
  type: 'geojson';
  id: string;
  /** The features, or (too many to pass through the UI thread) their text in a Blob for the tile worker to cut. */
  data: FeatureCollection | TiledGeoJson;
  paint: GeoJsonPaint;
  visible: boolean;
  interactive?: boolean;
  /** Text on the map from a property of each feature (an area's name). */
  label?: GeoJsonLabel;
}

/**
 * A live layer's labels. Glyphs are never fetched (the base style has no `glyphs` URL, README Decision 11): maplibre
 * draws CJK text with the system font (`localIdeographFontFamily`), so labels are Chinese names. A polygon labelled
 * from its own GeoJSON source repeats in every tile it crosses (STACK-NOTES): give `points` — one point per label,
 * carrying the same property — and the text comes from that point source instead.
 */
export interface GeoJsonLabel {
  /** The property whose value is the text. */
  field: string;
  /** Default 12. */
  sizePx?: number;
  /** Default '#333'. */
  color?: string;
  /** Default '#fff', 1.2 px. */
  haloColor?: string;
  haloWidthPx?: number;
  /** Below this zoom no label is drawn (default 0). */
  minzoom?: number;
  /** Drawn even where it collides with other labels (a warning that must be read). Default false. */
  allowOverlap?: boolean;
  /** Beside its point rather than on it (a labelled dot: 界址点 J1…Jn): the text's anchor and its offset in ems. */
  anchor?: 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
  offsetEm?: [number, number];
  /** The label points (lon/lat), e.g. a point inside each polygon; absent: the layer's own features are labelled. */
  points?: FeatureCollection;
}

/** Raster imagery from XYZ tile URL templates ({z}/{x}/{y}); `bounds` in lon/lat keeps requests inside it. */
export interface RasterLayerSpec {
  type: 'raster';
  id: string;
  tiles: string[];
  tileSize: number;
  bounds?: Bbox;
  minzoom?: number;
  maxzoom?: number;
  opacity: number;
  visible: boolean;
  attribution?: string;
}

export type MapLayerSpec = StoredVectorLayerSpec | GeoJsonLayerSpec | RasterLayerSpec;

export const HIGHLIGHT = '#00e5ff';
export type LayerPart = 'fill' | 'hatch' | 'line' | 'arrow' | 'circle' | 'hl' | 'hlfill' | 'hlcircle' | 'label' | 'raster';

/** The name of the hatch pattern image of a colour (the map adds it when a style asks for it: hatchImage). */
export const HATCH_PREFIX = 'lp-hatch-';
export const hatchImageId = (color: string) => `${HATCH_PREFIX}${color.replace(/^#/, '').toLowerCase()}`;
const HATCH_SIZE = 12;

/**
 * The pattern tile for `id` (hatchImageId): 12 × 12 px, one 2 px diagonal line (north-east), opaque in the colour,
 * transparent elsewhere; tiles seamlessly. Null for a name that is not a hatch of a '#rrggbb' colour.
 */
export function hatchImage(id: string): { width: number; height: number; data: Uint8Array } | null {
  const m = new RegExp(`^${HATCH_PREFIX}([0-9a-f]{6})$`).exec(id);
  if (!m) return null;
  const hex = m[1] as string;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const n = HATCH_SIZE;
  const data = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      // Distance (in px, along x) from the anti-diagonal x + y = n - 1, wrapped: the line continues into the next tile.
      const d = (((x + y - (n - 1)) % n) + n) % n;
      if (d < 2) {
        const o = (y * n + x) * 4;
        data.set([r, g, b, 255], o);
      }
    }
  return { width: n, height: n, data };
}
/** The name of the arrow image of a colour (made by the map when a style asks for it: arrowImage). */
export const ARROW_PREFIX = 'lp-arrow-';
export const arrowImageId = (color: string) => `${ARROW_PREFIX}${color.replace(/^#/, '').toLowerCase()}`;
/** The arrow image's side in pixels and its pixel ratio: 32 CSS px, drawn at twice that for sharp edges. */
export const ARROW_IMAGE_PX = 64;
export const ARROW_PIXEL_RATIO = 2;

/**
 * The arrow for `id` (arrowImageId): a 64 × 64 px image whose centre is the point; a shaft from the centre up to a
 * head whose tip touches the top edge, so the image rotated by a bearing points from the point along it. Filled in
 * the colour with a 2 px white halo (readable over yellow farmland and dark imagery); transparent elsewhere. Null for
 * a name that is not an arrow of a '#rrggbb' colour.
 */
export function arrowImage(id: string): { width: number; height: number; data: Uint8Array; pixelRatio: number } | null {
  const m = new RegExp(`^${ARROW_PREFIX}([0-9a-f]{6})$`).exec(id);
  if (!m) return null;
  const hex = m[1] as string;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const n = ARROW_IMAGE_PX;
  const c = n / 2;
  // The shape, in pixel centres: the head is the triangle (c, 3) – (c ± 11, 22); the shaft 6 px wide from 20 to c.
  const inArrow = (x: number, y: number): boolean => {
    if (y >= 20 && y <= c && Math.abs(x - c) <= 3) return true;
    if (y < 3 || y > 22) return false;
    return Math.abs(x - c) <= ((y - 3) / (22 - 3)) * 11;
  };
  const halo = 2;
  const data = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++)
    for (let x = 0; x < n; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const o = (y * n + x) * 4;
      if (inArrow(px, py)) data.set([r, g, b, 255], o);
      else {
        let near = false;
        for (let dy = -halo; dy <= halo && !near; dy++)
          for (let dx = -halo; dx <= halo && !near; dx++) near = dx * dx + dy * dy <= halo * halo && inArrow(px + dx, py + dy);
        if (near) data.set([255, 255, 255, 255], o);
      }
    }
  return { width: n, height: n, data, pixelRatio: ARROW_PIXEL_RATIO };
}

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
export const lineMinzoom = (spec: Pick<StoredVectorLayerSpec, 'geometryKind' | 'style' | 'featureCount'>) =>
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
  switch (spec.type) {
    case 'stored':
      return storedParts(spec);
    case 'geojson':
      return geoJsonParts(spec);
    case 'raster':
      return rasterParts(spec);
  }
}

function storedParts(spec: StoredVectorLayerSpec): LayerStyleParts {
  const id = spec.id;
  const visibility = drawn(spec) ? 'visible' : 'none';
  const bounds = sourceBounds(spec.bboxLngLat);
  const vector = (key: string, layer: string): SourceSpecification => ({
    type: 'vector',
    tiles: [tileUrlTemplate(key, layer)],
    minzoom: 0,
    maxzoom: 18,
    ...(bounds ? { bounds } : {}),
  });
  const source = sourceId(id);
  const sl = { source, 'source-layer': DATA_LAYER, layout: { visibility } } as const;
  const p = paintFor(spec.style, spec.opacity);
  const parts: LayerStyleParts = { sources: [[source, vector(spec.dataKey, DATA_LAYER)]], bodies: [], highlights: [], labels: [] };
  const large = lineMinzoom(spec);
  if (spec.geometryKind === 'polygon') {
    parts.bodies.push(
      // The fill keeps its 1-px outline (fill-antialias) even on a large layer: at county scale most parcels are 1–3 px
      // and only that outline makes them visible (without it, 50,000 parcels drew as a faint mesh).
      {
        id: styleLayerId(id, 'fill'),
        type: 'fill',
        ...sl,
        paint: { ...(p.fill ?? { 'fill-color': '#000', 'fill-opacity': 0 }), 'fill-outline-color': fillOutlineColor(spec.style, large) } as never,
      },
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

/** GeoJSON geometry-type filters: a live layer may mix points, lines and polygons. */
const IS_POLYGON: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const IS_LINE_OR_POLYGON: FilterSpecification = ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]];
const IS_POINT: FilterSpecification = ['==', ['geometry-type'], 'Point'];
/** A highlight filter: the feature `fid` among those of `kind` (maplibre's 'geometry-type' folds Multi* into the base type). */
export const highlightFilter = (fid: number | null, kind?: FilterSpecification): FilterSpecification =>
  fid === null ? NO_MATCH : kind ? (['all', kind, ['==', ['get', 'fid'], fid]] as FilterSpecification) : ['==', ['get', 'fid'], fid];
/** The geometry-type filter each GeoJSON highlight part keeps (so a point's ring is not drawn as a line). */
export const GEOJSON_HIGHLIGHT_KIND: Partial<Record<LayerPart, FilterSpecification>> = {
  hlfill: IS_POLYGON,
  hl: IS_LINE_OR_POLYGON,
  hlcircle: IS_POINT,
};

/** The maplibre paint of a live layer's parts (pure; also used to update paint in place). */
export function geoJsonPaintOf(paint: GeoJsonPaint): {
  fill?: Record<string, unknown>;
  line?: Record<string, unknown>;
  circle?: Record<string, unknown>;
} {
  const out: { fill?: Record<string, unknown>; line?: Record<string, unknown>; circle?: Record<string, unknown> } = {};
  if (paint.fill) out.fill = { 'fill-color': colorExpression(paint.fill.color, paint.fill.colorBy), 'fill-opacity': paint.fill.opacity ?? 1 };
  if (paint.line) {
    out.line = {
      'line-color': colorExpression(paint.line.color, paint.line.colorBy),
      'line-width': paint.line.widthPx ?? 1,
      'line-opacity': paint.line.opacity ?? 1,
    };
    if (paint.line.dash && paint.line.dash.length > 0) out.line['line-dasharray'] = paint.line.dash;
  }
  if (paint.circle) {
    out.circle = {
      'circle-color': colorExpression(paint.circle.color, paint.circle.colorBy),
      'circle-radius': paint.circle.radiusPx ?? 4,
      'circle-opacity': paint.circle.opacity ?? 1,
      'circle-stroke-color': paint.circle.strokeColor ?? '#ffffff',
      'circle-stroke-width': paint.circle.strokeWidthPx ?? 1,
    };
  }
  return out;
}

function geoJsonParts(spec: GeoJsonLayerSpec): LayerStyleParts {
  const id = spec.id;
  const source = sourceId(id);
  const layout = { visibility: drawn(spec) ? 'visible' : 'none' } as const;
  const p = geoJsonPaintOf(spec.paint);
  const tiled = isTiledGeoJson(spec.data);
  // Tiled data: a vector source from the tile worker, whose tiles hold the features in their one source layer.
  const src = tiled ? ({ source, 'source-layer': DATA_LAYER } as const) : { source };
  const data: SourceSpecification = isTiledGeoJson(spec.data)
    ? { type: 'vector', tiles: [tileUrlTemplate(spec.data.key, DATA_LAYER)], minzoom: 0, maxzoom: 18 }
    : { type: 'geojson', data: spec.data };
  const parts: LayerStyleParts = { sources: [[source, data]], bodies: [], highlights: [], labels: [] };
  if (p.fill) parts.bodies.push({ id: styleLayerId(id, 'fill'), type: 'fill', ...src, layout, filter: IS_POLYGON, paint: p.fill as never });
  if (spec.paint.fill?.hatch)
    parts.bodies.push({
      id: styleLayerId(id, 'hatch'),
      type: 'fill',
      ...src,
      layout,
      filter: IS_POLYGON,
      paint: { 'fill-pattern': hatchImageId(spec.paint.fill.hatch.color) },
    });
  if (p.line) parts.bodies.push({ id: styleLayerId(id, 'line'), type: 'line', ...src, layout, filter: IS_LINE_OR_POLYGON, paint: p.line as never });
  if (spec.paint.arrow) {
    const a = spec.paint.arrow;
    parts.bodies.push({
      id: styleLayerId(id, 'arrow'),
      type: 'symbol',
      ...src,
      filter: ['all', IS_POINT, ['==', ['typeof', ['get', a.rotateField]], 'number']] as FilterSpecification,
      layout: {
        ...layout,
        'icon-image': arrowImageId(a.color),
        'icon-size': (a.sizePx ?? ARROW_IMAGE_PX / ARROW_PIXEL_RATIO) / (ARROW_IMAGE_PX / ARROW_PIXEL_RATIO),
        'icon-rotate': ['get', a.rotateField],
        // 'map': the bearing is on the ground (from north), so the arrow turns with the map.
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    });
  }
  if (p.circle) parts.bodies.push({ id: styleLayerId(id, 'circle'), type: 'circle', ...src, layout, filter: IS_POINT, paint: p.circle as never });
  if (spec.label) {
    const l = spec.label;
    const labelSource = l.points ? labelSourceId(id) : source;
    if (l.points) parts.sources.push([labelSource, { type: 'geojson', data: l.points }]);
    parts.labels.push({
      id: styleLayerId(id, 'label'),
      type: 'symbol',
      ...(labelSource === source ? src : { source: labelSource }),
      minzoom: l.minzoom ?? 0,
      layout: {
        ...layout,
        'text-field': ['to-string', ['get', l.field]],
        'text-size': l.sizePx ?? 12,
        'text-font': ['sans-serif'],
        'text-allow-overlap': l.allowOverlap ?? false,
        ...(l.anchor ? { 'text-anchor': l.anchor } : {}),
        ...(l.offsetEm ? { 'text-offset': l.offsetEm } : {}),
        // A polygon's own source: one label at its centre per tile, never along its outline.
        ...(l.points ? {} : { 'symbol-placement': 'point' as const }),
      },
      paint: { 'text-color': l.color ?? '#333', 'text-halo-color': l.haloColor ?? '#fff', 'text-halo-width': l.haloWidthPx ?? 1.2 },
    });
  }
  // Only a layer identify can hit has something to highlight.
  if (spec.interactive) {
    parts.highlights.push(
      { id: styleLayerId(id, 'hlfill'), type: 'fill', ...src, layout, filter: NO_MATCH, paint: { 'fill-color': HIGHLIGHT, 'fill-opacity': 0.25 } },
      { id: styleLayerId(id, 'hl'), type: 'line', ...src, layout, filter: NO_MATCH, paint: { 'line-color': HIGHLIGHT, 'line-width': 3 } },
      {
        id: styleLayerId(id, 'hlcircle'),
        type: 'circle',
        ...src,
        layout,
        filter: NO_MATCH,
        paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 8, 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 3 },
      },
    );
  }
  return parts;
}

function rasterParts(spec: RasterLayerSpec): LayerStyleParts {
  const source = sourceId(spec.id);
  const bounds = sourceBounds(spec.bounds ?? null);
  const src: SourceSpecification = {
    type: 'raster',
    tiles: spec.tiles,
    tileSize: spec.tileSize,
    ...(bounds ? { bounds } : {}),
    ...(spec.minzoom !== undefined ? { minzoom: spec.minzoom } : {}),
    ...(spec.maxzoom !== undefined ? { maxzoom: spec.maxzoom } : {}),
    ...(spec.attribution ? { attribution: spec.attribution } : {}),
  };
  return {
    sources: [[source, src]],
    bodies: [
      {
        id: styleLayerId(spec.id, 'raster'),
        type: 'raster',
        source,
        layout: { visibility: drawn(spec) ? 'visible' : 'none' },
        // No fade-in: each fade is ~300 ms of continuous repainting, every frame costly where WebGL is software
        // (SwiftShader; the same reason as the labels' fadeDuration 0 in map-controller.ts).
        paint: { 'raster-opacity': clamp01(spec.opacity), 'raster-fade-duration': 0 },
      },
    ],
    highlights: [],
    labels: [],
  };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/**
 * Whether a layer must be removed and added again (its sources changed shape) rather than updated in place: a
 * stored layer whose data version, kind, labels or outline zoom changed; a raster whose tiles changed; any change of
 * type; a GeoJSON layer whose set of drawn parts or interactivity changed (new data only needs setData).
 */
export function needsRebuild(old: MapLayerSpec, next: MapLayerSpec): boolean {
  if (old.type !== next.type) return true;
  if (old.type === 'stored' && next.type === 'stored')
    return (
      old.dataKey !== next.dataKey ||
      old.geometryKind !== next.geometryKind ||
      !!old.labels !== !!next.labels ||
      lineMinzoom(old) !== lineMinzoom(next)
    );
  if (old.type === 'raster' && next.type === 'raster')
    return (
      old.tiles.join('\n') !== next.tiles.join('\n') ||
      old.tileSize !== next.tileSize ||
      String(old.bounds) !== String(next.bounds) ||
      old.minzoom !== next.minzoom ||
      old.maxzoom !== next.maxzoom
    );
  if (old.type === 'geojson' && next.type === 'geojson')
    return (
      // A GeoJSON source and a tiled one are different sources (new tiled data only needs the source's new tiles).
      isTiledGeoJson(old.data) !== isTiledGeoJson(next.data) ||
      !!old.interactive !== !!next.interactive ||
      labelStyleKey(old.label) !== labelStyleKey(next.label) ||
      !!old.paint.fill !== !!next.paint.fill ||
      old.paint.fill?.hatch?.color !== next.paint.fill?.hatch?.color ||
      !!old.paint.line !== !!next.paint.line ||
      !!old.paint.circle !== !!next.paint.circle ||
      JSON.stringify(old.paint.arrow ?? null) !== JSON.stringify(next.paint.arrow ?? null)
    );
  return true;
}

/** A label's style without its points (new points only need setData). */
export const labelStyleKey = (l: GeoJsonLabel | undefined): string =>
  l ? JSON.stringify([l.field, l.sizePx, l.color, l.haloColor, l.haloWidthPx, l.minzoom, l.allowOverlap, l.anchor, l.offsetEm, !!l.points]) : '';

/** All style layer ids of a layer, in the order layerStyleParts gives them. */
export function styleLayerIdsOf(spec: MapLayerSpec): string[] {
  const p = layerStyleParts(spec);
  return [...p.bodies, ...p.highlights, ...p.labels].map((l) => l.id);
}

/** The stacking rule: every body bottom → top, then every highlight above all bodies, then every label on top. */
export function stackOrder(partsBottomToTop: readonly LayerStyleParts[]): LayerSpecification[] {
  return [
    ...partsBottomToTop.flatMap((p) => p.bodies),
    ...partsBottomToTop.flatMap((p) => p.highlights),
    ...partsBottomToTop.flatMap((p) => p.labels),
  ];
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
