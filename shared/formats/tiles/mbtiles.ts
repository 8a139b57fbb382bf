/**
 * MBTiles (raster) read through SQLite over byte ranges (sqlite-blob-vfs.ts): only the pages of the metadata table,
 * the index path to a tile and the tile's own pages are read, so a package of several GB opens in milliseconds.
 * Spec 1.3: `metadata(name, value)` (name, format, bounds, minzoom, maxzoom …) and `tiles(zoom_level, tile_column,
 * tile_row, tile_data)` — a table or a view (map + images, as mb-util writes) — with rows in TMS order.
 */
import * as SQLite from '@journeyapps/wa-sqlite';
import type { Bbox } from '../../domain/geometry/bbox';
import { BlobRangeVFS, type RangeSource } from './sqlite-blob-vfs';
import { flipRow, isValidTile, sniffImageFormat } from './tile-address';

export type TileImageFormat = 'png' | 'jpg' | 'webp' | 'gif';

/** What a tile package says about itself (absent fields are not stated by the file and not derived). */
export interface TilePackageInfo {
  name: string | null;
  description: string | null;
  attribution: string | null;
  format: TileImageFormat;
  /** lon/lat */
  bounds: Bbox | null;
  minzoom: number;
  maxzoom: number;
  /** Tile edge in pixels (256 unless the package says 512). */
  tileSize: number;
  /** Every metadata row as it is, for the layer's properties. */
  metadata: Record<string, string>;
}

/** Why a file cannot be used as an MBTiles package (the UI words each reason, naming the file). */
export type MbtilesRefusal =
  | { reason: 'notSqlite' }
  | { reason: 'noTilesTable' }
  | { reason: 'vectorTiles'; format: string }
  | { reason: 'unknownFormat'; format: string }
  | { reason: 'empty' }
  | { reason: 'unreadable'; detail: string };

export class MbtilesError extends Error {
  constructor(readonly refusal: MbtilesRefusal) {
    super(`mbtiles: ${refusal.reason}${'detail' in refusal ? ` (${refusal.detail})` : ''}`);
  }
}

export interface MbtilesReader {
  info: TilePackageInfo;
  /** The tile's bytes at XYZ z/x/y (row down from the north), or null where the package has none. */
  tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
  close(): Promise<void>;
}

type Api = ReturnType<typeof SQLite.Factory>;

/** One SQLite module and its VFS for every package a worker opens. */
export interface SqliteRuntime {
  api: Api;
  vfs: BlobRangeVFS;
}

const VFS_NAME = 'lp-ranges';

/** `module` is the instantiated wa-sqlite build (dist/wa-sqlite.mjs, synchronous VFS). */
export function createSqliteRuntime(module: unknown): SqliteRuntime {
  const api = SQLite.Factory(module);
  const vfs = new BlobRangeVFS(VFS_NAME, module);
  api.vfs_register(vfs, false);
  return { api, vfs };
}

let opened = 0;

async function rows(api: Api, db: number, sql: string): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const stmt of api.statements(db, sql)) {
    while ((await api.step(stmt)) === SQLite.SQLITE_ROW) out.push(api.row(stmt));
  }
  return out;
}

const FORMATS: Record<string, TileImageFormat> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp', gif: 'gif' };

function parseBounds(v: string | undefined): Bbox | null {
  if (!v) return null;
  const n = v.split(',').map((s) => Number(s.trim()));
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return null;
  const [w, s, e, nn] = n as Bbox;
  if (w >= e || s >= nn || w < -180 || e > 180 || s < -90 || nn > 90) return null;
  return [w, s, e, nn];
}

const intOr = (v: string | undefined, fallback: number): number => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 30 ? n : fallback;
};

