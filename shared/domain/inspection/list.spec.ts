import { describe, expect, it } from 'vitest';
import type { DateKey } from '../patrol/calendar';
import { createInspection, moveInspectionStatus, saveInspectionDraft, submitInspection, type Inspection } from './inspection-record';
import {
  caseFiguresOf,
  compareNewestFirst,
  countByTownship,
  filterInspections,
  filterSorted,
  summaryOf,
  townshipFigures,
  type InspectionSummary,
} from './list';

const s = (over: Partial<InspectionSummary>): InspectionSummary => ({
  id: 'x',
  number: '核〔2026〕001号',
  taskNo: '',
  status: 'pending',
  conclusion: null,
  source: 'patch',
  township: '杏园镇',
  village: '杏园村',
  place: '',
  partyName: '',
  day: '2026-04-20' as DateKey,
  submitted: false,
  updatedAt: 0,
  photoCount: 0,
  filed: false,
  ...over,
});

const all = [
  s({ id: 'a', status: 'stopped', conclusion: 'illegal', partyName: '某某建材有限公司', day: '2026-04-21' as DateKey }),
  s({ id: 'b', status: 'closed', conclusion: 'falseChange', township: '石桥镇', village: '石桥村', source: 'tip' }),
  s({ id: 'c', status: 'pending', taskNo: 'WP-0012', day: '2026-03-02' as DateKey }),
  s({ id: 'd', status: 'filed', conclusion: 'illegal', township: '', day: '2026-04-21' as DateKey, updatedAt: 5 }),
];

describe('the inspection list', () => {
  it('filters by every criterion and by words, newest first', () => {
    expect(filterInspections(all, {}).map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(filterInspections(all, { conclusions: ['illegal'] }).map((x) => x.id)).toEqual(['d', 'a']);
    expect(filterInspections(all, { township: '杏园镇', from: '2026-04-01' as DateKey }).map((x) => x.id)).toEqual(['a']);
    expect(filterInspections(all, { text: '建材 杏园' }).map((x) => x.id)).toEqual(['a']);
    expect(filterInspections(all, { text: 'wp-0012' }).map((x) => x.id)).toEqual(['c']);
    expect(filterInspections(all, { sources: ['tip'], statuses: ['closed'] }).map((x) => x.id)).toEqual(['b']);
    expect(filterInspections(all, { conclusions: [null] }).map((x) => x.id)).toEqual(['c']);
  });

  it('filters summaries held in its order to the same answer without sorting them again', () => {
    const sorted = [...all].sort(compareNewestFirst);
    expect(sorted.map((x) => x.id)).toEqual(['d', 'a', 'b', 'c']);
    const filters = [
      {},
      { conclusions: ['illegal' as const] },
      { text: '建材 杏园' },
      { statuses: ['pending' as const, 'closed' as const] },
      { township: '' },
    ];
    for (const f of filters) expect(filterSorted(sorted, f), JSON.stringify(f)).toEqual(filterInspections(all, f));
    // The held array is never the answer itself (the worker keeps its own order).
    expect(filterSorted(sorted, {})).not.toBe(sorted);
  });

  it('counts records by status per township, with the total', () => {
    const rows = countByTownship(all);
    expect(rows.map((r) => r.township)).toEqual(['石桥镇', '杏园镇', '', '*']);
    expect(rows.find((r) => r.township === '杏园镇')!.counts).toEqual({ pending: 1, checked: 0, stopped: 1, filed: 0, closed: 0, total: 2 });
    expect(rows.at(-1)!.counts.total).toBe(4);
  });

  it('says whether a record was ever filed, and counts its photos', () => {
    const at = Date.UTC(2026, 3, 20, 2);
    const step = (r: { ok: boolean; record?: Inspection }): Inspection => {
      if (!r.ok || !r.record) throw new Error('refused');
      return r.record;
    };
    const draft = createInspection({ id: 'I1', source: { kind: 'drawn' }, photoHashes: ['a'.repeat(64), 'b'.repeat(64)] }, '张三', at);
    const checked = step(submitInspection(step(saveInspectionDraft(draft, { conclusion: 'illegal' }, '张三', at + 1)), '张三', at + 2));
    const filed = step(moveInspectionStatus(checked, 'filed', '张三', at + 3));
    const closedCase = step(moveInspectionStatus(filed, 'closed', '张三', at + 4));
    const closedAtOnce = step(moveInspectionStatus(checked, 'closed', '张三', at + 4));
    expect(summaryOf(draft)).toMatchObject({ photoCount: 2, filed: false, day: '2026-04-20', status: 'pending' });
    expect(summaryOf(filed).filed).toBe(true);
    expect(summaryOf(closedCase)).toMatchObject({ filed: true, status: 'closed' });
    expect(summaryOf(closedAtOnce)).toMatchObject({ filed: false, status: 'closed' });
  });

  it('gives 立案率 among illegal records and 结案率 among filed ones, null without a denominator', () => {
    const cases = [
      s({ id: '1', conclusion: 'illegal', status: 'stopped' }),
      s({ id: '2', conclusion: 'illegal', status: 'filed', filed: true }),
      s({ id: '3', conclusion: 'illegal', status: 'closed', filed: true }),
      s({ id: '4', conclusion: 'illegal', status: 'closed', filed: false }),
      s({ id: '5', conclusion: 'legal', status: 'closed', township: '石桥镇' }),
    ];
    expect(caseFiguresOf(cases)).toEqual({ illegal: 4, filed: 2, closedCases: 1, filingRate: 0.5, closingRate: 0.5 });
    expect(caseFiguresOf([])).toEqual({ illegal: 0, filed: 0, closedCases: 0, filingRate: null, closingRate: null });
    const rows = townshipFigures(cases);
    expect(rows.map((r) => r.township)).toEqual(['石桥镇', '杏园镇', '*']);
    expect(rows[0]!.cases.filingRate).toBeNull();
    expect(rows[1]!.cases).toMatchObject({ illegal: 4, filed: 2 });
    expect(rows[2]!.counts.total).toBe(5);
  });
});
