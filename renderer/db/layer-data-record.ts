/**
 * A layer's data as few big Blobs (one record per layer, never one per feature):
 * - geojson: lon/lat FeatureCollection, `id` = fid, properties {fid, _k}, full precision — tiled for the map by
 *   the tile worker, read by the overlay;
 * - attributes: JSON AttributeStore (renderer/data/attribute-store.ts) read lazily for identify / table;
 * - labels: point FeatureCollection {t: label} when the style has a label field.
 *
 * This record kind lives here rather than in shared/domain/layers: a Blob is a DOM type, and shared/ compiles
 * without the DOM library (its validator needs `instanceof Blob`). It follows the same pattern as the others.
 */
import { isLayerId, type LayerId } from '../../shared/domain/layers/layer-record';
import { isObject } from '../../shared/validation/guards';
import { addRecordVersion, migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../shared/validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../shared/validation/validation';

/** 3: records carry `v` (schema version 3); versions 1 and 2 were the same unmarked shape. */
export const LAYER_DATA_RECORD_VERSION = 3;

export interface LayerDataRecord {
  v: typeof LAYER_DATA_RECORD_VERSION;
  layerId: LayerId;
  geojson: Blob;
  attributes: Blob;
  labels: Blob | null;
}

/** As the import builds it: no record version, a plain string id (exported from renderer/db as `LayerDataRecord`). */
export type LayerDataFields = Omit<LayerDataRecord, 'v' | 'layerId'> & { layerId: string };

export type LayerDataReason = MigrationReason | 'missingLayerId' | 'badBlob';

export const LAYER_DATA_MIGRATIONS: readonly Migration[] = [addRecordVersion(3)];

export const migrateLayerData = (raw: unknown, fromVersion: number): Validation<Record<string, unknown>, MigrationReason> =>
  migrateRecord(raw, fromVersion, LAYER_DATA_RECORD_VERSION, LAYER_DATA_MIGRATIONS);

/** The display copy and the attributes are the layer: without either it is rejected. Labels are optional (null). */
export function validateLayerData(raw: unknown): Validation<LayerDataRecord, LayerDataReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== LAYER_DATA_RECORD_VERSION) return fail('badVersion', 'v');
  if (!isLayerId(raw.layerId)) return fail('missingLayerId', 'layerId');
  if (!(raw.geojson instanceof Blob)) return fail('badBlob', 'geojson');
  if (!(raw.attributes instanceof Blob)) return fail('badBlob', 'attributes');
  const repaired: Repair[] = raw.labels === null || raw.labels instanceof Blob ? [] : [{ path: 'labels', code: 'defaulted' }];
  return ok(
    {
      v: LAYER_DATA_RECORD_VERSION,
      layerId: raw.layerId,
      geojson: raw.geojson,
      attributes: raw.attributes,
      labels: raw.labels instanceof Blob ? raw.labels : null,
    },
    repaired,
  );
}

export function restoreLayerData(raw: unknown): Validation<LayerDataRecord, LayerDataReason> {
  const migrated = migrateLayerData(raw, storedVersionOf(raw));
  return migrated.ok ? validateLayerData(migrated.value) : migrated;
}

export function createLayerData(init: LayerDataFields): LayerDataRecord {
  if (!isLayerId(init.layerId)) throw new RangeError('createLayerData: needs the layer id');
  return { v: LAYER_DATA_RECORD_VERSION, layerId: init.layerId, geojson: init.geojson, attributes: init.attributes, labels: init.labels };
}
