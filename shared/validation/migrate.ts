/**
 * Record migrations (tldraw's record versions): every stored record carries its record version `v`, and a
 * record of an older version is brought up step by step before it is validated. Down steps are not kept:
 * IndexedDB refuses to open a database at a lower version than it holds, so an older app never reads newer records.
 */
import { isObject } from './guards';
import { fail, ok, type Validation } from './validation';

/** One step up: a record of version `from` becomes one of version `from + 1`. */
export interface Migration {
  readonly from: number;
  up(record: Record<string, unknown>): Record<string, unknown>;
}

export type MigrationReason = 'notObject' | 'badVersion';

/** The record version every record before the first versioned schema (3) is taken to have. */
export const UNMARKED_RECORD_VERSION = 2;

/**
 * The version a stored record was written at. Records written before schema version 3 carry no `v`; schema
 * versions 1 and 2 stored the same record shapes (v2 only added the tile cache store), so an unmarked record is
 * read as version 2. A `v` that is not a whole number is returned as is and rejected by migrateRecord.
 */
export function storedVersionOf(raw: unknown): number {
  if (!isObject(raw) || raw.v === undefined) return UNMARKED_RECORD_VERSION;
  return typeof raw.v === 'number' ? raw.v : NaN;
}

/** Runs `raw` from `fromVersion` up to `toVersion` through `steps` (one per version, oldest first). Never throws. */
export function migrateRecord(
  raw: unknown,
  fromVersion: number,
  toVersion: number,
  steps: readonly Migration[],
): Validation<Record<string, unknown>, MigrationReason> {
  if (!isObject(raw)) return fail('notObject');
  if (!Number.isInteger(fromVersion) || fromVersion > toVersion)
    return fail('badVersion', 'v', `cannot migrate a record of version ${String(fromVersion)} to ${toVersion}`);
  let record = raw;
  for (let v = fromVersion; v < toVersion; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) return fail('badVersion', 'v', `no migration from record version ${v}`);
    record = step.up(record);
  }
  return ok(record);
}

/** The v2 → v3 step every record kind shares: the record gains its version field; nothing else changed. */
export const addRecordVersion = (v: number): Migration => ({ from: v - 1, up: (record) => ({ ...record, v }) });
