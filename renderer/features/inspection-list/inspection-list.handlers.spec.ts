import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { addInspection, moveStoredInspection, saveStoredInspection, submitStoredInspection } from '../../db';
import type { RequestContext } from '../../platform/worker-host';
import { listHandlers } from './inspection-list.handlers';

// The handlers read the app's default database (getDb), which fake-indexeddb provides in Node.
const ctx = { progress: () => undefined, transfer: () => undefined, signal: new AbortController().signal } as RequestContext<never>;
const plot: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [117, 35],
      [117.001, 35],
      [117.001, 35.001],
      [117, 35],
    ],
  ],
};
const at = Date.UTC(2026, 3, 20, 2);
const where = (township: string, village: string) => ({ location: { township, village, areaId: null, place: '东侧' } });
const inspectors = [
  { name: '张三', certNo: '鲁执0012' },
  { name: '李四', certNo: '鲁执0031' },
];

describe('the list worker', () => {
  it('answers from the stored records, keeps them until the data version changes, and reads every write then', async () => {
    const a = await addInspection({ id: 'Ia', source: { kind: 'drawn' }, geometry: plot, ...where('石桥镇', '青石村') }, '张三', at);
    const b = await addInspection(
      { id: 'Ib', source: { kind: 'tip', channel: '12336', reporter: '', reportedAt: null, content: '' }, ...where('杏园镇', '杏园村') },
      '张三',
      at + 1,
    );
    expect(a.ok && b.ok).toBe(true);

    const q0 = await listHandlers.query({ dataVersion: 0, filter: {}, sort: null }, ctx);
    expect(q0).toMatchObject({ total: 2, count: 2, choices: { townships: ['石桥镇', '杏园镇'] } });
    expect(q0.head.map((r) => r.id)).toEqual(['Ib', 'Ia']);
    expect(q0.townships.at(-1)!.counts).toMatchObject({ pending: 2, total: 2 });

    // A write the UI has not announced yet is not seen (the held rows answer) …
    const submitted = await submitStoredInspection(
      'Ia',
      {
        inspectedAt: at + 10,
        inspectors,
        conclusion: 'illegal',
        violationTypes: ['未报即用'],
        party: { kind: 'person', name: '王五', idNo: '', contact: '', address: '' },
        construction: 'building',
        description: '在建厂房',
      },
      '张三',
      at + 20,
    );
    expect(submitted.ok).toBe(true);
    expect((await listHandlers.query({ dataVersion: 0, filter: { statuses: ['checked'] }, sort: null }, ctx)).count).toBe(0);
    // … and once the version moves on, the list, the counts and the map follow it.
    expect((await moveStoredInspection('Ia', 'filed', null, '张三', at + 30)).ok).toBe(true);
    expect((await saveStoredInspection('Ib', { ...where('石桥镇', '柳河村') }, '张三', at + 40)).ok).toBe(true);
    const q1 = await listHandlers.query({ dataVersion: 1, filter: { township: '石桥镇' }, sort: { key: 'status', dir: 'asc' } }, ctx);
    expect(q1.head.map((r) => [r.id, r.status, r.village])).toEqual([
      ['Ib', 'pending', '柳河村'],
      ['Ia', 'filed', '青石村'],
    ]);
    expect(q1.townships.map((r) => r.township)).toEqual(['石桥镇', '*']);
    expect(q1.townships[0]!.cases).toEqual({ illegal: 1, filed: 1, closedCases: 0, filingRate: 1, closingRate: 0 });
    expect(q1.choices.villages['石桥镇']).toEqual(['柳河村', '青石村']);

    const map = await listHandlers.map({ dataVersion: 1, filter: {} }, ctx);
    expect(map.ids).toEqual(['Ia']);
    expect(map.unplaced).toBe(1);
    expect(map.byStatus.filed.features).toHaveLength(2);

    // Rows page through the last query; an earlier query's pages are refused as stale.
    expect((await listHandlers.rows({ querySeq: q1.querySeq, from: 1, to: 5 }, ctx)).rows.map((r) => r.id)).toEqual(['Ia']);
    const q2 = await listHandlers.query({ dataVersion: 1, filter: {}, sort: { key: 'number', dir: 'desc' } }, ctx);
    expect(await listHandlers.rows({ querySeq: q1.querySeq, from: 1, to: 5 }, ctx)).toMatchObject({ stale: true, rows: [] });
    const page = await listHandlers.rows({ querySeq: q2.querySeq, from: 1, to: 5 }, ctx);
    expect(page.stale).toBe(false);
    expect(page.rows.map((r) => r.number)).toEqual([q2.head[1]!.number]);
  });
});
