import { describe, expect, it } from 'vitest';
import { createInspection, saveInspectionDraft } from '../../../../shared/domain/inspection/inspection-record';
import { verifyHistory } from '../../../../shared/domain/inspection/history';
import { hashedState } from '../../../../shared/domain/inspection/inspection-record';
import {
  beijingInputText,
  canSaveSiteRecord,
  draftOfSiteRecord,
  parseBeijingInput,
  siteRecordChanged,
  siteRecordIssues,
  siteRecordOfDraft,
} from './site-record.logic';

const T0 = Date.UTC(2026, 3, 20, 1, 30); // 09:30 Beijing
const NOW = T0 + 3 * 3600_000;

describe('the 现场勘测笔录 section’s draft', () => {
  it('starts from the 核查时间 when the record has no site facts, and saves nothing until something is entered', () => {
    const d = draftOfSiteRecord(null, T0);
    expect(d).toMatchObject({ startedText: '2026-04-20T09:30', endedText: '', witnesses: [], partyPresent: true });
    expect(siteRecordChanged(null, T0, d)).toBe(false);
    expect(siteRecordChanged(null, T0, { ...d, instrument: 'RTK' })).toBe(true);
    expect(parseBeijingInput('2026-04-20T09:30')).toBe(T0);
    expect(beijingInputText(T0)).toBe('2026-04-20T09:30');
    expect(parseBeijingInput('2026-02-30T09:30')).toBeNull();
  });

  it('becomes the record value: texts trimmed, empty witness rows dropped, Beijing times to epoch ms', () => {
    const d = {
      ...draftOfSiteRecord(null, T0),
      endedText: '2026-04-20T10:45',
      witnesses: [
        { name: ' 赵德明 ', idNo: '11010519491231002x', contact: '139' },
        { name: '', idNo: '', contact: '' },
      ],
      instrument: ' GNSS RTK ',
      east: '村道',
      refusal: '  ',
    };
    expect(siteRecordOfDraft(d)).toEqual({
      startedAt: T0,
      endedAt: T0 + 75 * 60_000,
      witnesses: [{ name: '赵德明', idNo: '11010519491231002X', contact: '139' }],
      instrument: 'GNSS RTK',
      method: '',
      boundaries: { east: '村道', south: '', west: '', north: '' },
      partyPresent: true,
      refusal: '',
    });
    // Saved through the record's own save: one history entry, the chain verifies, and the draft shows it back unchanged.
    const r = createInspection({ id: 'I1', source: { kind: 'drawn' }, inspectedAt: T0 }, '张三', T0);
    const s = saveInspectionDraft(r, { siteRecord: siteRecordOfDraft(d) }, '张三', T0 + 1);
    expect(s.ok && s.changes.map((c) => c.field)).toEqual(['siteRecord']);
    expect(s.ok && verifyHistory(s.record.history, hashedState(s.record)).ok).toBe(true);
    const stored = s.ok ? s.record.siteRecord : null;
    expect(siteRecordChanged(stored, T0, draftOfSiteRecord(stored, T0))).toBe(false);
  });

  it('names what is wrong, by field: an end before the start, a time in the future, a witness without a name', () => {
    const d = { ...draftOfSiteRecord(null, T0), endedText: '2026-04-20T09:00', witnesses: [{ name: '', idNo: '', contact: '139' }] };
    expect(siteRecordIssues(d, NOW)).toEqual([
      { field: 'endedAt', code: 'endBeforeStart', severity: 'error' },
      { field: 'witnesses.0.name', code: 'witnessName', severity: 'error' },
    ]);
    expect(canSaveSiteRecord(siteRecordIssues(d, NOW))).toBe(false);
    expect(siteRecordIssues({ ...d, endedText: '2026-04-21T09:00', witnesses: [] }, NOW)).toEqual([
      { field: 'endedAt', code: 'inFuture', severity: 'error' },
    ]);
    expect(siteRecordIssues({ ...d, startedText: '昨天', endedText: '', witnesses: [] }, NOW)).toEqual([
      { field: 'startedAt', code: 'badTime', severity: 'error' },
    ]);
  });

  it('warns, without refusing, on a witness ID that fails its check and a refusal from an absent party', () => {
    const d = {
      ...draftOfSiteRecord(null, T0),
      witnesses: [{ name: '赵', idNo: '110105194912310021', contact: '' }],
      partyPresent: false,
      refusal: '拒签',
    };
    const issues = siteRecordIssues(d, NOW);
    expect(issues).toEqual([
      { field: 'witnesses.0.idNo', code: 'witnessIdNo', severity: 'warning' },
      { field: 'refusal', code: 'refusalAbsent', severity: 'warning' },
    ]);
    expect(canSaveSiteRecord(issues)).toBe(true);
  });
});
