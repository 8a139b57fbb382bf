import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DateKey } from '../../shared/domain/patrol/calendar';
import { createPatrol, PATROL_RECORD_VERSION } from '../../shared/domain/patrol/patrol-record';
import { createPatrolRule, DEFAULT_RULES, type PatrolRuleId } from '../../shared/domain/patrol/rule';
import { LandPatrolDb } from './db';
import {
  addPatrol,
  amendStoredPatrol,
  deletePatrolRules,
  deleteStoredPatrol,
  getPatrol,
  listPatrolRules,
  listPatrols,
  listPatrolsBetween,
  putPatrolRules,
  restoreStoredPatrol,
  seedDefaultPatrolRules,
} from './patrol-repo';

afterEach(() => {
  vi.restoreAllMocks();
});

const fresh = (indexedDB = new IDBFactory()) => new LandPatrolDb('patrols', { indexedDB, IDBKeyRange });
const d = (s: string) => s as DateKey;
const at9 = (day: string) => Date.parse(`${day}T01:00:00Z`); // 09:00 in Beijing
const WANG = [{ name: '王芳', certNo: '鲁执 3701001' }];

describe('addPatrol', () => {
  it("numbers a day's patrols in order, and they survive reopening", async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    const a = await addPatrol(
      { id: 'P1', startedAt: at9('2026-04-20'), officers: WANG, areaIds: ['cell-01'], nothingFound: true },
      '王芳',
      at9('2026-04-20') + 3600_000,
      db,
    );
    const b = await addPatrol({ id: 'P2', startedAt: at9('2026-04-20') + 7200_000, officers: WANG }, '王芳', at9('2026-04-20') + 9000_000, db);
    // 00:30 on the 21st in Beijing is still the 20th in UTC: the 21st's first number.
    const c = await addPatrol({ id: 'P3', startedAt: Date.parse('2026-04-20T16:30:00Z') }, '王芳', Date.parse('2026-04-20T17:00:00Z'), db);
    expect([a, b, c].map((r) => r.ok && r.value.number)).toEqual(['XC20260420001', 'XC20260420002', 'XC20260421001']);
    db.close();
    const again = fresh(idb);
    expect((await listPatrols(again)).map((p) => [p.id, p.date])).toEqual([
      ['P1', '2026-04-20'],
      ['P2', '2026-04-20'],
      ['P3', '2026-04-21'],
    ]);
    expect(await getPatrol('P1', again)).toMatchObject({ v: PATROL_RECORD_VERSION, nothingFound: true, areaIds: ['cell-01'] });
    expect((await listPatrolsBetween(d('2026-04-21'), d('2026-04-30'), again)).map((p) => p.id)).toEqual(['P3']);
    again.close();
  });

  it('never gives a number twice, deleted patrols and unreadable records included', async () => {
    const db = fresh();
    await addPatrol({ id: 'P1', startedAt: at9('2026-04-20') }, 'x', 1, db);
    await deleteStoredPatrol('P1', 'x', 2, db);
    await db.patrols.put({ id: 'broken', number: 'XC20260420007', date: '2026-04-20' } as never); // not a valid record, but its number is taken
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const r = await addPatrol({ id: 'P2', startedAt: at9('2026-04-20') }, 'x', 3, db);
    expect(r.ok && r.value.number).toBe('XC20260420008');
    db.close();
  });

  it('refuses an id already stored and a record the factory refuses, storing nothing', async () => {
    const db = fresh();
    await addPatrol({ id: 'P1', startedAt: at9('2026-04-20') }, 'x', 1, db);
    expect(await addPatrol({ id: 'P1', startedAt: at9('2026-04-21') }, 'x', 2, db)).toMatchObject({ ok: false, reason: 'invalid', path: 'id' });
    expect(await addPatrol({ id: 'P2', startedAt: at9('2026-04-21'), endedAt: at9('2026-04-20') }, 'x', 2, db)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect((await listPatrols(db)).map((p) => p.id)).toEqual(['P1']);
    db.close();
  });
});

