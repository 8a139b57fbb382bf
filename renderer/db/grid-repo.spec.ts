import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
// Grid area records as a schema-4 database holds them (origin: tests/fixtures/db/README.md).
import fixture from '../../tests/fixtures/db/grid-areas-v1.json';
import { createGridArea, type GridArea, type NewGridArea } from '../../shared/domain/grid/area-record';
import type { PatrolRuleId } from '../../shared/domain/patrol/rule';
import { LandPatrolDb } from './db';
import { deleteGridAreas, getGridArea, listChildAreas, listGridAreas, putGridArea, putGridAreas } from './grid-repo';

afterEach(() => {
  vi.restoreAllMocks();
});

const fresh = (indexedDB = new IDBFactory()) => new LandPatrolDb('grid', { indexedDB, IDBKeyRange });
const EDIT = { at: 1764700000000, by: '李晓燕' };
const make = (init: NewGridArea): GridArea => {
  const r = createGridArea(init, { at: 1764600000000, by: '李晓燕' });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const sq = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const COUNTY = make({ id: 'K', level: 'county', name: '历城区', code: '370112000000' });
const TOWN = make({ id: 'T', level: 'township', parentId: 'K', name: '青石镇', code: '370112001000', geometry: sq(117.1, 36.6, 0.03) });
const VILLAGE = make({ id: 'V', level: 'village', parentId: 'T', name: '杏园村', code: '370112001203', geometry: sq(117.1, 36.6) });
const CELL = (n: number) =>
  make({ id: `C${n}`, level: 'cell', parentId: 'V', name: `杏园村-0${n}`, geometry: sq(117.1 + (n - 1) * 0.005, 36.6, 0.005) });

describe('reading the v1 fixture', () => {
  it('returns the good and the repaired areas, skips the broken ones with a warning each', async () => {
    const db = fresh();
    await db.open();
    await db.table('gridAreas').bulkPut(fixture.gridAreas);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const areas = await listGridAreas(db);
    expect(areas.map((a) => a.id).sort()).toEqual(['A0cell01', 'A0county', 'A0town', 'A0village', 'repairable']);
    expect(areas.find((a) => a.id === 'repairable')).toMatchObject({ keyArea: { kind: '其他' }, ruleIds: ['R-township-2-week'] });
    expect(warn.mock.calls.map(([m]) => String(m)).sort()).toEqual([
      'landpatrol: skipped a malformed grid area record (badGeometry at geometry)',
      'landpatrol: skipped a malformed grid area record (badGeometry at geometry.coordinates)',
      'landpatrol: skipped a malformed grid area record (badParent at parentId)',
      'landpatrol: skipped a malformed grid area record (badVersion at v)',
      'landpatrol: skipped a malformed grid area record (badVersion at v)',
      'landpatrol: skipped a malformed grid area record (badZone at zone.centralMeridian)',
      'landpatrol: skipped a malformed grid area record (codeLevelMismatch at code)',
      'landpatrol: skipped a malformed grid area record (codeNotTwelveDigits at code)',
    ]);
    expect((await listChildAreas('A0village', db)).map((a) => a.id).sort()).toEqual(['A0cell01', 'repairable']);
    expect(await getGridArea('bad-code', db)).toBeNull();
    expect(await getGridArea('nowhere', db)).toBeNull();
    db.close();
  });
});

describe('putGridAreas', () => {
  it('stores a county, township, village and cells in one action and reads them back after reopening', async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    const r = await putGridAreas([CELL(1), VILLAGE, TOWN, COUNTY, CELL(2)], EDIT, db); // parents in the same batch, any order
    expect(r.ok).toBe(true);
    db.close();
    const again = fresh(idb);
    expect((await listGridAreas(again)).map((a) => a.id).sort()).toEqual(['C1', 'C2', 'K', 'T', 'V']);
    expect(await getGridArea('C1', again)).toEqual(CELL(1));
    again.close();
  });

  it.each([
    ['a parent not stored', () => [make({ id: 'X', level: 'village', parentId: 'nowhere', name: '无主村' })], 'parentMissing', 'X'],
    [
      'a cell under a township',
      () => [make({ id: 'X', level: 'cell', parentId: 'T', name: '跳级', geometry: sq(117.1, 36.6) })],
      'levelMismatch',
      'X',
    ],
    [
      "a village of another township's code",
      () => [make({ id: 'X', level: 'village', parentId: 'T', name: '外码村', code: '370112002001' })],
      'codeParentMismatch',
      'X',
    ],
    ['the same id twice', () => [CELL(3), CELL(3)], 'duplicateInBatch', 'C3'],
    ['a record that is no area', () => [{ ...CELL(3), name: '' }], 'missingName', 'C3'],
  ])('refuses %s, and stores nothing of the batch', async (_what, build, reason, id) => {
    const db = fresh();
    expect((await putGridAreas([COUNTY, TOWN, VILLAGE], EDIT, db)).ok).toBe(true);
    const r = await putGridAreas([CELL(1), ...build()], EDIT, db);
    expect(r).toMatchObject({ ok: false, reason, id });
    expect((await listGridAreas(db)).map((a) => a.id).sort()).toEqual(['K', 'T', 'V']); // C1 not stored either
    db.close();
  });

  it('refuses a move that would make a cycle, and a change of level', async () => {
    const db = fresh();
    await putGridAreas([COUNTY, TOWN, VILLAGE], EDIT, db);
    // A township under its own village: the level rule and the chain both refuse it; the chain is checked first.
    expect(await putGridArea({ ...TOWN, parentId: 'V' as GridArea['id'] }, EDIT, db)).toMatchObject({ ok: false, reason: 'cycle', id: 'T' });
    expect(await putGridArea({ ...VILLAGE, level: 'cell' }, EDIT, db)).toMatchObject({ ok: false, reason: 'levelChanged', id: 'V' });
    expect(await getGridArea('T', db)).toEqual(TOWN);
    db.close();
  });

  it("appends to the STORED history: a caller's rewritten history is not taken, and a no-change save writes nothing", async () => {
    // Installed before the database opens: Dexie binds the connection's transaction() when it opens.
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const db = fresh();
    await putGridAreas([COUNTY, TOWN, VILLAGE], EDIT, db);
    const people = [{ name: '孙强', role: '网格员', lawEnforcementCertNo: '', phone: '13800000003' }];
    const forged: GridArea = { ...VILLAGE, people, ruleIds: ['R-township-2-week' as PatrolRuleId], history: [], createdAt: 0 };
    const r = await putGridArea(forged, { at: 1764800000000, by: '赵磊', note: '指定网格员' }, db);
    expect(r.ok).toBe(true);
    const stored = (await getGridArea('V', db))!;
    expect(stored.createdAt).toBe(VILLAGE.createdAt);
    expect(stored.history).toEqual([
      ...VILLAGE.history,
      { at: 1764800000000, by: '赵磊', change: 'edited', fields: ['people', 'ruleIds'], note: '指定网格员' },
    ]);
    expect(stored.updatedAt).toBe(1764800000000);
    spy.mockClear();
    expect(await putGridArea(stored, { at: 1764900000000, by: '赵磊' }, db)).toEqual({ ok: true, value: stored });
    expect(await getGridArea('V', db)).toEqual(stored); // no entry, no new updatedAt
    expect(spy.mock.calls.filter((c) => c[1] === 'readwrite')).toHaveLength(1); // one transaction, with no put in it
    db.close();
  });

  it('a write that fails in IndexedDB rejects and leaves the stored areas as they were', async () => {
    const db = fresh();
    await putGridAreas([COUNTY, TOWN], EDIT, db);
    vi.spyOn(db.gridAreas, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(putGridAreas([VILLAGE, { ...TOWN, name: '青石镇（改）' }], EDIT, db)).rejects.toThrow('QuotaExceededError');
    expect((await listGridAreas(db)).map((a) => [a.id, a.name])).toEqual([
      ['K', '历城区'],
      ['T', '青石镇'],
    ]);
    db.close();
  });
});

describe('deleteGridAreas', () => {
  it('deletes an area only with all its children, in one transaction', async () => {
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const db = fresh();
    await putGridAreas([COUNTY, TOWN, VILLAGE, CELL(1), CELL(2)], EDIT, db);
    expect(await deleteGridAreas(['V', 'C1'], db)).toMatchObject({ ok: false, reason: 'hasChildren', id: 'V' });
    expect(await listGridAreas(db)).toHaveLength(5);
    expect(await deleteGridAreas(['C2'], db)).toEqual({ ok: true, value: ['C2'] }); // a cell has no children
    spy.mockClear();
    expect(await deleteGridAreas(['V', 'C1', 'gone'], db)).toEqual({ ok: true, value: ['V', 'C1'] });
    expect(spy.mock.calls.filter((c) => c[1] === 'readwrite')).toHaveLength(1);
    expect((await listGridAreas(db)).map((a) => a.id).sort()).toEqual(['K', 'T']);
    db.close();
  });
});
