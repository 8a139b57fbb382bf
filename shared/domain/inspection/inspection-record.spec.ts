import { describe, expect, it } from 'vitest';
import { checkForSubmit, canSubmit } from './form';
import { verifyHistory } from './history';
import {
  amendInspection,
  createInspection,
  hashedState,
  moveInspectionStatus,
  restoreInspection,
  saveInspectionDraft,
  submitInspection,
  type Inspection,
} from './inspection-record';

const T0 = Date.UTC(2026, 3, 20, 2, 0); // 10:00 China time
const patch = { kind: 'patch' as const, layerId: 'L1', featureId: 7, patchNo: 'WP-2026-0012' };
const verifies = (r: Inspection) => verifyHistory(r.history, hashedState(r)).ok;

const filled = {
  number: '某某所核〔2026〕012号',
  taskNo: 'WP-2026-0012',
  location: { township: '杏园镇', village: '杏园村', areaId: null, place: '村东 200 米' },
  inspectedAt: T0,
  inspectors: [
    { name: '张三', certNo: '鲁自然执 001' },
    { name: '李四', certNo: '鲁自然执 002' },
  ],
  party: { kind: 'unit' as const, name: '某某建材有限公司', idNo: '91350100M000100Y43', contact: '138', address: '' },
  construction: 'building' as const,
  conclusion: 'illegal' as const,
  violationTypes: ['未报即用' as const],
  description: '在永久基本农田上建厂房，已浇筑地基。',
  stopNotice: { number: '杏国土停〔2026〕3号', date: '2026-04-20' as never },
};

describe('an inspection through its life', () => {
  it('is saved as a draft, submitted, moved along its statuses and amended, every step in a chain that verifies', () => {
    let r = createInspection({ id: 'I1', source: patch, taskNo: 'WP-2026-0012' }, '张三', T0);
    expect(r).toMatchObject({ status: 'pending', submittedAt: null, taskNo: 'WP-2026-0012' });
    expect(verifies(r)).toBe(true);

    const saved = saveInspectionDraft(r, filled, '张三', T0 + 60_000);
    expect(saved.ok && saved.changes.map((c) => c.field)).toContain('description');
    r = saved.ok ? saved.record : r;
    expect(canSubmit(checkForSubmit(r, T0 + 120_000))).toBe(true);

    const sub = submitInspection(r, '张三', T0 + 120_000);
    r = sub.ok ? sub.record : r;
    expect(r).toMatchObject({ status: 'checked', submittedAt: T0 + 120_000 });
    expect(saveInspectionDraft(r, { description: '改' }, '张三', T0 + 130_000)).toEqual({ ok: false, reason: 'submittedReadOnly' });
    expect(amendInspection(r, { description: '改' }, '  ', '张三', T0 + 130_000)).toEqual({ ok: false, reason: 'reasonRequired' });

    const am = amendInspection(r, { description: '在永久基本农田上建厂房，已浇筑地基约 300 平方米。' }, '补充面积', '李四', T0 + 140_000);
    r = am.ok ? am.record : r;
    const last = r.history[r.history.length - 1]!;
    expect(last).toMatchObject({ kind: 'amended', reason: '补充面积', by: '李四', changes: [{ field: 'description' }] });

    expect(moveInspectionStatus(r, 'pending', '李四', T0 + 150_000)).toEqual({ ok: false, reason: 'badMove' });
    const stopped = moveInspectionStatus(r, 'stopped', '李四', T0 + 150_000);
    r = stopped.ok ? stopped.record : r;
    expect(r.status).toBe('stopped');
    expect(r.history.map((e) => e.kind)).toEqual(['created', 'saved', 'submitted', 'amended', 'status']);
    expect(verifies(r)).toBe(true);

    // Read back as the database would hand it over: still the same record, still verifying.
    const back = restoreInspection(JSON.parse(JSON.stringify(r)));
    expect(back.ok && back.value).toEqual(r);
    expect(back.ok && verifies(back.value)).toBe(true);
    // A silent edit of the stored content is seen.
    const tampered = restoreInspection({ ...JSON.parse(JSON.stringify(r)), description: '无' });
    expect(tampered.ok && verifyHistory(tampered.value.history, hashedState(tampered.value))).toMatchObject({ ok: false, reason: 'contentChanged' });
  });

  it('needs a stop notice to be 已制止, and writes nothing for a save that changes nothing', () => {
    const r = createInspection({ id: 'I2', source: { kind: 'drawn' } }, '张三', T0);
    const s = submitInspection(r, '张三', T0 + 1);
    expect(s.ok && moveInspectionStatus(s.record, 'stopped', '张三', T0 + 2)).toEqual({ ok: false, reason: 'stopNoticeRequired' });
    const same = saveInspectionDraft(r, { description: '' }, '张三', T0 + 3);
    expect(same.ok && same.record).toBe(r);
  });

  it('refuses a stored record whose history is not a chain of entries, rather than repairing evidence', () => {
    const r = createInspection({ id: 'I3', source: { kind: 'typed' } }, '张三', T0);
    expect(restoreInspection({ ...r, history: [] })).toMatchObject({ ok: false, reason: 'badHistory' });
    expect(restoreInspection({ ...r, history: [{ ...r.history[0], hash: 'x' }] })).toMatchObject({ ok: false, reason: 'badHistory' });
    expect(restoreInspection({ ...r, status: 'archived' })).toMatchObject({ ok: false, reason: 'badStatus' });
  });
});

