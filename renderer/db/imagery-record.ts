/**
 * An imagery layer (影像图层, issue 12): a tile package (MBTiles, PMTiles), a tile folder (XYZ/TMS), a GeoTIFF or an
 * online basemap drawn under the vector layers. One record kind for every imagery source: `source.kind` says which
 * reader draws it, and where its bytes are kept (`KeptFile`), which the layer list says to the user:
 * - copy: the file's bytes are stored in IndexedDB (small packages; survives everything, costs disk),
 * - handle: a FileSystemFileHandle (Chromium's File System Access): nothing copied; after a restart the browser asks
 *   the user's permission again before it is read,
 * - session: only the File picked in this session: after a reload the user opens the file again.
 * Lives here rather than in shared/domain: Blob and the file handles are DOM types (as attachment-record.ts says).
 */
import { isBoolean, isFiniteNumber, isLngLatBbox, isNonEmptyString, isObject, isString } from '../../shared/validation/guards';
import { migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../shared/validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../shared/validation/validation';
import type { Bbox } from '../../shared/domain/geometry/bbox';

/**
 * 1: the first stored shape (schema 7).
 * 2: a GeoTIFF source keeps its sidecars' text (.tfw/.prj/.aux.xml) beside its file: the image is placed again from
 *    them after a restart (a v1 GeoTIFF had none stored: it was never written, GeoTIFFs were session-only then).
 */
export const IMAGERY_RECORD_VERSION = 2;

export type ImageryLayerId = string & { readonly __brand: 'ImageryLayerId' };
export const isImageryLayerId = (v: unknown): v is ImageryLayerId => isNonEmptyString(v);

export type KeptFile =
  | { storage: 'copy'; name: string; size: number; lastModified: number; blob: Blob }
  | { storage: 'handle'; name: string; size: number; lastModified: number; handle: FileSystemFileHandle }
  | { storage: 'session'; name: string; size: number; lastModified: number };

/** A tile folder: its tiles copied (path "z/x/y.ext" → bytes), a directory handle, or this session only. */
export type KeptFolder =
  | { storage: 'copy'; name: string; size: number; tiles: { path: string; blob: Blob }[] }
  | { storage: 'handle'; name: string; size: number; handle: FileSystemDirectoryHandle }
  | { storage: 'session'; name: string; size: number };

export type TileImageFormat = 'png' | 'jpg' | 'webp' | 'gif';

/**
 * Where the imagery comes from. `extra` carries what a source kind's own reader needs (GeoTIFF: its CRS and
 * overviews; online: the URL template, datum, key reference …), validated by that reader, not here.
 */
export type ImagerySource =
  | { kind: 'mbtiles' | 'pmtiles'; file: KeptFile }
  | { kind: 'xyz'; folder: KeptFolder; rows: 'xyz' | 'tms'; ext: 'png' | 'jpg' | 'webp' }
  | { kind: 'geotiff'; file: KeptFile; sidecars: GeoTiffSidecarTexts; extra: Record<string, unknown> }
  | { kind: 'online'; extra: Record<string, unknown> };

/**
 * A GeoTIFF's sidecars as text, always copied whatever the image's storage (a few KB: a world file, a WKT, GDAL's
 * .aux.xml), with the names they had, so the image is placed from the same evidence after a restart.
 */
export interface GeoTiffSidecarTexts {
  tfw?: { name: string; text: string };
  prj?: { name: string; text: string };
  auxXml?: { name: string; text: string };
}

export type ImagerySourceKind = ImagerySource['kind'];

/** What the source says about itself, shown in the layer's properties. */
export interface ImageryInfo {
  format: TileImageFormat | null;
  /** lon/lat; null when the source states none. */
  bounds: Bbox | null;
  minzoom: number;
  maxzoom: number;
  tileSize: number;
  description: string | null;
  attribution: string | null;
  /** The source's own metadata rows (MBTiles metadata, PMTiles JSON), as text. */
  metadata: Record<string, string>;
}

export interface ImageryLayer {
  v: typeof IMAGERY_RECORD_VERSION;
  id: ImageryLayerId;
  name: string;
  /** Stacking among imagery layers: higher draws above. All imagery draws under the vector layers. */
  order: number;
  visible: boolean;
  /** 0–1 */
  opacity: number;
  /** The generated sample (removable). */
  sample: boolean;
  /** Epoch ms. */
  createdAt: number;
  source: ImagerySource;
  info: ImageryInfo;
}

export type ImageryReason = MigrationReason | 'missingId' | 'badSource' | 'badFile' | 'badInfo';

export const IMAGERY_MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    // A GeoTIFF source gains its (empty) sidecars; nothing else changed.
    up: (r) => {
      const s = r.source;
      const source = isObject(s) && s.kind === 'geotiff' && !isObject(s.sidecars) ? { ...s, sidecars: {} } : s;
      return { ...r, source, v: 2 };
    },
  },
];

const SIDECAR_KEYS = ['tfw', 'prj', 'auxXml'] as const;

function validSidecars(x: unknown): GeoTiffSidecarTexts | null {
  if (!isObject(x)) return null;
  const out: GeoTiffSidecarTexts = {};
  for (const k of SIDECAR_KEYS) {
    const v = x[k];
    if (v === undefined) continue;
    if (!isObject(v) || !isString(v.name) || !isString(v.text)) return null;
    out[k] = { name: v.name, text: v.text };
  }
  return out;
}

const KINDS: readonly ImagerySourceKind[] = ['mbtiles', 'pmtiles', 'xyz', 'geotiff', 'online'];
const FORMATS: readonly TileImageFormat[] = ['png', 'jpg', 'webp', 'gif'];

