import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Polygon } from 'geojson';
import type { DateKey } from '../../shared/domain/patrol/calendar';
import type { PatrolRuleId } from '../../shared/domain/patrol/rule';
import { LandPatrolDb } from './db';
import {
  addPatrolArea,
  amendStoredPatrolArea,
  closeStoredStopNotice,
  deleteStoredPatrolArea,
  getPatrolArea,
  listPatrolAreas,
  restoreStoredPatrolArea,
} from './patrol-area-repo';
import { addTask, amendStoredTask, deleteStoredTask, getTask, listTasks, listTasksOfDay } from './task-repo';

afterEach(() => {
  vi.restoreAllMocks();
});

const fresh = (indexedDB = new IDBFactory()) => new LandPatrolDb('tasks', { indexedDB, IDBKeyRange });
const d = (s: string) => s as DateKey;
const SQUARE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [117.04, 36.66],
      [117.05, 36.66],
      [117.05, 36.67],
      [117.04, 36.67],
      [117.04, 36.66],
    ],
  ],
};
const SITE = {
  id: 'R2',
  kind: 'stopNoticeSite' as const,
  name: '砖厂违建',
  geometry: SQUARE,
  stopNotice: { noticeNo: '〔2026〕018号', noticeDate: d('2026-11-20'), closedDate: null },
};

describe('patrol area repository', () => {
  it('stores, amends from the stored record, closes, deletes (kept) and restores, each one entry more', async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    expect((await addPatrolArea(SITE, '李晓燕', 1, db)).ok).toBe(true);
    expect(await addPatrolArea(SITE, '李晓燕', 2, db)).toMatchObject({ ok: false, reason: 'exists' });
    expect(await addPatrolArea({ ...SITE, id: 'R3', stopNotice: undefined }, 'x', 2, db)).toMatchObject({ ok: false, reason: 'badStopNotice' });
    expect((await amendStoredPatrolArea('R2', { ruleIds: ['default.stop-notice-follow-up' as PatrolRuleId] }, '王强', 3, db)).ok).toBe(true);
    expect(await closeStoredStopNotice('R2', d('2026-11-01'), 'x', 4, db)).toMatchObject({ ok: false, reason: 'badStopNotice' });
    expect((await closeStoredStopNotice('R2', d('2026-12-01'), '王强', 5, db)).ok).toBe(true);
    expect((await deleteStoredPatrolArea('R2', '王强', 6, db)).ok).toBe(true);
    db.close();
    const again = fresh(idb);
    const stored = (await getPatrolArea('R2', again))!;
    expect(stored.deletedAt).toBe(6);
    expect(stored.stopNotice?.closedDate).toBe('2026-12-01');
    expect(stored.history.map((h) => [h.kind, h.by])).toEqual([
      ['created', '李晓燕'],
      ['amended', '王强'],
      ['closed', '王强'],
      ['deleted', '王强'],
    ]);
    expect((await restoreStoredPatrolArea('R2', 'x', 7, again)).ok).toBe(true);
    expect(await amendStoredPatrolArea('nope', { name: 'x' }, 'x', 8, again)).toMatchObject({ ok: false, reason: 'notFound' });
  });

  it('skips an unreadable stored record with a warning, and lists the rest', async () => {
    const db = fresh();
    await addPatrolArea({ id: 'R1', kind: 'other', name: '河滩', geometry: SQUARE }, 'x', 1, db);
    await db.patrolAreas.put({ id: 'bad', v: 1, kind: 'keyArea' } as never);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await listPatrolAreas(db)).map((a) => a.id)).toEqual(['R1']);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('task repository', () => {
  it("finds a day's tasks by the date index; an edit moves it; deletion keeps it", async () => {
    const db = fresh();
    expect((await addTask({ id: 'T1', date: d('2026-12-01'), officers: [{ name: '李晓燕', certNo: '' }] }, '李晓燕', 1, db)).ok).toBe(true);
    expect((await addTask({ id: 'T2', date: d('2026-12-01') }, '李晓燕', 2, db)).ok).toBe(true);
    expect(await addTask({ id: 'T3', date: d('2026-12-01'), officers: [{ name: '', certNo: '' }] }, 'x', 3, db)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await getTask('T3', db)).toBeNull(); // nothing written
    expect((await listTasksOfDay(d('2026-12-01'), db)).map((t) => t.id)).toEqual(['T1', 'T2']);
    expect((await amendStoredTask('T2', { date: d('2026-12-02'), notes: '雨天改期' }, '王强', 4, db)).ok).toBe(true);
    expect((await listTasksOfDay(d('2026-12-01'), db)).map((t) => t.id)).toEqual(['T1']);
    expect((await listTasksOfDay(d('2026-12-02'), db)).map((t) => [t.id, t.notes, t.history.length])).toEqual([['T2', '雨天改期', 2]]);
    expect((await deleteStoredTask('T1', 'x', 5, db)).ok).toBe(true);
    expect((await listTasks(db)).map((t) => [t.id, t.deletedAt])).toEqual([
      ['T1', 5],
      ['T2', null],
    ]);
  });
});
