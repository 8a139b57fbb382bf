/**
 * Stored record shapes and their validators. Everything read from IndexedDB passes through
 * `restore*`: a malformed record is repaired when the repair is obvious, otherwise rejected (null),
 * and never crashes the app (STYLE.md: validate at every boundary).
 */
import type { LayerKind, LayerStyle } from '../../shared/domain/layers/kind';
import { LAYER_KINDS } from '../../shared/domain/layers/kind';
import type { CrsInfo } from '../../shared/domain/crs/types';
import type { EncodingInfo, FieldDef, GeometryKind, Issue } from '../../shared/formats/types';
import type { Bbox } from '../../shared/domain/geometry/bbox';

export interface LayerMeta {
  source: string;
  geometryKind: GeometryKind;
  shapeType: string;
  fields: FieldDef[];
  encoding: EncodingInfo;
  crs: CrsInfo;
  bboxLngLat: Bbox | null;
  featureCount: number;
  issues: Issue[];
}

export interface LayerRecord {
  id: string;
  name: string;
  kind: LayerKind;
  /** Drawing order: higher is drawn on top (and listed first). */
  order: number;
  visible: boolean;
  /** 0–1, multiplies the style's own opacities. */
  opacity: number;
  style: LayerStyle;
  meta: LayerMeta;
  sample: boolean;
  createdAt: number;
  /** Bumped whenever layerData is rewritten (re-decode, restyle): the map reloads its source. */
  dataVersion: number;
}

/**
 * The layer's data as few big Blobs (one record per layer, never one per feature):
 * - geojson: lon/lat FeatureCollection, `id` = fid, properties {fid, _k}, full precision — tiled for the map by the tile worker, read by the overlay;
 * - attributes: JSON AttributeStore (see attribute-store.ts) read lazily for identify / table;
 * - labels: point FeatureCollection {t: label} when the style has a label field.
 */
export interface LayerDataRecord {
  layerId: string;
  geojson: Blob;
  attributes: Blob;
  labels: Blob | null;
}

/** The original bytes of the files the layer came from, so the user can re-decode without finding them again. */
export interface SourceFilesRecord {
  layerId: string;
  files: { path: string; bytes: Uint8Array }[];
}