function validFile(f: unknown): f is KeptFile {
  if (!isObject(f) || !isString(f.name) || !isFiniteNumber(f.size) || !isFiniteNumber(f.lastModified)) return false;
  if (f.storage === 'copy') return f.blob instanceof Blob;
  if (f.storage === 'handle') return isObject(f.handle) && (f.handle as { kind?: unknown }).kind === 'file';
  return f.storage === 'session';
}

function validFolder(f: unknown): f is KeptFolder {
  if (!isObject(f) || !isString(f.name) || !isFiniteNumber(f.size)) return false;
  if (f.storage === 'copy') return Array.isArray(f.tiles) && f.tiles.every((t) => isObject(t) && isString(t.path) && t.blob instanceof Blob);
  if (f.storage === 'handle') return isObject(f.handle) && (f.handle as { kind?: unknown }).kind === 'directory';
  return f.storage === 'session';
}

function validSource(s: unknown): Validation<ImagerySource, ImageryReason> {
  if (!isObject(s) || !KINDS.includes(s.kind as ImagerySourceKind)) return fail('badSource', 'source.kind');
  switch (s.kind) {
    case 'mbtiles':
    case 'pmtiles':
      return validFile(s.file) ? ok({ kind: s.kind, file: s.file }) : fail('badFile', 'source.file');
    case 'geotiff': {
      if (!validFile(s.file)) return fail('badFile', 'source.file');
      const sidecars = validSidecars(s.sidecars);
      if (!sidecars) return fail('badSource', 'source.sidecars');
      return ok({ kind: 'geotiff', file: s.file, sidecars, extra: isObject(s.extra) ? s.extra : {} });
    }
    case 'xyz':
      if (!validFolder(s.folder)) return fail('badFile', 'source.folder');
      if ((s.rows !== 'xyz' && s.rows !== 'tms') || !['png', 'jpg', 'webp'].includes(s.ext as string)) return fail('badSource', 'source.rows');
      return ok({ kind: 'xyz', folder: s.folder, rows: s.rows, ext: s.ext as 'png' | 'jpg' | 'webp' });
    default:
      return ok({ kind: 'online', extra: isObject(s.extra) ? s.extra : {} });
  }
}

const zoomOk = (z: unknown): z is number => isFiniteNumber(z) && Number.isInteger(z) && z >= 0 && z <= 30;

function validInfo(i: unknown): Validation<ImageryInfo, ImageryReason> {
  if (!isObject(i) || !zoomOk(i.minzoom) || !zoomOk(i.maxzoom) || i.minzoom > i.maxzoom) return fail('badInfo', 'info');
  const metadata: Record<string, string> = {};
  if (isObject(i.metadata)) for (const [k, v] of Object.entries(i.metadata)) if (isString(v)) metadata[k] = v;
  return ok({
    format: FORMATS.includes(i.format as TileImageFormat) ? (i.format as TileImageFormat) : null,
    bounds: isLngLatBbox(i.bounds) ? i.bounds : null,
    minzoom: i.minzoom,
    maxzoom: i.maxzoom,
    tileSize: i.tileSize === 512 ? 512 : 256,
    description: isString(i.description) ? i.description : null,
    attribution: isString(i.attribution) ? i.attribution : null,
    metadata,
  });
}

/** Without its source or zoom range a layer cannot be drawn: rejected. Name, order, visibility, opacity are defaulted. */
export function validateImageryLayer(raw: unknown): Validation<ImageryLayer, ImageryReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== IMAGERY_RECORD_VERSION) return fail('badVersion', 'v');
  if (!isImageryLayerId(raw.id)) return fail('missingId', 'id');
  const source = validSource(raw.source);
  if (!source.ok) return source;
  const info = validInfo(raw.info);
  if (!info.ok) return info;
  const repaired: Repair[] = [];
  const def = <T>(path: string, v: T): T => (repaired.push({ path, code: 'defaulted' }), v);
  return ok(
    {
      v: IMAGERY_RECORD_VERSION,
      id: raw.id,
      name: isNonEmptyString(raw.name) ? raw.name : def('name', raw.id),
      order: isFiniteNumber(raw.order) ? raw.order : def('order', 0),
      visible: isBoolean(raw.visible) ? raw.visible : def('visible', true),
      opacity: isFiniteNumber(raw.opacity) && raw.opacity >= 0 && raw.opacity <= 1 ? raw.opacity : def('opacity', 1),
      sample: isBoolean(raw.sample) ? raw.sample : def('sample', false),
      createdAt: isFiniteNumber(raw.createdAt) ? raw.createdAt : def('createdAt', 0),
      source: source.value,
      info: info.value,
    },
    repaired,
  );
}

export function restoreImageryLayer(raw: unknown): Validation<ImageryLayer, ImageryReason> {
  const migrated = migrateRecord(raw, storedVersionOf(raw), IMAGERY_RECORD_VERSION, IMAGERY_MIGRATIONS);
  return migrated.ok ? validateImageryLayer(migrated.value) : migrated;
}

export type NewImageryLayer = Omit<ImageryLayer, 'v' | 'id' | 'order' | 'createdAt' | 'visible' | 'opacity' | 'sample'> &
  Partial<Pick<ImageryLayer, 'visible' | 'opacity' | 'sample'>> & { id: string };

export function createImageryLayer(init: NewImageryLayer, order: number, createdAt: number): ImageryLayer {
  const r = validateImageryLayer({ visible: true, opacity: 1, sample: false, ...init, v: IMAGERY_RECORD_VERSION, order, createdAt });
  if (!r.ok) throw new RangeError(`createImageryLayer: ${r.reason}${r.path ? ` at ${r.path}` : ''}`);
  return r.value;
}
