/** Layer data (the Blobs of one layer): read here; written and deleted inside the layer actions' transactions (layers-repo.ts). */
import { getDb, type LandPatrolDb } from './db';
import { createLayerData, restoreLayerData, type LayerDataFields, type LayerDataRecord } from './layer-data-record';
import { readRecord } from './read';

export async function getLayerData(id: string, db: LandPatrolDb = getDb()): Promise<LayerDataRecord | null> {
  return readRecord('layer data', await db.layerData.get(id), restoreLayerData);
}

/** Inside the caller's transaction (it must include layerData). */
export async function writeLayerData(db: LandPatrolDb, data: LayerDataFields): Promise<void> {
  await db.layerData.put(createLayerData(data));
}

/** Inside the caller's transaction (it must include layerData). */
export async function deleteLayerData(db: LandPatrolDb, layerId: string): Promise<void> {
  await db.layerData.delete(layerId);
}
