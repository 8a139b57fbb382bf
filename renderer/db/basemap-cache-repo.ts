/**
 * The online basemaps' tile cache and download jobs (schema 7, migrations.ts). A cache: losing it costs downloads,
 * never data. The bytes (basemapTiles) and their bookkeeping (basemapTileIndex: size, last use) are written together
 * in one transaction; the LRU reads only the bookkeeping.
 */
import {
  planEviction,
  restoreBasemapJob,
  restoreTileIndex,
  type BasemapJob,
  type TileIndexRecord,
} from '../../shared/domain/basemaps/cache-eviction';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export type { BasemapJob } from '../../shared/domain/basemaps/cache-eviction';

export interface NewBasemapTile {
  id: string;
  tileSet: string;
  bytes: ArrayBuffer;
}

/** A cached tile's bytes, or null. On the map's hot path: no logging, no write (touchBasemapTiles batches those). */
export async function getBasemapTile(id: string, db: LandPatrolDb = getDb()): Promise<ArrayBuffer | null> {
  const r = await db.basemapTiles.get(id);
  const bytes = (r as { bytes?: unknown } | undefined)?.bytes;
  return bytes instanceof ArrayBuffer ? bytes : null;
}

/** Which of `ids` are cached (keys only: no bytes read). */
export async function cachedBasemapIds(ids: readonly string[], db: LandPatrolDb = getDb()): Promise<Set<string>> {
  const keys = (await db.basemapTileIndex
    .where('id')
    .anyOf([...ids])
    .primaryKeys()) as string[];
  return new Set(keys);
}

export async function putBasemapTiles(tiles: readonly NewBasemapTile[], now: number = Date.now(), db: LandPatrolDb = getDb()): Promise<void> {
  if (tiles.length === 0) return;
  await db.transaction('rw', db.basemapTiles, db.basemapTileIndex, async () => {
    await db.basemapTiles.bulkPut(tiles.map((t) => ({ id: t.id, bytes: t.bytes })));
    await db.basemapTileIndex.bulkPut(tiles.map((t) => ({ id: t.id, tileSet: t.tileSet, size: t.bytes.byteLength, lastUsed: now })));
  });
}

/** Marks tiles as used now (the map drew them from the cache): what the LRU keeps longest. */
export async function touchBasemapTiles(ids: readonly string[], now: number = Date.now(), db: LandPatrolDb = getDb()): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction('rw', db.basemapTileIndex, async () => {
    for (const id of ids) await db.basemapTileIndex.update(id, { lastUsed: now });
  });
}

async function readIndex(db: LandPatrolDb): Promise<TileIndexRecord[]> {
  const out: TileIndexRecord[] = [];
  for (const raw of await db.basemapTileIndex.toArray()) {
    const r = readRecord('basemap tile', raw, restoreTileIndex, { quiet: true });
    if (r) out.push(r);
  }
  return out;
}

export interface BasemapCacheStats {
  tiles: number;
  bytes: number;
  /** Mean tile size per tile set (the download estimate's figure for this server). */
  meanBytes: Record<string, number>;
}

export async function basemapCacheStats(db: LandPatrolDb = getDb()): Promise<BasemapCacheStats> {
  const index = await readIndex(db);
  const sums = new Map<string, { n: number; b: number }>();
  let bytes = 0;
  for (const r of index) {
    bytes += r.size;
    const s = sums.get(r.tileSet) ?? { n: 0, b: 0 };
    s.n++;
    s.b += r.size;
    sums.set(r.tileSet, s);
  }
  const meanBytes: Record<string, number> = {};
  for (const [k, s] of sums) meanBytes[k] = Math.round(s.b / s.n);
  return { tiles: index.length, bytes, meanBytes };
}

/** Deletes least recently used tiles until the cache is within `limitBytes`; one transaction; returns how many went. */
export async function evictBasemapCache(limitBytes: number, db: LandPatrolDb = getDb()): Promise<number> {
  return db.transaction('rw', db.basemapTiles, db.basemapTileIndex, async () => {
    const drop = planEviction(await readIndex(db), limitBytes);
    await db.basemapTiles.bulkDelete(drop);
    await db.basemapTileIndex.bulkDelete(drop);
    return drop.length;
  });
}

export async function clearBasemapCache(db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.basemapTiles, db.basemapTileIndex, async () => {
    await db.basemapTiles.clear();
    await db.basemapTileIndex.clear();
  });
}

export async function putBasemapJob(job: BasemapJob, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.basemapJobs, async () => {
    await db.basemapJobs.put({ ...job });
  });
}

export async function getBasemapJob(id: string, db: LandPatrolDb = getDb()): Promise<BasemapJob | null> {
  return readRecord('basemap job', await db.basemapJobs.get(id), restoreBasemapJob);
}

export async function listBasemapJobs(db: LandPatrolDb = getDb()): Promise<BasemapJob[]> {
  const out: BasemapJob[] = [];
  for (const raw of await db.basemapJobs.toArray()) {
    const j = readRecord('basemap job', raw, restoreBasemapJob);
    if (j) out.push(j);
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}

export async function deleteBasemapJob(id: string, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.basemapJobs, async () => {
    await db.basemapJobs.delete(id);
  });
}
