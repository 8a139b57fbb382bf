import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyHistory } from '../../shared/domain/inspection/history';
import { hashedState, type Inspection, type InspectionPatch } from '../../shared/domain/inspection/inspection-record';
import type { DateKey } from '../../shared/domain/patrol/calendar';
import { summaryOf } from '../../shared/domain/inspection/list';
import { outlineCoordinates, summaryRecordOf } from '../../shared/domain/inspection/summary-record';
import { LandPatrolDb } from './db';
import {
  addInspection,
  amendStoredInspection,
  getInspection,
  listInspectionSummaries,
  listInspections,
  staleInspectionSummaries,
  moveStoredInspection,
  saveStoredInspection,
  submitStoredInspection,
} from './inspection-repo';

afterEach(() => {
  vi.restoreAllMocks();
});

const fresh = (indexedDB = new IDBFactory()) => new LandPatrolDb('inspections', { indexedDB, IDBKeyRange });
const PATTERN = '杏国土核〔{yyyy}〕{seq:3}号';
const at = (iso: string) => Date.parse(iso);
const MORNING = at('2026-11-30T01:30:00Z'); // 09:30 in Beijing
const BY = '李晓燕';

/** What a submission needs (form.ts): the GB 11643 sample ID number, whose check digit is X. */
const FILLED: InspectionPatch = {
  location: { township: '青石镇', village: '杏园村', areaId: null, place: '砖厂东侧' },
  inspectedAt: MORNING,
  inspectors: [
    { name: '李晓燕', certNo: '鲁执 37010001' },
    { name: '王芳', certNo: '鲁执 37010002' },
  ],
  party: { kind: 'person', name: '张三', idNo: '11010519491231002X', contact: '13800000000', address: '杏园村' },
  construction: 'building',
  conclusion: 'illegal',
  violationTypes: ['未报即用'],
  stopNotice: { number: '杏国土停〔2026〕012号', date: '2026-11-30' as DateKey },
  description: '在永久基本农田上新建厂房，已浇筑地基。',
};

const chainOk = (r: Inspection) => verifyHistory(r.history, hashedState(r)).ok;

describe('addInspection', () => {
  it("numbers records in the office's pattern, after every number stored (an unreadable record's too)", async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    const a = await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    const b = await addInspection({ id: 'I2', source: { kind: 'typed' } }, BY, MORNING + 1, PATTERN, db);
    expect([a.ok && a.value.number, b.ok && b.value.number]).toEqual(['杏国土核〔2026〕001号', '杏国土核〔2026〕002号']);
    // A record a bug left unreadable still holds its number.
    await db.inspections.put({ id: 'broken', number: '杏国土核〔2026〕007号' } as unknown as Inspection);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const c = await addInspection({ id: 'I3', source: { kind: 'drawn' } }, BY, MORNING + 2, PATTERN, db);
    expect(c.ok && c.value.number).toBe('杏国土核〔2026〕008号');
    expect((await listInspections(db)).map((r) => r.id)).toEqual(['I3', 'I2', 'I1']); // newest first, the broken one skipped
    expect(warn).toHaveBeenCalled();
    db.close();
    const again = fresh(idb);
    expect((await getInspection('I1', again))!.history.map((e) => e.kind)).toEqual(['created']);
    again.close();
  });

  it('refuses an id already stored, writing nothing', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    const again = await addInspection({ id: 'I1', source: { kind: 'typed' } }, BY, MORNING, PATTERN, db);
    expect(again).toMatchObject({ ok: false, reason: 'invalid' });
    expect((await getInspection('I1', db))!.source).toEqual({ kind: 'drawn' });
  });
});

