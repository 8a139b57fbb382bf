import { describe, expect, it } from 'vitest';
import { addRecordVersion, migrateRecord, storedVersionOf, UNMARKED_RECORD_VERSION, type Migration } from './migrate';

describe('storedVersionOf', () => {
  it('reads v, and takes an unmarked record for version 2', () => {
    expect(storedVersionOf({ v: 3 })).toBe(3);
    expect(storedVersionOf({ id: 'a' })).toBe(UNMARKED_RECORD_VERSION);
    expect(UNMARKED_RECORD_VERSION).toBe(2);
    expect(storedVersionOf({ v: '3' })).toBeNaN();
  });
});

describe('migrateRecord', () => {
  const steps: Migration[] = [addRecordVersion(3), { from: 3, up: (r) => ({ ...r, v: 4, renamed: r.old, old: undefined }) }];
  it('runs every step from the stored version up, in order', () => {
    expect(migrateRecord({ old: 'x' }, 2, 4, steps)).toEqual({ ok: true, value: { v: 4, renamed: 'x', old: undefined } });
    expect(migrateRecord({ v: 3, old: 'y' }, 3, 4, steps)).toEqual({ ok: true, value: { v: 4, renamed: 'y', old: undefined } });
  });
  it('leaves a current record alone', () => {
    const rec = { v: 4 };
    const r = migrateRecord(rec, 4, 4, steps);
    expect(r.ok && r.value).toBe(rec);
  });
  it('does not change the record it was given', () => {
    const rec = { id: 'a' };
    migrateRecord(rec, 2, 3, steps);
    expect(rec).toEqual({ id: 'a' });
  });
  it('rejects non-objects, versions from the future, missing steps and non-integer versions', () => {
    expect(migrateRecord('x', 2, 3, steps)).toEqual({ ok: false, reason: 'notObject' });
    expect(migrateRecord({}, 5, 4, steps)).toMatchObject({ ok: false, reason: 'badVersion', path: 'v' });
    expect(migrateRecord({}, 1, 3, steps)).toMatchObject({ ok: false, reason: 'badVersion', detail: 'no migration from record version 1' });
    expect(migrateRecord({}, NaN, 3, steps)).toMatchObject({ ok: false, reason: 'badVersion' });
    expect(migrateRecord({}, 2.5, 3, steps)).toMatchObject({ ok: false, reason: 'badVersion' });
  });
});
