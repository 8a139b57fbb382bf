/** The attributes worker's protocol: the UI asks for one feature, a row order, or the cells of rows. */
import type { ColumnKey, DistinctValue, FeatureAttributes, RowData, SortState } from './attributes.logic';

/** A layer's attribute data at one version: stores are cached per key, so a re-import never serves old rows. */
export interface StoreKey {
  layerId: string;
  dataVersion: number;
}

/** The table's current row order for a search and sort; `order` holds store row indices. */
export interface QueryResult {
  fields: string[];
  columns: ColumnKey[];
  size: number;
  order: Int32Array;
}

/**
 * One request → one answer (renderer/platform/worker-protocol.ts). `null` results mean the layer's stored
 * attributes are missing or unreadable (shown as such, never a crash). A request may fail with code `stale`: the
 * layer was re-written (restyle, re-decode) after the UI read its record, so the version asked for is gone and
 * the UI's layer list is about to bring the new one (not an unreadable store); `workerFailed`: the worker could
 * not answer (twice); `failed`: it could not read (a database error).
 */
export type AttributesProtocol = {
  feature: { request: { key: StoreKey; fid: number }; result: FeatureAttributes | null };
  query: { request: { key: StoreKey; query: string; sort: SortState | null }; result: QueryResult | null };
  rows: { request: { key: StoreKey; rows: number[] }; result: RowData[] };
  /** The distinct values of a field with counts and names (the legend); null: unreadable store or no such field. */
  values: { request: { key: StoreKey; field: string; nameField: string | null }; result: DistinctValue[] | null };
  /** Drops a layer's cached stores (a notification: nothing answers it). */
  forget: { request: { layerId: string }; result: null };
};