describe('saving, submitting, amending', () => {
  it('a draft is saved from the stored record, one entry a save, nothing for a save that changes nothing', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    const saved = await saveStoredInspection('I1', { description: '新堆土' }, BY, MORNING + 60_000, db);
    expect(saved.ok && saved.value.history.map((e) => e.kind)).toEqual(['created', 'saved']);
    const same = await saveStoredInspection('I1', { description: '新堆土' }, BY, MORNING + 120_000, db);
    expect(same.ok && same.value.history).toHaveLength(2);
    expect(await saveStoredInspection('nope', { description: 'x' }, BY, MORNING, db)).toMatchObject({ ok: false, reason: 'notFound' });
    expect(chainOk((await getInspection('I1', db))!)).toBe(true);
  });

  it('a submission the form stops is refused with its issues, and nothing is written', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    const { inspectors: _two, ...withoutInspectors } = FILLED;
    const r = await submitStoredInspection(
      'I1',
      { ...withoutInspectors, inspectors: [{ name: '李晓燕', certNo: '鲁执 37010001' }] },
      BY,
      MORNING + 1,
      db,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('formIssues');
    expect(r.issues?.map((i) => i.code)).toContain('inspectorsTooFew');
    const stored = (await getInspection('I1', db))!;
    expect([stored.submittedAt, stored.description, stored.history.length]).toEqual([null, '', 1]);
  });

  it('a submitted record is read-only: a change is an amendment with a reason, kept in a chain that verifies', async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    const sub = await submitStoredInspection('I1', FILLED, BY, MORNING + 3600_000, db);
    expect(sub.ok && [sub.value.status, sub.value.history.map((e) => e.kind)]).toEqual(['checked', ['created', 'saved', 'submitted']]);
    expect(await saveStoredInspection('I1', { description: '改' }, BY, MORNING + 7200_000, db)).toMatchObject({
      ok: false,
      reason: 'submittedReadOnly',
    });
    expect(await amendStoredInspection('I1', { description: '改' }, ' ', BY, MORNING + 7200_000, db)).toMatchObject({
      ok: false,
      reason: 'reasonRequired',
    });
    const amended = await amendStoredInspection('I1', { landUse: '工业厂房' }, '补记土地用途', '王芳', MORNING + 7200_000, db);
    expect(amended.ok).toBe(true);
    db.close();
    const again = fresh(idb);
    const r = (await getInspection('I1', again))!;
    const last = r.history[r.history.length - 1]!;
    expect([last.kind, last.by, last.reason, last.changes]).toEqual([
      'amended',
      '王芳',
      '补记土地用途',
      [{ field: 'landUse', before: '', after: '工业厂房' }],
    ]);
    expect(chainOk(r)).toBe(true);
    // A byte changed in the stored record, outside the app, is seen.
    await again.inspections.put({ ...r, description: r.description + '。' });
    expect(chainOk((await getInspection('I1', again))!)).toBe(false);
    again.close();
  });

  it('status moves follow the rules: 已制止 needs the stop notice, nothing goes back', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    expect(await moveStoredInspection('I1', 'stopped', null, BY, MORNING + 1, db)).toMatchObject({ ok: false, reason: 'badMove' });
    await submitStoredInspection('I1', { ...FILLED, stopNotice: null }, BY, MORNING + 2, db);
    expect(await moveStoredInspection('I1', 'stopped', null, BY, MORNING + 3, db)).toMatchObject({ ok: false, reason: 'stopNoticeRequired' });
    await amendStoredInspection('I1', { stopNotice: FILLED.stopNotice! }, '补记通知书', BY, MORNING + 4, db);
    const moved = await moveStoredInspection('I1', 'stopped', null, BY, MORNING + 5, db);
    expect(moved.ok && moved.value.status).toBe('stopped');
    expect(await moveStoredInspection('I1', 'checked', '退回', BY, MORNING + 6, db)).toMatchObject({ ok: false, reason: 'badMove' });
  });

  it('a write IndexedDB fails rejects, and the stored record is left as it was', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    const before = await getInspection('I1', db);
    vi.spyOn(db.inspections, 'put').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(saveStoredInspection('I1', { description: '新堆土' }, BY, MORNING + 1, db)).rejects.toThrow(/quota/);
    expect(await getInspection('I1', db)).toEqual(before);
  });
});

