/**
 * The list worker's messages. The worker reads every stored inspection from IndexedDB itself (10,000 records with
 * their plots and histories never cross to the UI thread), keeps each one's list row and plot, and answers the
 * panel's filter with the rows in the table's order, the counts per township, and (for the map) the plots by status.
 * `dataVersion` is the inspection feature's `inspectionsChanged` counter: a new value makes the worker read again.
 */
import type { CaseFigures, InspectionFilter, StatusCounts } from '../../../shared/domain/inspection/list';
import type { ListMapData, ListRow, ListSort } from './inspection-list.logic';

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
  /** The worker's time reading and restoring the records of this data version (once per version), and the query's. */
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

export type InspectionListProtocol = {
  /** Reads the records ahead of the first query (the app's idle time after start), answering how many. */
  warm: { request: { dataVersion: number }; result: { total: number; readMs: number } };
  query: { request: QueryRequest; result: QueryResult };
  rows: { request: RowsRequest; result: RowsResult };
  map: { request: MapRequest; result: ListMapData };
};
