/**
 * Layers: the user's actions on layers, each ONE transaction over every store it touches (a layer's record,
 * data, source files and tiles), so an action is either fully stored or not at all.
 */
import { CodedError } from '../platform/coded-error';
import { createLayerRecord, restoreLayerRecord, type LayerRecord, type LayerRecordFields } from '../../shared/domain/layers/layer-record';
import type { SourceFilesFields } from '../../shared/domain/layers/source-files-record';
import { getDb, type LandPatrolDb } from './db';
import { deleteLayerData, writeLayerData } from './layer-data-repo';
import type { LayerDataFields } from './layer-data-record';
import { readRecord } from './read';
import { deleteSourceFiles, writeSourceFiles } from './source-files-repo';
import { deleteLayerTiles } from './tile-cache-repo';

/** One imported layer: its record, its data and (when the user's files came with it) its source files. */
export interface NewLayer {
  record: LayerRecordFields;
  data: LayerDataFields;
  sourceFiles: SourceFilesFields | null;
}

/** What an action may change on a layer (never its id). */
export type LayerPatch = Partial<Omit<LayerRecordFields, 'id'>>;

/** All layers, validated, bottom → top; malformed records are skipped (and reported in the console, never thrown). */
export async function listLayers(db: LandPatrolDb = getDb()): Promise<LayerRecord[]> {
  const out: LayerRecord[] = [];
  for (const raw of await db.layers.toArray()) {
    const ok = readRecord('layer', raw, restoreLayerRecord);
    if (ok) out.push(ok);
  }
  return out.sort((a, b) => a.order - b.order);
}

export async function getLayerRecord(id: string, db: LandPatrolDb = getDb()): Promise<LayerRecord | null> {
  return readRecord('layer', await db.layers.get(id), restoreLayerRecord);
}

async function maxLayerOrder(db: LandPatrolDb): Promise<number> {
  const last = await db.layers.orderBy('order').last();
  return last && typeof last.order === 'number' ? last.order : 0;
}

/** Stores several imported layers at once, on top of the others (one import = one transaction). */
export async function addLayers(layers: NewLayer[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, db.layerData, db.sourceFiles, async () => {
    let order = await maxLayerOrder(db);
    for (const l of layers) {
      order += 1;
      await db.layers.put(createLayerRecord({ ...l.record, order }));
      await writeLayerData(db, l.data);
      if (l.sourceFiles) await writeSourceFiles(db, l.sourceFiles);
    }
  });
}

export async function updateLayer(id: string, patch: LayerPatch, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, async () => {
    await db.layers.update(id, patch);
  });
}

/** Replaces a layer's data and metadata together (re-decode / restyle); its data version goes up by one. */
export async function replaceLayerData(id: string, patch: LayerPatch, data: LayerDataFields, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, db.layerData, async () => {
    const cur = await db.layers.get(id);
    if (!cur) throw new CodedError('layerNotFound', { detail: `layer ${id}` });
    await db.layers.put({ ...cur, ...patch, id: cur.id, dataVersion: (cur.dataVersion ?? 1) + 1 });
    await writeLayerData(db, data);
  });
}

/** Writes the order of all layers, given bottom → top. */
export async function setLayerOrder(idsBottomToTop: string[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, async () => {
    for (let i = 0; i < idsBottomToTop.length; i++) await db.layers.update(idsBottomToTop[i]!, { order: i + 1 });
  });
}

/** A layer with everything stored for it: record, data, source files, cached tiles. */
export async function deleteLayer(id: string, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.layers, db.layerData, db.sourceFiles, db.tileCache, async () => {
    await db.layers.delete(id);
    await deleteLayerData(db, id);
    await deleteSourceFiles(db, id);
    await deleteLayerTiles(db, id);
  });
}
