/**
 * The imagery feature's rules (pure): which reader a file goes to, how a picked tile folder is read (its z/x/y
 * files, TMS or XYZ rows, zoom range and extent), where a package is kept, and the words of a refusal.
 */
import type { Bbox } from '../../../shared/domain/geometry/bbox';
import { detectTmsRows, flipRow, tilesBbox } from '../../../shared/formats/tiles/tile-address';
import type { OpenRefusal, PackageKind } from './imagery.protocol';
export { formatBytes } from '../../../shared/domain/units/format';

/** A package at most this big is copied into the database (kept whatever happens to the file); larger ones are referenced. */
export const COPY_LIMIT_BYTES = 256 * 1024 * 1024;

export function packageKindOf(fileName: string): PackageKind | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'mbtiles') return 'mbtiles';
  if (ext === 'pmtiles') return 'pmtiles';
  return null;
}

/** A tile of a `{z}/{x}/{y}` folder ("…/15/27001/13000.png"). */
export const isTilePath = (path: string): boolean => /(?:^|\/)\d{1,2}\/\d+\/\d+\.(png|jpe?g|webp)$/i.test(path.replace(/\\/g, '/'));

/**
 * Whether a dropped (or 导入图层-picked) file is imagery's: a package, a tile of a `{z}/{x}/{y}` folder, or a GeoTIFF
 * with its sidecars (claimsGeoTiffFile: a .prj beside a shapefile stays the shapefile's).
 */
export function claimsImageryFile(
  path: string,
  all: readonly string[],
  claimsGeoTiffFile: (path: string, all: readonly string[]) => boolean,
): boolean {
  return packageKindOf(path) !== null || isTilePath(path) || claimsGeoTiffFile(path, all);
}

/** 'copy' when small enough; else 'handle' when the platform gave one (Chromium), else only this session. */
export function storageFor(size: number, hasHandle: boolean): 'copy' | 'handle' | 'session' {
  if (size <= COPY_LIMIT_BYTES) return 'copy';
  return hasHandle ? 'handle' : 'session';
}

export type TileExt = 'png' | 'jpg' | 'webp';

export interface FolderScan {
  /** "z/x/y" in XYZ order → index into the picked files. */
  tiles: Map<string, number>;
  rows: 'xyz' | 'tms';
  ext: TileExt;
  minzoom: number;
  maxzoom: number;
  bounds: Bbox;
}

export type FolderRefusal = 'noTiles' | 'mixedFormats';

/**
 * Reads a picked folder's relative paths ("<folder>/<z>/<x>/<y>.<ext>", any depth above z): tiles by XYZ address, the
 * row order (detectTmsRows at the deepest zoom), the zoom range and the extent of the deepest zoom's tiles.
 */
export function scanTileFolder(paths: readonly string[]): { ok: true; scan: FolderScan } | { ok: false; reason: FolderRefusal } {
  const found: { z: number; x: number; y: number; ext: TileExt; i: number }[] = [];
  paths.forEach((p, i) => {
    const m = /(?:^|\/)(\d{1,2})\/(\d+)\/(\d+)\.(png|jpe?g|webp)$/i.exec(p);
    if (!m) return;
    const z = Number(m[1]);
    const x = Number(m[2]);
    const y = Number(m[3]);
    const n = 2 ** z;
    if (z > 30 || x >= n || y >= n) return;
    const e = m[4]!.toLowerCase();
    found.push({ z, x, y, ext: e === 'jpeg' ? 'jpg' : (e as TileExt), i });
  });
  if (found.length === 0) return { ok: false, reason: 'noTiles' };
  const exts = new Set(found.map((f) => f.ext));
  if (exts.size > 1) return { ok: false, reason: 'mixedFormats' };
  const maxzoom = Math.max(...found.map((f) => f.z));
  const minzoom = Math.min(...found.map((f) => f.z));
  const deepest = found.filter((f) => f.z === maxzoom);
  const tms = detectTmsRows(
    maxzoom,
    deepest.map((f) => f.y),
  );
  const tiles = new Map<string, number>();
  for (const f of found) tiles.set(`${f.z}/${f.x}/${tms ? flipRow(f.z, f.y) : f.y}`, f.i);
  const xs = deepest.map((f) => f.x);
  const ys = deepest.map((f) => (tms ? flipRow(maxzoom, f.y) : f.y));
  const bounds = tilesBbox(maxzoom, { min: Math.min(...xs), max: Math.max(...xs) }, { min: Math.min(...ys), max: Math.max(...ys) });
  return { ok: true, scan: { tiles, rows: tms ? 'tms' : 'xyz', ext: [...exts][0]!, minzoom, maxzoom, bounds } };
}

/** The i18n key of a refusal (its text names the file). */
export function refusalKey(reason: OpenRefusal | FolderRefusal | 'notPackage' | 'notImagery' | 'fileUnreadable') {
  return `imagery.refusal.${reason}` as const;
}

/** The extent as the list shows it: west–east, south–north, 4 decimals (~10 m). */
export function formatBounds(b: Bbox | null): string | null {
  if (!b) return null;
  const f = (v: number) => v.toFixed(4);
  return `${f(b[0])}–${f(b[2])}°E, ${f(b[1])}–${f(b[3])}°N`;
}

/** Moves `id` one place up (toward the top) or down among `idsBottomToTop`; unchanged at the ends. */
export function moveInOrder(idsBottomToTop: readonly string[], id: string, dir: 'up' | 'down'): string[] {
  const out = [...idsBottomToTop];
  const i = out.indexOf(id);
  const j = dir === 'up' ? i + 1 : i - 1;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/**
 * How to show a layer's extent: fitted (never past its deepest zoom), but never below its shallowest zoom either — a
 * package of zoom 17 tiles only would draw nothing when fitted to a county at zoom 10; it is shown at its centre then.
 */
export function zoomToView(bounds: Bbox, minzoom: number, fittedZoom: number): { center: [number, number]; zoom: number } | null {
  if (fittedZoom >= minzoom) return null;
  return { center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2], zoom: minzoom };
}
