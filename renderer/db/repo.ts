/**
 * Repository: the only API the rest of the renderer (and the import worker) uses to touch IndexedDB.
 * Each user action is ONE transaction, so it is either fully stored or not at all.
 */
import { getDb, type LandPatrolDb } from './db';
import {
  restoreLayerData,
  restoreLayerRecord,
  restoreMapView,
  restoreSourceFiles,
  restoreTileCache,
  dataKeyOf,
  dataKeyOfTileId,
  type LayerDataRecord,
  type LayerRecord,
  type MapView,
  type SourceFilesRecord,
  type TileCacheRecord,
} from './records';

export type { LayerDataRecord, LayerRecord, LayerMeta, MapView, SourceFilesRecord, TileCacheRecord } from './records';

export interface NewLayer {
  record: LayerRecord;
  data: LayerDataRecord;
  sourceFiles: SourceFilesRecord | null;
}

/** All layers, validated; malformed records are skipped (and reported in the console, never thrown). */
export async function listLayers(db: LandPatrolDb = getDb()): Promise<LayerRecord[]> {
  const raw = await db.layers.toArray();
  const out: LayerRecord[] = [];
  for (const r of raw) {
    const ok = restoreLayerRecord(r);
    if (ok) out.push(ok);
    else console.warn('landpatrol: skipped a malformed layer record', r);
  }
  return out.sort((a, b) => a.order - b.order);
}

async function maxLayerOrder(db: LandPatrolDb = getDb()): Promise<number> {
  const last = await db.layers.orderBy('order').last();
  return last && typeof last.order === 'number' ? last.order : 0;
}

/** Stores several imported layers at once (one import = one transaction). */
export async function addLayers(layers: NewLayer[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, db.layerData, db.sourceFiles, async () => {
    let order = await maxLayerOrder(db);
    for (const l of layers) {
      order += 1;
      await db.layers.put({ ...l.record, order });
      await db.layerData.put(l.data);
      if (l.sourceFiles) await db.sourceFiles.put(l.sourceFiles);
    }
  });
}

export async function updateLayer(id: string, patch: Partial<Omit<LayerRecord, 'id'>>, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, async () => {
    await db.layers.update(id, patch);
  });
}

/** Replaces a layer's data and metadata together (re-decode / restyle). */
export async function replaceLayerData(id: string, patch: Partial<Omit<LayerRecord, 'id'>>, data: LayerDataRecord, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, db.layerData, async () => {
    const cur = await db.layers.get(id);
    if (!cur) throw new Error(`layer ${id} not found`);
    await db.layers.put({ ...cur, ...patch, id, dataVersion: (cur.dataVersion ?? 1) + 1 });
    await db.layerData.put(data);
  });
}

/** Writes the order of all layers, given bottom → top. */
export async function setLayerOrder(idsBottomToTop: string[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, async () => {
    for (let i = 0; i < idsBottomToTop.length; i++) await db.layers.update(idsBottomToTop[i]!, { order: i + 1 });
  });
}

export async function deleteLayer(id: string, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, db.layerData, db.sourceFiles, db.tileCache, async () => {
    await db.layers.delete(id);
    await db.layerData.delete(id);
    await db.sourceFiles.delete(id);
    await db.tileCache.where('layerId').equals(id).delete();
  });
}

export async function getLayerRecord(id: string, db: LandPatrolDb = getDb()): Promise<LayerRecord | null> {
  return restoreLayerRecord(await db.layers.get(id));
}

export async function getLayerData(id: string, db: LandPatrolDb = getDb()): Promise<LayerDataRecord | null> {
  return restoreLayerData(await db.layerData.get(id));
}

export async function getSourceFiles(id: string, db: LandPatrolDb = getDb()): Promise<SourceFilesRecord | null> {
  return restoreSourceFiles(await db.sourceFiles.get(id));
}

/** A cached tile, or null (missing or malformed: the caller cuts it again). */
export async function getCachedTile(id: string, db: LandPatrolDb = getDb()): Promise<ArrayBuffer | null> {
  return restoreTileCache(await db.tileCache.get(id))?.bytes ?? null;
}

/** Opens the database ahead of its first read (a worker that will read it soon); failures surface on that read. */
export function openDbEarly(db: LandPatrolDb = getDb()): void {
  db.open().catch(() => undefined);
}

/** Whether any tile of this data version is cached (if not, the index is worth building at once). */
export async function hasCachedTiles(dataKey: string, db: LandPatrolDb = getDb()): Promise<boolean> {
  return (await db.tileCache.where('id').startsWith(`${dataKey}/`).limit(1).count()) > 0;
}

export async function putCachedTiles(tiles: TileCacheRecord[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.tileCache, async () => {
    await db.tileCache.bulkPut(tiles);
  });
}

/**
 * Drops cached tiles of data versions no layer has any more (a layer re-decoded, restyled or deleted).
 * The live versions are read in the same transaction, so a layer added meanwhile can never lose its tiles.
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
export async function getSetting(key: string, db: LandPatrolDb = getDb()): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

export async function putSetting(key: string, value: unknown, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key, value });
  });
}

export async function getMapView(db: LandPatrolDb = getDb()): Promise<MapView | null> {
  return restoreMapView(await getSetting('view', db));
}