describe('edits and deletions', () => {
  it('start from the stored record, so its history is kept and appended', async () => {
    const db = fresh();
    await addPatrol({ id: 'P1', startedAt: at9('2026-04-20'), nothingFound: true }, '王芳', 10, db);
    const r = await amendStoredPatrol('P1', { nothingFound: false, findings: '发现新建地基一处' }, '张队', 20, db);
    expect(r.ok && r.value.history.map((h) => [h.kind, h.by])).toEqual([
      ['created', '王芳'],
      ['amended', '张队'],
    ]);
    // A no-change edit writes nothing.
    const put = vi.spyOn(db.patrols, 'put');
    expect((await amendStoredPatrol('P1', { findings: '发现新建地基一处' }, 'x', 30, db)).ok).toBe(true);
    expect(put).not.toHaveBeenCalled();
    await deleteStoredPatrol('P1', '张队', 40, db);
    await restoreStoredPatrol('P1', '王芳', 50, db);
    expect((await getPatrol('P1', db))!.history.map((h) => h.kind)).toEqual(['created', 'amended', 'deleted', 'restored']);
    db.close();
  });

  it('name a patrol that is not there, and refuse an edit the record module refuses', async () => {
    const db = fresh();
    expect(await amendStoredPatrol('nowhere', { notes: 'x' }, 'x', 1, db)).toMatchObject({ ok: false, reason: 'notFound' });
    await addPatrol({ id: 'P1', startedAt: at9('2026-04-20') }, 'x', 1, db);
    expect(await amendStoredPatrol('P1', { endedAt: at9('2026-04-19') }, 'x', 2, db)).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await getPatrol('P1', db))!.endedAt).toBeNull();
    db.close();
  });
});

describe('reading stored patrols', () => {
  it('repairs what it can and skips, with a warning, what it cannot', async () => {
    const db = fresh();
    const good = createPatrol({ id: 'G', number: 'XC20260420001', startedAt: at9('2026-04-20') }, 'x', 1);
    await db.patrols.bulkPut([
      good as never,
      { ...good, id: 'R', number: 'XC20260420002', notes: 7, officers: [{ name: '' }] } as never,
      { id: 'B', v: 1, number: 'nope', startedAt: 1 } as never,
      { id: 'F', v: 9, number: 'XC20260420003', startedAt: 1 } as never,
    ]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const all = await listPatrols(db);
    expect(all.map((p) => p.id).sort()).toEqual(['G', 'R']);
    expect(all.find((p) => p.id === 'R')).toMatchObject({ notes: '', officers: [] });
    expect(warn.mock.calls.map(([m]) => String(m)).sort()).toEqual([
      'landpatrol: skipped a malformed patrol record (badNumber at number)',
      'landpatrol: skipped a malformed patrol record (badVersion at v)',
    ]);
    db.close();
  });
});

describe('patrol rules', () => {
  it('are seeded once with the defaults, edited and removed', async () => {
    const db = fresh();
    expect(await listPatrolRules(db)).toEqual([]);
    expect(await seedDefaultPatrolRules(db)).toBe(true);
    expect(await seedDefaultPatrolRules(db)).toBe(false);
    expect((await listPatrolRules(db)).map((r) => r.id).sort()).toEqual(DEFAULT_RULES.map((r) => r.id).sort());
    const weekly = createPatrolRule({
      id: 'summer',
      name: '4—10 月每周 1 次',
      minCount: 1,
      per: 'week',
      by: 'township',
      months: [4, 5, 6, 7, 8, 9, 10],
      appliesTo: 'area',
    });
    expect(await putPatrolRules([weekly], db)).toEqual({ ok: true, value: [weekly] });
    expect(await putPatrolRules([weekly, { ...weekly, id: 'bad' as PatrolRuleId, minCount: 0 }], db)).toMatchObject({
      ok: false,
      reason: 'badMinCount',
      id: 'bad',
    });
    expect((await listPatrolRules(db)).some((r) => r.id === 'bad')).toBe(false);
    await deletePatrolRules(
      DEFAULT_RULES.map((r) => r.id),
      db,
    );
    expect((await listPatrolRules(db)).map((r) => r.id)).toEqual(['summer']);
    expect(await seedDefaultPatrolRules(db)).toBe(false); // an office's own rules are never replaced
    db.close();
  });
});
