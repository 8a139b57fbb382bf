/**
 * One vector tile the map has drawn, kept so reopening a large layer draws stored tiles instead of re-cutting
 * its whole GeoJSON. A cache: a record that is not what we wrote is a miss (the tile is cut again), never an error.
 */
import { isNonEmptyString, isObject } from '../../validation/guards';
import { addRecordVersion, migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Validation } from '../../validation/validation';
import { isLayerId, type LayerId } from './layer-record';

/** 3: records carry `v` (schema version 3); the store and its shape came with version 2, unmarked. */
export const TILE_CACHE_RECORD_VERSION = 3;

export interface TileCacheRecord {
  v: typeof TILE_CACHE_RECORD_VERSION;
  /** "<dataKey>/<source-layer>/<z>/<x>/<y>", dataKey = "<layerId>@<dataVersion>" (data-key.ts). */
  id: string;
  /** Indexed, so a layer's tiles go with it. */
  layerId: LayerId;
  /** The Mapbox Vector Tile bytes; an empty buffer means "no features here". */
  bytes: ArrayBuffer;
}

/** As the tile worker builds it: no record version, a plain string id (renderer/db names this `TileCacheRecord`). */
export type TileCacheFields = Omit<TileCacheRecord, 'v' | 'layerId'> & { layerId: string };

export type TileCacheReason = MigrationReason | 'missingId' | 'missingLayerId' | 'badBytes';

export const TILE_CACHE_MIGRATIONS: readonly Migration[] = [addRecordVersion(3)];

export const migrateTileCache = (raw: unknown, fromVersion: number): Validation<Record<string, unknown>, MigrationReason> =>
  migrateRecord(raw, fromVersion, TILE_CACHE_RECORD_VERSION, TILE_CACHE_MIGRATIONS);

/** Nothing is repaired: a cached tile is either exactly what was cut or useless. Runs on the map's hot path, so it only checks. */
export function validateTileCache(raw: unknown): Validation<TileCacheRecord, TileCacheReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== TILE_CACHE_RECORD_VERSION) return fail('badVersion', 'v');
  if (!isNonEmptyString(raw.id)) return fail('missingId', 'id');
  if (!isLayerId(raw.layerId)) return fail('missingLayerId', 'layerId');
  if (!(raw.bytes instanceof ArrayBuffer)) return fail('badBytes', 'bytes');
  return ok({ v: TILE_CACHE_RECORD_VERSION, id: raw.id, layerId: raw.layerId, bytes: raw.bytes });
}

export function restoreTileCache(raw: unknown): Validation<TileCacheRecord, TileCacheReason> {
  const migrated = migrateTileCache(raw, storedVersionOf(raw));
  return migrated.ok ? validateTileCache(migrated.value) : migrated;
}

export function createTileCacheRecord(init: TileCacheFields): TileCacheRecord {
  if (!isNonEmptyString(init.id) || !isLayerId(init.layerId)) throw new RangeError('createTileCacheRecord: needs the tile id and the layer id');
  return { v: TILE_CACHE_RECORD_VERSION, id: init.id, layerId: init.layerId, bytes: init.bytes };
}
