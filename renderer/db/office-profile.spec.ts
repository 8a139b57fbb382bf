import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOfficeProfile, DEFAULT_OFFICE_PROFILE, markSubmitted } from '../../shared/domain/settings/office-profile';
import { LandPatrolDb } from './db';
import { getOfficeProfile, putOfficeProfile, putSetting } from './settings-repo';

afterEach(() => vi.restoreAllMocks());

const fresh = (indexedDB = new IDBFactory()) => new LandPatrolDb('profile', { indexedDB, IDBKeyRange });

describe('office profile in the settings table', () => {
  it('reads the defaults before anything is stored, and the stored profile after reopening', async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    expect(await getOfficeProfile(db)).toEqual(DEFAULT_OFFICE_PROFILE);
    const r = createOfficeProfile({ officeName: '青石镇国土所', userName: '张三', dueDay: 20, remindDaysBefore: 3, submittedMonths: [] });
    if (!r.ok) throw new Error(r.reason);
    await putOfficeProfile(markSubmitted(r.value, '2026-04', true), db);
    db.close();
    const again = fresh(idb);
    expect(await getOfficeProfile(again)).toEqual({ ...r.value, submittedMonths: ['2026-04'] });
    again.close();
  });
  it('reads an unusable stored profile as the defaults, with a warning', async () => {
    const db = fresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await putSetting('officeProfile', { v: 1, dueDay: 40 }, db);
    expect(await getOfficeProfile(db)).toEqual(DEFAULT_OFFICE_PROFILE);
    expect(warn).toHaveBeenCalledOnce();
    db.close();
  });
});
