import { describe, expect, it } from 'vitest';
import type { DateKey } from '../patrol/calendar';
import { countByTownship, filterInspections, type InspectionSummary } from './list';

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

  it('counts records by status per township, with the total', () => {
    const rows = countByTownship(all);
    expect(rows.map((r) => r.township)).toEqual(['石桥镇', '杏园镇', '', '*']);
    expect(rows.find((r) => r.township === '杏园镇')!.counts).toEqual({ pending: 1, checked: 0, stopped: 1, filed: 0, closed: 0, total: 2 });
    expect(rows.at(-1)!.counts.total).toBe(4);
  });
});
