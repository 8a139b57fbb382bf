/** App settings (the map view, the UI language, the sample flag): one record per key. */
import { createSettingRecord, restoreSetting } from '../../shared/domain/settings/setting-record';
import { validateMapView, type MapView } from '../../shared/domain/settings/map-view';
import { DEFAULT_OFFICE_PROFILE, OFFICE_PROFILE_KEY, restoreOfficeProfile, type OfficeProfile } from '../../shared/domain/settings/office-profile';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

/** The stored value, or undefined when the setting was never written (or its record cannot be read). */
export async function getSetting(key: string, db: LandPatrolDb = getDb()): Promise<unknown> {
  return readRecord('setting', await db.settings.get(key), restoreSetting)?.value;
}

export async function putSetting(key: string, value: unknown, db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put(createSettingRecord(key, value));
  });
}

/** The saved view, repaired when it can be (longitude wrapped, zoom clamped), or null (the app then shows its default view). */
export async function getMapView(db: LandPatrolDb = getDb()): Promise<MapView | null> {
  const v = validateMapView(await getSetting('view', db));
  return v.ok ? v.value : null;
}

/**
 * The office profile (office name, this machine's user, the report's due day and reminder, months reported). One
 * that was never written, or cannot be read, is the defaults (a warning in the console for the latter).
 */
export async function getOfficeProfile(db: LandPatrolDb = getDb()): Promise<OfficeProfile> {
  return readRecord('office profile', await getSetting(OFFICE_PROFILE_KEY, db), restoreOfficeProfile) ?? DEFAULT_OFFICE_PROFILE;
}

/** Stores a profile made by createOfficeProfile (or markSubmitted of a stored one): one transaction. */
export const putOfficeProfile = (profile: OfficeProfile, db: LandPatrolDb = getDb()): Promise<void> => putSetting(OFFICE_PROFILE_KEY, profile, db);
