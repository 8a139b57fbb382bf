/**
 * The list worker's state and answers: every stored inspection read through renderer/db (each restored), kept as
 * its list row and plot until the data version changes, filtered and sorted in memory per query, paged by `rows`.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { filterInspections, townshipFigures } from '../../../shared/domain/inspection/list';
import { listInspections } from '../../db';
import type { Handlers } from '../../platform/worker-host';
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

/** The worker's answers (inspection-list.worker.ts serves them; the spec calls them over fake-indexeddb). */
export const listHandlers: Handlers<InspectionListProtocol> = {
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
};
