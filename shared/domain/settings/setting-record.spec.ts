import { describe, expect, it } from 'vitest';
import { createSettingRecord, migrateSetting, restoreSetting } from './setting-record';

describe('setting record', () => {
  it('migrates a v2 setting (no `v`) to v3, its value untouched', () => {
    const view = { center: [117.05, 34.505], zoom: 14.5, bearing: 12 };
    expect(migrateSetting({ key: 'view', value: view }, 2)).toEqual({ ok: true, value: { key: 'view', value: view, v: 3 } });
    const r = restoreSetting({ key: 'view', value: view });
    expect(r.ok && r.value.value).toBe(view);
  });
  it('keeps any value, even none', () => {
    expect(restoreSetting({ v: 3, key: 'sampleLoaded', value: true })).toEqual({ ok: true, value: { v: 3, key: 'sampleLoaded', value: true } });
    expect(restoreSetting({ v: 3, key: 'x' })).toEqual({ ok: true, value: { v: 3, key: 'x', value: undefined } });
  });
  it('rejects a record without a key or of an unknown version', () => {
    expect(restoreSetting({ value: 1 })).toMatchObject({ ok: false, reason: 'missingKey' });
    expect(restoreSetting({ v: 7, key: 'lang', value: 'en' })).toMatchObject({ ok: false, reason: 'badVersion' });
    expect(restoreSetting(42)).toMatchObject({ ok: false, reason: 'notObject' });
  });
  it('the factory stamps the version', () => {
    expect(createSettingRecord('lang', 'en')).toEqual({ v: 3, key: 'lang', value: 'en' });
    expect(() => createSettingRecord('', 1)).toThrow(RangeError);
  });
});
