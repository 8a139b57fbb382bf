/** The tile cache: tiles the map has drawn, per layer data version (a cache: losing it costs time, never data). */
import { dataKeyOf, dataKeyOfTileId } from '../../shared/domain/layers/data-key';
import { createTileCacheRecord, restoreTileCache, type TileCacheFields } from '../../shared/domain/layers/tile-cache-record';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

/** A cached tile, or null (missing or malformed: the caller cuts it again). On the map's hot path: no logging. */
export async function getCachedTile(id: string, db: LandPatrolDb = getDb()): Promise<ArrayBuffer | null> {
  return readRecord('tile', await db.tileCache.get(id), restoreTileCache, { quiet: true })?.bytes ?? null;
}

/** Whether any tile of this data version is cached (if not, the index is worth building at once). */
export async function hasCachedTiles(dataKey: string, db: LandPatrolDb = getDb()): Promise<boolean> {
  return (await db.tileCache.where('id').startsWith(`${dataKey}/`).limit(1).count()) > 0;
}

export async function putCachedTiles(tiles: TileCacheFields[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.tileCache, async () => {
    await db.tileCache.bulkPut(tiles.map(createTileCacheRecord));
  });
}

/** Inside the caller's transaction (it must include tileCache). */
export async function deleteLayerTiles(db: LandPatrolDb, layerId: string): Promise<void> {
  await db.tileCache.where('layerId').equals(layerId).delete();
}

/**
 * Drops cached tiles of data versions no layer has any more (a layer re-decoded, restyled or deleted).
 * The live versions are read in the same transaction, so a layer added meanwhile can never lose its tiles.
 * Layer records are read raw here: a layer that cannot be shown still keeps its tiles, should a later version repair it.
 */
export async function pruneTileCache(db: LandPatrolDb = getDb()): Promise<number> {
  return db.transaction('rw', db.layers, db.tileCache, async () => {
    const live = new Set((await db.layers.toArray()).map((l) => dataKeyOf(l.id, typeof l.dataVersion === 'number' ? l.dataVersion : 1)));
    // Keys only: the tile bytes are never read to decide what to drop.
    const ids = (await db.tileCache.toCollection().primaryKeys()) as string[];
    const dead = ids.filter((id) => !live.has(dataKeyOfTileId(id)));
    await db.tileCache.bulkDelete(dead);
    return dead.length;
  });
}