describe('the summaries the list reads', () => {
  const plot = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [117, 35],
        [117.002, 35],
        [117.002, 35.001],
        [117, 35],
      ],
    ],
  };

  it('are written with every write of the record, in its transaction, and agree with it', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' }, geometry: plot }, BY, MORNING, PATTERN, db);
    const stored = async () => (await db.inspectionSummaries.get('I1'))!;
    expect(await stored()).toEqual(summaryRecordOf((await getInspection('I1', db))!));
    expect(await stored()).toMatchObject({ v: 2, status: 'pending', bbox: [117, 35, 117.002, 35.001], centre: [117.001, 35.0005] });
    // The plot's outline is stored with it (the list's map draws it without reading the record).
    expect(outlineCoordinates((await stored()).outline!)).toEqual([plot.coordinates]);
    await submitStoredInspection('I1', FILLED, BY, MORNING + 10, db);
    expect(await stored()).toMatchObject({ status: 'checked', conclusion: 'illegal', partyName: '张三', submitted: true, updatedAt: MORNING + 10 });
    await moveStoredInspection('I1', 'stopped', null, BY, MORNING + 20, db);
    await moveStoredInspection('I1', 'filed', null, BY, MORNING + 30, db);
    await amendStoredInspection('I1', { landUse: '工业厂房' }, '补记土地用途', BY, MORNING + 40, db);
    const r = (await getInspection('I1', db))!;
    expect(await stored()).toEqual(summaryRecordOf(r));
    expect(await stored()).toMatchObject({ ...summaryOf(r), status: 'filed', filed: true, updatedAt: MORNING + 40 });
    const read = await listInspectionSummaries(db);
    expect(read.rebuilt).toBe(0);
    expect(read.summaries).toEqual([summaryRecordOf(r)]);
  });

  it('of the previous version (without the outline) are made again from their records on the first read, and stored', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' }, geometry: plot }, BY, MORNING, PATTERN, db);
    const current = (await db.inspectionSummaries.get('I1'))!;
    const { outline: _outline, ...v1 } = current;
    await db.inspectionSummaries.put({ ...v1, v: 1 } as never);
    const read = await listInspectionSummaries(db);
    expect(read.rebuilt).toBe(1);
    expect(read.summaries).toEqual([current]);
    expect(await db.inspectionSummaries.get('I1')).toEqual(current);
    expect((await listInspectionSummaries(db)).rebuilt).toBe(0);
  });

  it('a failed write leaves the summary as it was (the record and its summary in one transaction)', async () => {
    const db = fresh();
    await addInspection({ id: 'I1', source: { kind: 'drawn' } }, BY, MORNING, PATTERN, db);
    const before = await db.inspectionSummaries.get('I1');
    vi.spyOn(db.inspectionSummaries, 'put').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(saveStoredInspection('I1', { description: '新堆土' }, BY, MORNING + 1, db)).rejects.toThrow(/quota/);
    expect((await getInspection('I1', db))!.description).toBe('');
    expect(await db.inspectionSummaries.get('I1')).toEqual(before);
    // A new record whose summary cannot be written is not stored either.
    vi.spyOn(db.inspectionSummaries, 'put').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(addInspection({ id: 'I3', source: { kind: 'drawn' } }, BY, MORNING + 3, PATTERN, db)).rejects.toThrow(/quota/);
    expect(await getInspection('I3', db)).toBeNull();
    expect((await listInspectionSummaries(db)).summaries.map((x) => x.id)).toEqual(['I1']);
  });

  it('are rebuilt once from the records where missing (written before the store), stale or unreadable, and stored', async () => {
    const idb = new IDBFactory();
    const db = fresh(idb);
    for (const [i, id] of ['I1', 'I2', 'I3', 'I4'].entries())
      await addInspection({ id, source: { kind: 'drawn' }, geometry: plot }, BY, MORNING + i, PATTERN, db);
    await submitStoredInspection('I2', FILLED, BY, MORNING + 100, db);
    const i2 = (await getInspection('I2', db))!;
    // I1: no summary (a record written before the store existed); I2: a summary of an older state (a write that did
    // not come through the repository: updatedAt differs); I3: an unreadable summary; I4: as written.
    await db.inspectionSummaries.delete('I1');
    await db.inspectionSummaries.put({ ...summaryRecordOf(i2), status: 'pending', updatedAt: MORNING + 1 });
    await db.inspectionSummaries.put({ id: 'I3', v: 1, status: 'nonsense' } as never);
    // And an unreadable record (skipped, as listInspections skips it) and a summary without a record (not listed).
    await db.inspections.put({ id: 'broken', number: 'x', updatedAt: 5 } as unknown as Inspection);
    await db.inspectionSummaries.put({ ...summaryRecordOf(i2), id: 'gone' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const first = await listInspectionSummaries(db);
    // The read makes the missing and the unreadable ones; the check by updatedAt the stale one.
    expect(first.rebuilt).toBe(2);
    expect(first.summaries.find((s) => s.id === 'I2')).toMatchObject({ status: 'pending', updatedAt: MORNING + 1 });
    const stale = await staleInspectionSummaries(first.summaries, db);
    expect(stale.map((s) => s.id)).toEqual(['I2']);
    expect(stale[0]).toMatchObject({ status: 'checked', updatedAt: MORNING + 100 });
    expect(await staleInspectionSummaries(first.summaries.filter((s) => s.id !== 'I2').concat(stale), db)).toEqual([]);
    const records = await listInspections(db);
    const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    const fixed = first.summaries.map((s) => stale.find((x) => x.id === s.id) ?? s);
    expect(byId(fixed)).toEqual(byId(records.map(summaryRecordOf)));
    // Stored: the next read (another open of the database) rebuilds nothing but the unreadable record's, which it
    // cannot make, and lists the same.
    db.close();
    const again = fresh(idb);
    expect(await again.inspectionSummaries.get('I1')).toEqual(summaryRecordOf(records.find((r) => r.id === 'I1')!));
    const second = await listInspectionSummaries(again);
    expect(second.rebuilt).toBe(0);
    expect(byId(second.summaries)).toEqual(byId(fixed));
    expect(await staleInspectionSummaries(second.summaries, again)).toEqual([]);
    again.close();
  });
});
