/** The imagery layers (imagery-record.ts): one transaction per user action; every read through restoreImageryLayer. */
import { fail, ok, type Validation } from '../../shared/validation/validation';
import { getDb, type LandPatrolDb } from './db';
import { createImageryLayer, restoreImageryLayer, type ImageryLayer, type NewImageryLayer } from './imagery-record';
import { readRecord } from './read';

export type ImageryWriteReason = 'notFound';

/** Bottom → top. */
export async function listImageryLayers(db: LandPatrolDb = getDb()): Promise<ImageryLayer[]> {
  const raw = await db.imageryLayers.toArray();
  return raw
    .map((r) => readRecord('imagery layer', r, restoreImageryLayer))
    .filter((l): l is ImageryLayer => l !== null)
    .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
}

/** Adds the layer on top of the other imagery layers. */
export async function addImageryLayer(init: NewImageryLayer, now: number, db: LandPatrolDb = getDb()): Promise<ImageryLayer> {
  return db.transaction('rw', db.imageryLayers, async () => {
    const top = (await db.imageryLayers.toArray()).reduce((m, r) => Math.max(m, typeof r.order === 'number' ? r.order : 0), 0);
    const rec = createImageryLayer(init, top + 1, now);
    await db.imageryLayers.add(rec);
    return rec;
  });
}

export type ImageryPatch = Partial<Pick<ImageryLayer, 'name' | 'visible' | 'opacity' | 'source'>>;

export async function updateImageryLayer(
  id: string,
  patch: ImageryPatch,
  db: LandPatrolDb = getDb(),
): Promise<Validation<ImageryLayer, ImageryWriteReason>> {
  return db.transaction('rw', db.imageryLayers, async () => {
    const cur = readRecord('imagery layer', await db.imageryLayers.get(id), restoreImageryLayer);
    if (!cur) return fail('notFound', 'id');
    const next = restoreImageryLayer({ ...cur, ...patch });
    if (!next.ok) throw new RangeError(`updateImageryLayer: ${next.reason}`);
    await db.imageryLayers.put(next.value);
    return ok(next.value);
  });
}

export async function deleteImageryLayer(id: string, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.imageryLayers, async () => {
    await db.imageryLayers.delete(id);
  });
}

/** `idsBottomToTop` gets orders 1…n in one transaction (ids not listed keep theirs). */
export async function setImageryOrder(idsBottomToTop: readonly string[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.imageryLayers, async () => {
    for (const [i, id] of idsBottomToTop.entries()) await db.imageryLayers.update(id, { order: i + 1 });
  });
}
