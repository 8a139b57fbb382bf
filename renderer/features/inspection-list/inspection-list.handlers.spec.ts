import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { addInspection, moveStoredInspection, saveStoredInspection, submitStoredInspection } from '../../db';
import type { RequestContext } from '../../platform/worker-host';
import { listHandlers, summariesChecked } from './inspection-list.handlers';

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

/** A request on the app database's summary store with the raw IndexedDB API (as another writer would). */
function summaryStore(run: (s: IDBObjectStore) => IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('landpatrol');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('inspectionSummaries', 'readwrite');
      const q = run(tx.objectStore('inspectionSummaries'));
      tx.oncomplete = () => {
        open.result.close();
        resolve(q.result);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

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
    // The features as one collection's text in a Blob (for the map's tile worker), the plot from the summary.
    const features = (JSON.parse(await map.blob.text()) as FeatureCollection).features;
    expect(features.map((f) => [f.geometry.type, f.properties])).toEqual([
      ['Polygon', { fid: 0, status: 'filed' }],
      ['Point', { fid: 0, status: 'filed' }],
    ]);
    expect(features[0]!.geometry).toEqual(plot);
    expect(map.counts.filed).toBe(1);

    // Rows page through the last query; an earlier query's pages are refused as stale.
    expect((await listHandlers.rows({ querySeq: q1.querySeq, from: 1, to: 5 }, ctx)).rows.map((r) => r.id)).toEqual(['Ia']);
    const q2 = await listHandlers.query({ dataVersion: 1, filter: {}, sort: { key: 'number', dir: 'desc' } }, ctx);
    expect(await listHandlers.rows({ querySeq: q1.querySeq, from: 1, to: 5 }, ctx)).toMatchObject({ stale: true, rows: [] });
    const page = await listHandlers.rows({ querySeq: q2.querySeq, from: 1, to: 5 }, ctx);
    expect(page.stale).toBe(false);
    expect(page.rows.map((r) => r.number)).toEqual([q2.head[1]!.number]);
  });

  it('reads the summaries the store lacks from the records once, stores them, and lists what it listed before', async () => {
    const before = await listHandlers.query({ dataVersion: 2, filter: {}, sort: null }, ctx);
    // As a database whose records were written before the summary store existed.
    await summaryStore((s) => s.clear());
    const q = await listHandlers.query({ dataVersion: 3, filter: {}, sort: null }, ctx);
    expect(q.head).toEqual(before.head);
    expect(q.townships).toEqual(before.townships);
    expect(((await summaryStore((s) => s.getAllKeys())) as string[]).sort()).toEqual(['Ia', 'Ib']);
    const map = await listHandlers.map({ dataVersion: 3, filter: {} }, ctx);
    expect(map.ids).toEqual(['Ia']);
    expect(await summariesChecked(3)).toBe(0);
  });

  it('answers at once from the summaries, then finds a stale one by its updatedAt and shows it made again', async () => {
    // A summary of an older state (as a write that bypassed the repository would leave it).
    const stored = (await summaryStore((s) => s.get('Ia'))) as Record<string, unknown>;
    await summaryStore((s) => s.put({ ...stored, status: 'pending', updatedAt: 1 }));
    const first = await listHandlers.query({ dataVersion: 4, filter: { statuses: ['filed'] }, sort: null }, ctx);
    expect(first.count).toBe(0);
    expect(await summariesChecked(4)).toBe(1);
    const again = await listHandlers.query({ dataVersion: 4, filter: { statuses: ['filed'] }, sort: null }, ctx);
    expect(again.head.map((r) => r.id)).toEqual(['Ia']);
    expect(await summaryStore((s) => s.get('Ia'))).toEqual(stored);
  });
});