describe('the 界址点 (record version 2)', () => {
  const points = [
    { name: 'J1', x: 3820000, y: 39512000, h: null, ring: 1, method: 'rtk' as const },
    { name: 'J2', x: 3820000, y: 39512030, h: 12.5, ring: 1, method: 'rtk' as const },
    { name: 'J3', x: 3819970, y: 39512030, h: null, ring: 1, method: null },
  ];

  it('brings a version 1 record up with no points, and its chain still verifies', () => {
    const r = createInspection({ id: 'I5', source: patch, description: '旧记录' }, '张三', T0);
    // The record as version 1 stored it: no surveyPoints field, hashed without it.
    const { surveyPoints: _none, siteRecord: _later, ...rest } = JSON.parse(JSON.stringify(r)) as Inspection;
    const v1 = { ...rest, v: 1 };
    const back = restoreInspection(v1);
    expect(back.ok && back.repaired).toBeUndefined();
    expect(back.ok && back.value).toMatchObject({ v: 3, surveyPoints: [], description: '旧记录' });
    expect(back.ok && verifies(back.value)).toBe(true);
  });

  it('keeps the points with their method, hashes them, and repairs a malformed list to empty', () => {
    const r = createInspection({ id: 'I6', source: { kind: 'survey', file: 'J.dat' }, surveyPoints: points }, '张三', T0);
    expect(verifies(r)).toBe(true);
    const back = restoreInspection(JSON.parse(JSON.stringify(r)));
    expect(back.ok && back.value.surveyPoints).toEqual(points);
    const moved = restoreInspection({ ...JSON.parse(JSON.stringify(r)), surveyPoints: [{ ...points[0], x: 3820000.001 }, points[1], points[2]] });
    expect(moved.ok && verifyHistory(moved.value.history, hashedState(moved.value))).toMatchObject({ ok: false, reason: 'contentChanged' });
    const bad = restoreInspection({ ...JSON.parse(JSON.stringify(r)), surveyPoints: [{ ...points[0], method: 'laser' }] });
    expect(bad.ok && bad.value.surveyPoints).toEqual([]);
    expect(bad.ok && bad.repaired).toEqual([{ path: 'surveyPoints', code: 'defaulted' }]);
    const saved = saveInspectionDraft(r, { surveyPoints: points.slice(0, 2) }, '张三', T0 + 1);
    expect(saved.ok && saved.changes.map((c) => c.field)).toEqual(['surveyPoints']);
  });
});

describe('the form before submission', () => {
  const base = createInspection({ id: 'I4', source: patch }, '张三', T0);

  it('says what is missing, next to each field', () => {
    const issues = checkForSubmit(base, T0);
    expect(issues.filter((i) => i.code === 'required').map((i) => i.field)).toEqual([
      'number',
      'location.township',
      'location.place',
      'inspectedAt',
      'construction',
      'conclusion',
      'description',
    ]);
    expect(issues).toContainEqual({ field: 'inspectors', code: 'inspectorsTooFew', severity: 'error' });
    expect(canSubmit(issues)).toBe(false);
  });

  it('wants two different inspectors with certificates, no future dates, a checked party number', () => {
    const c = {
      ...base,
      ...filled,
      inspectors: [
        { name: '张三', certNo: '001' },
        { name: '张三', certNo: '001' },
        { name: '王五', certNo: '' },
      ],
      inspectedAt: T0 + 86_400_000,
      useSince: '2027-01-01' as never,
      party: { kind: 'person' as const, name: '王某', idNo: '110105194912310021', contact: '', address: '' },
    };
    expect(checkForSubmit(c, T0)).toEqual([
      { field: 'inspectedAt', code: 'inFuture', severity: 'error' },
      { field: 'inspectors.1', code: 'inspectorsSame', severity: 'error' },
      { field: 'inspectors.2.certNo', code: 'certNoMissing', severity: 'error' },
      { field: 'useSince', code: 'inFuture', severity: 'error' },
      { field: 'party.idNo', code: 'idNo.badCheckDigit', severity: 'error' },
    ]);
  });

  it('warns, without refusing, on a unit’s code that fails the check (pilot-era codes are lawful)', () => {
    const c = { ...base, ...filled, party: { ...filled.party, idNo: '91350100M0001TGQXM' } };
    const issues = checkForSubmit(c, T0 + 60_000);
    expect(issues).toEqual([{ field: 'party.idNo', code: 'idNo.badCheckDigit', severity: 'warning' }]);
    expect(canSubmit(issues)).toBe(true);
  });
});

