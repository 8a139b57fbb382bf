/**
 * The original bytes of the files a layer came from (the .shp/.shx/.dbf/.prj/.cpg, or the zip), kept so the
 * user can re-decode the attributes in another encoding without finding the files again.
 */
import { isObject, isString } from '../../validation/guards';
import { addRecordVersion, migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import { isLayerId, type LayerId } from './layer-record';

/** 3: records carry `v` (schema version 3); versions 1 and 2 were the same unmarked shape. */
export const SOURCE_FILES_RECORD_VERSION = 3;

export interface SourceFile {
  /** As the user dropped it, folders kept ("county/JBNT.shp"). */
  path: string;
  bytes: Uint8Array;
}

export interface SourceFilesRecord {
  v: typeof SOURCE_FILES_RECORD_VERSION;
  layerId: LayerId;
  files: SourceFile[];
}

/** As the app builds it: no record version, a plain string id (renderer/db names this `SourceFilesRecord`). */
export type SourceFilesFields = Omit<SourceFilesRecord, 'v' | 'layerId'> & { layerId: string };

export type SourceFilesReason = MigrationReason | 'missingLayerId' | 'badFiles';

export const SOURCE_FILES_MIGRATIONS: readonly Migration[] = [addRecordVersion(3)];

export const migrateSourceFiles = (raw: unknown, fromVersion: number): Validation<Record<string, unknown>, MigrationReason> =>
  migrateRecord(raw, fromVersion, SOURCE_FILES_RECORD_VERSION, SOURCE_FILES_MIGRATIONS);

const isSourceFile = (f: unknown): f is SourceFile => isObject(f) && isString(f.path) && f.bytes instanceof Uint8Array;

/** Files that are not a path with its bytes are dropped (and reported); the rest are still worth re-decoding. */
export function validateSourceFiles(raw: unknown): Validation<SourceFilesRecord, SourceFilesReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== SOURCE_FILES_RECORD_VERSION)
    return fail('badVersion', 'v', `expected record version ${SOURCE_FILES_RECORD_VERSION}, found ${String(raw.v)}`);
  if (!isLayerId(raw.layerId)) return fail('missingLayerId', 'layerId');
  if (!Array.isArray(raw.files)) return fail('badFiles', 'files', 'files is not a list');
  const files = raw.files.filter(isSourceFile);
  const repaired: Repair[] = files.length !== raw.files.length ? [{ path: 'files', code: 'filtered' }] : [];
  return ok({ v: SOURCE_FILES_RECORD_VERSION, layerId: raw.layerId, files }, repaired);
}

export function restoreSourceFiles(raw: unknown): Validation<SourceFilesRecord, SourceFilesReason> {
  const migrated = migrateSourceFiles(raw, storedVersionOf(raw));
  return migrated.ok ? validateSourceFiles(migrated.value) : migrated;
}

export function createSourceFilesRecord(init: SourceFilesFields): SourceFilesRecord {
  if (!isLayerId(init.layerId)) throw new RangeError('createSourceFilesRecord: needs the layer id');
  return { v: SOURCE_FILES_RECORD_VERSION, layerId: init.layerId, files: init.files };
}
