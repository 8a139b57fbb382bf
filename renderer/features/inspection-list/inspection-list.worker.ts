/// <reference lib="webworker" />
/**
 * The 核查 list off the UI thread: reading and restoring 10,000 records (each with its plot and its history) takes
 * hundreds of milliseconds and would freeze the panel, so the worker reads them through renderer/db (every record
 * restored) and keeps only each one's list row and plot until the UI says the stored records changed. A filter is
 * then a pass over the rows in memory.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { filterInspections, townshipFigures } from '../../../shared/domain/inspection/list';
import { listInspections } from '../../db';
import { serveWorker } from '../../platform/worker-host';
import { choicesOf, listRowOf, mapDataOf, sortRows, type ListRow } from './inspection-list.logic';
import { ROW_BLOCK, type InspectionListProtocol } from './inspection-list.protocol';

interface Held {
  rows: ListRow[];
  plots: Map<string, Polygon | MultiPolygon>;
  choices: ReturnType<typeof choicesOf>;
  readMs: number;
}
let held: Promise<Held> | null = null;
let heldVersion = -1;
/** The last query's rows in the table's order: what `rows` pages through. */
let last: { seq: number; rows: ListRow[] } = { seq: 0, rows: [] };

async function read(): Promise<Held> {
  const t0 = performance.now();
  const records = await listInspections();
  const rows: ListRow[] = [];
  const plots = new Map<string, Polygon | MultiPolygon>();
  for (const r of records) {
    rows.push(listRowOf(r));
    if (r.geometry) plots.set(r.id, r.geometry);
  }
  return { rows, plots, choices: choicesOf(rows), readMs: performance.now() - t0 };
}

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

serveWorker<InspectionListProtocol>({
  warm: async ({ dataVersion }) => {
    const h = await heldFor(dataVersion);
    return { total: h.rows.length, readMs: h.readMs };
  },
  query: async ({ dataVersion, filter, sort }) => {
    const h = await heldFor(dataVersion);
    const t0 = performance.now();
    const filtered = filterInspections(h.rows, filter);
    const rows = sortRows(filtered, sort);
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
    return mapDataOf(filterInspections(h.rows, filter), (id) => h.plots.get(id) ?? null);
  },
});