describe('the 现场勘测笔录 facts (record version 3)', () => {
  const site = {
    startedAt: T0,
    endedAt: T0 + 45 * 60_000,
    witnesses: [{ name: '王五', idNo: '', contact: '139' }],
    instrument: 'GNSS RTK',
    method: 'RTK 实测界址点',
    boundaries: { east: '村道', south: '耕地', west: '沟渠', north: '林地' },
    partyPresent: true,
    refusal: '',
  };

  it('brings a version 2 record up with no site record, and its chain still verifies', () => {
    const r = createInspection({ id: 'I7', source: patch, description: '旧记录' }, '张三', T0);
    const saved = saveInspectionDraft(r, { surveyPoints: [{ name: 'J1', x: 1, y: 2, h: null, ring: 1, method: null }] }, '张三', T0 + 1);
    // The record as version 2 stored it: no siteRecord field, hashed without it.
    const { siteRecord: _none, ...rest } = JSON.parse(JSON.stringify(saved.ok ? saved.record : r)) as Inspection;
    const v2 = { ...rest, v: 2 };
    const back = restoreInspection(v2);
    expect(back.ok && back.repaired).toBeUndefined();
    expect(back.ok && back.value).toMatchObject({ v: 3, siteRecord: null, description: '旧记录' });
    expect(back.ok && verifies(back.value)).toBe(true);
    // And a version 1 record goes through both steps.
    const { surveyPoints: _p, ...v1rest } = JSON.parse(JSON.stringify(r)) as Inspection;
    const { siteRecord: _s, ...v1 } = { ...v1rest, v: 1 };
    const back1 = restoreInspection(v1);
    expect(back1.ok && back1.value).toMatchObject({ v: 3, surveyPoints: [], siteRecord: null });
    expect(back1.ok && verifies(back1.value)).toBe(true);
  });

  it('hashes the site record: a change is one history entry, a silent edit breaks the chain, a malformed one is repaired to null', () => {
    const r = createInspection({ id: 'I8', source: patch }, '张三', T0);
    const saved = saveInspectionDraft(r, { siteRecord: site }, '张三', T0 + 1);
    expect(saved.ok && saved.changes.map((c) => c.field)).toEqual(['siteRecord']);
    const s1 = saved.ok ? saved.record : r;
    expect(s1.history).toHaveLength(2);
    expect(verifies(s1)).toBe(true);
    const again = saveInspectionDraft(s1, { siteRecord: { ...site, refusal: '当事人称不认可面积' } }, '张三', T0 + 2);
    const s2 = again.ok ? again.record : s1;
    expect(s2.history).toHaveLength(3);
    expect(s2.history[2]).toMatchObject({ changes: [{ field: 'siteRecord', after: { refusal: '当事人称不认可面积' } }] });
    expect(verifies(s2)).toBe(true);
    const stored = JSON.parse(JSON.stringify(s2)) as Inspection;
    const back = restoreInspection(stored);
    expect(back.ok && back.value.siteRecord).toEqual({ ...site, refusal: '当事人称不认可面积' });
    const edited = restoreInspection({ ...stored, siteRecord: { ...stored.siteRecord, endedAt: T0 + 60 * 60_000 } });
    expect(edited.ok && verifyHistory(edited.value.history, hashedState(edited.value))).toMatchObject({ ok: false, reason: 'contentChanged' });
    const bad = restoreInspection({ ...stored, siteRecord: { ...stored.siteRecord, witnesses: [{ name: '王五' }] } });
    expect(bad.ok && bad.value.siteRecord).toBeNull();
    expect(bad.ok && bad.repaired).toEqual([{ path: 'siteRecord', code: 'defaulted' }]);
  });
});
