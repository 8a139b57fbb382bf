/** Messages between the UI and the attributes worker (one request → one response with the same id). */
import type { ColumnKey, FeatureAttributes, RowData, SortState } from './attributes.logic';

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

export type AttributesRequest =
  | { id: number; type: 'feature'; key: StoreKey; fid: number }
  | { id: number; type: 'query'; key: StoreKey; query: string; sort: SortState | null }
  | { id: number; type: 'rows'; key: StoreKey; rows: number[] }
  | { id: number; type: 'forget'; layerId: string };

/** `null` results mean the layer's stored attributes are missing or unreadable (shown as such, never a crash). */
export type AttributesResult = { feature: FeatureAttributes | null; query: QueryResult | null; rows: RowData[]; forget: null };

/**
 * Why a request has no answer: `stale`, the layer was re-written (restyle, re-decode) after the UI read its
 * record, so the version asked for is gone and the UI's layer list is about to bring the new one (not an
 * unreadable store); `failed`, the worker could not read (a database error, or the worker itself died).
 */
export type AttributesErrorCode = 'stale' | 'failed';

export type AttributesResponse =
  | { id: number; ok: true; result: AttributesResult[keyof AttributesResult] }
  | { id: number; ok: false; code: AttributesErrorCode; message: string };
