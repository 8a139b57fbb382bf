/**
 * The list worker's state and answers: every stored inspection's summary read through renderer/db
 * (listInspectionSummaries: the small summary store, made from the records where missing), kept as the list's rows
 * in its newest-first order until the data version changes, filtered (one pass, no sort: filterSorted) and sorted
 * by a column only when one is chosen, per query, paged by `rows`. Once the rows are answered, the summaries are
 * checked against the records' updatedAt (staleInspectionSummaries, a key cursor) and any stale one is made again,
 * stored and put in the held rows, so the next query shows it. The map is drawn from the same rows (the summaries'
 * centres and outlines): no record is read for it.
 */
import { compareNewestFirst, filterSorted, townshipFigures } from '../../../shared/domain/inspection/list';
import { listInspectionSummaries, staleInspectionSummaries } from '../../db';
import type { Handlers } from '../../platform/worker-host';
import { choicesOf, mapDataOf, sortRows, type ListRow } from './inspection-list.logic';
import { ROW_BLOCK, type InspectionListProtocol } from './inspection-list.protocol';

interface Held {
  /** Newest first (compareNewestFirst). */
  rows: ListRow[];
  choices: ReturnType<typeof choicesOf>;
  readMs: number;
  /** Summaries the read had to make from their records (0 once they are stored). */
  rebuilt: number;
  /** The check against the records' updatedAt, started once the rows are read; resolves with how many were stale. */
  checked: Promise<number>;
}
let held: Promise<Held> | null = null;
let heldVersion = -1;
/** The last query's rows in the table's order: what `rows` pages through. */
let last: { seq: number; rows: ListRow[] } = { seq: 0, rows: [] };

async function read(): Promise<Held> {
  const t0 = performance.now();
  const { summaries, rebuilt } = await listInspectionSummaries();
  summaries.sort(compareNewestFirst);
  const h: Held = { rows: summaries, choices: choicesOf(summaries), readMs: performance.now() - t0, rebuilt, checked: Promise.resolve(0) };
  h.checked = new Promise<void>((r) => setTimeout(r, 0))
    .then(() => staleInspectionSummaries(summaries))
    .then(
      (stale) => {
        if (stale.length > 0) {
          const fresh = new Map(stale.map((x) => [x.id, x]));
          h.rows = h.rows.map((x) => fresh.get(x.id) ?? x).sort(compareNewestFirst);
          h.choices = choicesOf(h.rows);
        }
        return stale.length;
      },
      // A failed check leaves the rows as read (a completed save's summary is right; the next version checks again).
      () => 0,
    );
  return h;
}

/** The held read's check of its summaries (the spec waits for it). */
export const summariesChecked = async (dataVersion: number): Promise<number> => (await heldFor(dataVersion)).checked;

function heldFor(version: number): Promise<Held> {
  if (!held || heldVersion !== version) {
    heldVersion = version;
    held = read();
    // A failed read is not kept: the next request reads again.
    held.catch(() => {
      if (heldVersion === version) held = null;
    });
  }
  return held;
}

/** The worker's answers (inspection-list.worker.ts serves them; the spec calls them over fake-indexeddb). */
export const listHandlers: Handlers<InspectionListProtocol> = {
  query: async ({ dataVersion, filter, sort }) => {
    const h = await heldFor(dataVersion);
    const t0 = performance.now();
    const filtered = filterSorted(h.rows, filter);
    const rows = sort ? sortRows(filtered, sort) : filtered;
    const townships = townshipFigures(filtered);
    last = { seq: last.seq + 1, rows };
    return {
      dataVersion,
      querySeq: last.seq,
      count: rows.length,
      head: rows.slice(0, ROW_BLOCK),
      total: h.rows.length,
      townships,
      choices: h.choices,
      readMs: h.readMs,
      queryMs: performance.now() - t0,
    };
  },
  rows: ({ querySeq, from, to }) =>
    querySeq === last.seq ? { querySeq, from, rows: last.rows.slice(from, to), stale: false } : { querySeq, from, rows: [], stale: true },
  map: async ({ dataVersion, filter }) => {
    const h = await heldFor(dataVersion);
    const { text, ...figures } = mapDataOf(filterSorted(h.rows, filter));
    return { ...figures, blob: new Blob([text], { type: 'application/geo+json' }) };
  },
};
