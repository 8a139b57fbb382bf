/**
 * One app setting: a key and its value (the map view, the UI language, whether the sample was offered). The
 * record itself is checked here; each value is checked by whoever reads it (map-view.ts for 'view').
 */
import { isNonEmptyString, isObject } from '../../validation/guards';
import { addRecordVersion, migrateRecord, storedVersionOf, type Migration, type MigrationReason } from '../../validation/migrate';
import { fail, ok, type Validation } from '../../validation/validation';

/** 3: records carry `v` (schema version 3); versions 1 and 2 were the same unmarked shape. */
export const SETTING_RECORD_VERSION = 3;

export interface SettingRecord {
  v: typeof SETTING_RECORD_VERSION;
  key: string;
  value: unknown;
}

export type SettingReason = MigrationReason | 'missingKey';

export const SETTING_MIGRATIONS: readonly Migration[] = [addRecordVersion(3)];

export const migrateSetting = (raw: unknown, fromVersion: number): Validation<Record<string, unknown>, MigrationReason> =>
  migrateRecord(raw, fromVersion, SETTING_RECORD_VERSION, SETTING_MIGRATIONS);

export function validateSetting(raw: unknown): Validation<SettingRecord, SettingReason> {
  if (!isObject(raw)) return fail('notObject');
  if (raw.v !== SETTING_RECORD_VERSION) return fail('badVersion', 'v');
  if (!isNonEmptyString(raw.key)) return fail('missingKey', 'key');
  return ok({ v: SETTING_RECORD_VERSION, key: raw.key, value: raw.value });
}

export function restoreSetting(raw: unknown): Validation<SettingRecord, SettingReason> {
  const migrated = migrateSetting(raw, storedVersionOf(raw));
  return migrated.ok ? validateSetting(migrated.value) : migrated;
}

export function createSettingRecord(key: string, value: unknown): SettingRecord {
  if (!isNonEmptyString(key)) throw new RangeError('createSettingRecord: a setting needs a key');
  return { v: SETTING_RECORD_VERSION, key, value };
}
