/**
 * The list worker's messages. The worker reads every stored inspection's summary from IndexedDB itself (the small
 * summary store; the records with their plots and histories are not read), keeps them as the list's rows, and
 * answers the panel's filter with the rows in the table's order, the counts per township, and (for the map) the
 * filtered records' plots (the summaries' outlines) and pins as one FeatureCollection's text in a Blob, each feature
 * with its status (only the pins above MAX_PLOTS_ON_MAP): the UI thread passes the Blob's handle to the map's tile
 * worker and never parses or clones the features.
 * `dataVersion` is the inspection feature's `inspectionsChanged` counter: a new value makes the worker read again.
 */
import type { CaseFigures, InspectionFilter, StatusCounts } from '../../../shared/domain/inspection/list';
import type { ListMapFigures, ListRow, ListSort } from './inspection-list.logic';

export interface QueryRequest {
  dataVersion: number;
  filter: InspectionFilter;
  sort: ListSort | null;
}

/** Rows come in blocks of this many: the first with the query's answer, the others as the table scrolls to them. */
export const ROW_BLOCK = 200;

export interface TownshipFigureRow {
  /** '' records without a township; '*' the total row. */
  township: string;
  counts: StatusCounts;
  cases: CaseFigures;
}

export interface QueryResult {
  dataVersion: number;
  /** Names this answer's row order in the worker (a `rows` request for another query is refused as stale). */
  querySeq: number;
  /** How many records pass the filter. */
  count: number;
  /** The first ROW_BLOCK of them in the table's order (the rest by `rows`). */
  head: ListRow[];
  /** Every readable stored record. */
  total: number;
  /** Counts by status per township of the filtered records, with the total row last. */
  townships: TownshipFigureRow[];
  /** The township and village menus' choices (from every record, not only the filtered ones). */
  choices: { townships: string[]; villages: Record<string, string[]> };
  /** The worker's time reading the summaries of this data version (once per version), and the query's. */
  readMs: number;
  queryMs: number;
}

export interface MapRequest {
  dataVersion: number;
  filter: InspectionFilter;
}

export interface RowsRequest {
  querySeq: number;
  /** Positions in the query's order, from included, to excluded. */
  from: number;
  to: number;
}

export interface RowsResult {
  querySeq: number;
  from: number;
  rows: ListRow[];
  /** The worker answered a later query since: these positions belong to no current table. */
  stale: boolean;
}

/** The map's answer: its figures, and its features' GeoJSON text (mapDataOf) as a Blob. */
export interface MapResult extends ListMapFigures {
  blob: Blob;
}

export type InspectionListProtocol = {
  query: { request: QueryRequest; result: QueryResult };
  rows: { request: RowsRequest; result: RowsResult };
  map: { request: MapRequest; result: MapResult };
};