export interface MapView {
  center: [number, number];
  zoom: number;
  bearing: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A layer's data version as one key: "<layerId>@<dataVersion>" (attribute cache, map sources, tile cache). */
export const dataKeyOf = (layerId: string, dataVersion: number): string => `${layerId}@${dataVersion}`;
/** The layer a data key (or a tile cache id "<dataKey>[~labels]/…") belongs to. */
export const layerIdOfKey = (key: string): string => key.slice(0, key.indexOf('@'));
/** The data key a tile cache id belongs to ("<layerId>@<version>[~labels]/…" → "<layerId>@<version>"). */
export const dataKeyOfTileId = (id: string): string => id.slice(0, id.indexOf('/')).replace(/~.*$/, '');

/** One vector tile the map has drawn (a cache: losing it costs time, never data). */
export interface TileCacheRecord {
  /** "<dataKey>/<source-layer>/<z>/<x>/<y>", dataKey = "<layerId>@<dataVersion>" */
  id: string;
  layerId: string;
  /** The Mapbox Vector Tile bytes; an empty buffer means "no features here". */
  bytes: ArrayBuffer;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function restoreBbox(v: unknown): Bbox | null {
  if (!Array.isArray(v) || v.length !== 4 || !v.every(isFiniteNum)) return null;
  const [w, s, e, n] = v as number[];
  if (w! > e! || s! > n! || s! < -90 || n! > 90) return null;
  return [w!, s!, e!, n!];
}

function restoreStyle(v: unknown): LayerStyle | null {
  if (!isObj(v) || !isObj(v.line) || typeof v.line.color !== 'string') return null;
  const fill = v.fill;
  if (fill !== null && !(isObj(fill) && (fill.type === 'constant' || fill.type === 'categorical'))) return null;
  return {
    ...(v as unknown as LayerStyle),
    fillOpacity: isFiniteNum(v.fillOpacity) ? clamp01(v.fillOpacity) : 0.5,
    line: { ...(v.line as unknown as LayerStyle['line']), widthPx: isFiniteNum(v.line.widthPx) ? v.line.widthPx : 1 },
  };
}

function restoreCrs(v: unknown): CrsInfo {
  if (isObj(v) && typeof v.label === 'string' && (v.kind === 'geographic' || v.kind === 'projected')) return v as unknown as CrsInfo;
  return { epsg: null, source: 'none', datum: 'unknown', kind: 'geographic', proj4: '', label: '?' };
}

function restoreEncoding(v: unknown): EncodingInfo {
  if (isObj(v) && typeof v.encoding === 'string') return v as unknown as EncodingInfo;
  return { encoding: 'utf-8', source: 'default' };
}

const GEOMETRY_KINDS: readonly GeometryKind[] = ['point', 'line', 'polygon', 'unknown'];

/** Repairs what is safe to repair (opacity out of range, missing flags), rejects records without id/style. */
export function restoreLayerRecord(raw: unknown): LayerRecord | null {
  if (!isObj(raw) || typeof raw.id !== 'string' || raw.id === '') return null;
  const style = restoreStyle(raw.style);
  if (!style) return null;
  const meta = isObj(raw.meta) ? raw.meta : {};
  const kind = LAYER_KINDS.includes(raw.kind as LayerKind) ? (raw.kind as LayerKind) : 'other';
  return {
    id: raw.id,
    name: typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name : raw.id,
    kind,
    order: isFiniteNum(raw.order) ? raw.order : 0,
    visible: typeof raw.visible === 'boolean' ? raw.visible : true,
    opacity: isFiniteNum(raw.opacity) ? clamp01(raw.opacity) : 1,
    style,
    sample: raw.sample === true,
    createdAt: isFiniteNum(raw.createdAt) ? raw.createdAt : 0,
    dataVersion: isFiniteNum(raw.dataVersion) ? raw.dataVersion : 1,
    meta: {
      source: typeof meta.source === 'string' ? meta.source : '',
      geometryKind: GEOMETRY_KINDS.includes(meta.geometryKind as GeometryKind) ? (meta.geometryKind as GeometryKind) : 'unknown',
      shapeType: typeof meta.shapeType === 'string' ? meta.shapeType : '',
      fields: Array.isArray(meta.fields) ? (meta.fields.filter((f) => isObj(f) && typeof f.name === 'string') as FieldDef[]) : [],
      encoding: restoreEncoding(meta.encoding),
      crs: restoreCrs(meta.crs),
      bboxLngLat: restoreBbox(meta.bboxLngLat),
      featureCount: isFiniteNum(meta.featureCount) ? meta.featureCount : 0,
      issues: Array.isArray(meta.issues) ? (meta.issues.filter((i) => isObj(i) && typeof i.code === 'string') as Issue[]) : [],
    },
  };
}

export function restoreLayerData(raw: unknown): LayerDataRecord | null {
  if (!isObj(raw) || typeof raw.layerId !== 'string') return null;
  if (!(raw.geojson instanceof Blob) || !(raw.attributes instanceof Blob)) return null;
  return { layerId: raw.layerId, geojson: raw.geojson, attributes: raw.attributes, labels: raw.labels instanceof Blob ? raw.labels : null };
}

export function restoreSourceFiles(raw: unknown): SourceFilesRecord | null {
  if (!isObj(raw) || typeof raw.layerId !== 'string' || !Array.isArray(raw.files)) return null;
  const files = raw.files.filter((f): f is { path: string; bytes: Uint8Array } => isObj(f) && typeof f.path === 'string' && f.bytes instanceof Uint8Array);
  return { layerId: raw.layerId, files };
}

export function restoreMapView(raw: unknown): MapView | null {
  if (!isObj(raw) || !Array.isArray(raw.center) || raw.center.length !== 2 || !raw.center.every(isFiniteNum)) return null;
  const [lng, lat] = raw.center as [number, number];
  if (Math.abs(lat) > 85 || !isFiniteNum(raw.zoom)) return null;
  const wrapped = lng >= -180 && lng <= 180 ? lng : ((((lng + 180) % 360) + 360) % 360) - 180;
  return { center: [wrapped, lat], zoom: Math.min(24, Math.max(0, raw.zoom)), bearing: isFiniteNum(raw.bearing) ? raw.bearing : 0 };
}

/** A cached tile read back, or null when the record is not what we wrote (the cache then simply misses). */
export function restoreTileCache(v: unknown): TileCacheRecord | null {
  if (!isObj(v) || typeof v.id !== 'string' || typeof v.layerId !== 'string' || !(v.bytes instanceof ArrayBuffer)) return null;
  return { id: v.id, layerId: v.layerId, bytes: v.bytes };
}