export async function openMbtiles(rt: SqliteRuntime, source: RangeSource): Promise<MbtilesReader> {
  const { api, vfs } = rt;
  if (source.size < 100) throw new MbtilesError({ reason: 'notSqlite' });
  const head = new TextDecoder().decode(source.read(0, 16));
  if (head !== 'SQLite format 3\u0000') throw new MbtilesError({ reason: 'notSqlite' });
  const name = `pkg${++opened}.mbtiles`;
  vfs.add(name, source);
  let db = 0;
  try {
    db = await api.open_v2(`file:${name}?immutable=1`, SQLite.SQLITE_OPEN_READONLY | SQLite.SQLITE_OPEN_URI, VFS_NAME);
    const objects = await rows(api, db, "SELECT name, type FROM sqlite_master WHERE name IN ('tiles', 'metadata')");
    const has = (n: string) => objects.some((r) => r[0] === n);
    if (!has('tiles')) throw new MbtilesError({ reason: 'noTilesTable' });
    const metadata: Record<string, string> = {};
    if (has('metadata'))
      for (const [k, v] of await rows(api, db, 'SELECT name, value FROM metadata')) if (typeof k === 'string') metadata[k] = String(v ?? '');
    let format: TileImageFormat | undefined = metadata.format ? FORMATS[metadata.format.toLowerCase()] : undefined;
    if (metadata.format && !format) {
      const f = metadata.format.toLowerCase();
      throw new MbtilesError(
        f === 'pbf' || f === 'mvt' ? { reason: 'vectorTiles', format: f } : { reason: 'unknownFormat', format: metadata.format },
      );
    }
    let minzoom = intOr(metadata.minzoom, -1);
    let maxzoom = intOr(metadata.maxzoom, -1);
    if (minzoom < 0 || maxzoom < 0) {
      // Not stated: asked of the index (two seeks on the unique index, not a scan).
      const [r] = await rows(api, db, 'SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles');
      if (!r || r[0] === null) throw new MbtilesError({ reason: 'empty' });
      if (minzoom < 0) minzoom = Number(r[0]);
      if (maxzoom < 0) maxzoom = Number(r[1]);
    }
    if (minzoom > maxzoom) [minzoom, maxzoom] = [maxzoom, minzoom];
    const stmt = await prepare(api, db, 'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    const readTile = async (z: number, x: number, y: number): Promise<Uint8Array | null> => {
      if (!isValidTile(z, x, y)) return null;
      await api.reset(stmt);
      api.bind_collection(stmt, [z, x, flipRow(z, y)]);
      if ((await api.step(stmt)) !== SQLite.SQLITE_ROW) return null;
      const v = api.column(stmt, 0);
      // column() hands a view into SQLite's memory: copied before the next step overwrites it.
      return v instanceof Uint8Array ? v.slice() : null;
    };
    if (!format) {
      // No format stated (spec 1.0/1.1 files): one tile's signature tells.
      const [r] = await rows(api, db, `SELECT tile_data FROM tiles WHERE zoom_level = ${maxzoom} LIMIT 1`);
      const bytes = r?.[0];
      if (!(bytes instanceof Uint8Array)) throw new MbtilesError({ reason: 'empty' });
      const sniffed = sniffImageFormat(bytes);
      if (!sniffed) throw new MbtilesError({ reason: 'unknownFormat', format: 'unknown' });
      format = sniffed;
    }
    const tileSize = metadata.tilesize === '512' || metadata.tile_size === '512' ? 512 : 256;
    const info: TilePackageInfo = {
      name: metadata.name || null,
      description: metadata.description || null,
      attribution: metadata.attribution || null,
      format,
      bounds: parseBounds(metadata.bounds),
      minzoom,
      maxzoom,
      tileSize,
      metadata,
    };
    const handle = db;
    return {
      info,
      tile: readTile,
      close: async () => {
        await api.finalize(stmt);
        await api.close(handle);
        vfs.remove(name);
      },
    };
  } catch (e) {
    if (db) await api.close(db).catch(() => undefined);
    vfs.remove(name);
    if (e instanceof MbtilesError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/not a database|file is not a database|malformed/i.test(msg)) throw new MbtilesError({ reason: 'notSqlite' });
    throw new MbtilesError({ reason: 'unreadable', detail: msg });
  }
}

async function prepare(api: Api, db: number, sql: string): Promise<number> {
  for await (const stmt of api.statements(db, sql, { unscoped: true })) return stmt;
  throw new Error(`no statement in ${sql}`);
}
