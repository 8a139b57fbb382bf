/**
 * Attribute table logic: columns, search, sort (numbers numerically, text by zh-CN collation), row data. Pure: the
 * store-facing parts run in attributes.worker.ts; the virtual window is renderer/ui's (virtual-table.logic.ts).
 */
import { squareMetres, toMu, type AreaFigures, type Mu } from '../../../shared/domain/units/area';
import { formatMu, formatSquareMetres } from '../../../shared/domain/units/format';
import type { AttributeValue } from '../../../shared/formats/types';
import { formatValue } from '../../data/attribute-text';
import type { AttributeStore, Bbox } from '../../data/attribute-store';

export type ColumnKey = { kind: 'field'; index: number } | { kind: 'area'; which: 'ellipsoidalM2' | 'planarM2' | 'mu' };

export interface SortState {
  column: number; // index into columns
  dir: 'asc' | 'desc';
}

export function columnsOf(store: AttributeStore): ColumnKey[] {
  const cols: ColumnKey[] = store.fields.map((_, index) => ({ kind: 'field', index }));
  if (store.json.areas.some((a) => a !== null))
    cols.push({ kind: 'area', which: 'ellipsoidalM2' }, { kind: 'area', which: 'planarM2' }, { kind: 'area', which: 'mu' });
  return cols;
}

export function cellValue(store: AttributeStore, row: number, col: ColumnKey): AttributeValue {
  if (col.kind === 'field') return store.row(row)[col.index] ?? null;
  const a = store.json.areas[row];
  if (!a) return null;
  return col.which === 'ellipsoidalM2' ? a[0] : col.which === 'planarM2' ? a[1] : toMu(squareMetres(a[1])); // 亩 follows the planar figure
}

/** Areas to 0.01 m² / 0.0001 亩 as on the identify panel; fields as the identify panel writes them. */
export function cellText(v: AttributeValue, col: ColumnKey, yesNo?: [string, string]): string {
  if (v === null) return '';
  if (col.kind === 'area' && typeof v === 'number') return col.which === 'mu' ? formatMu(v as Mu) : formatSquareMetres(squareMetres(v));
  return formatValue(v, yesNo);
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/** Nulls last in both directions; numbers before text when a column mixes them. */
export function compareValues(a: AttributeValue, b: AttributeValue): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(String(a), String(b));
}

/** One lower-cased line per row, built once per store, for search across all fields. */
export function searchIndex(store: AttributeStore): string[] {
  const out = new Array<string>(store.size);
  for (let i = 0; i < store.size; i++)
    out[i] = store
      .row(i)
      .map((v) => (v === null ? '' : String(v)))
      .join('\u0001')
      .toLowerCase();
  return out;
}

/**
 * Row indices that match `query`, sorted. Sorting 50,000 rows by text: the distinct values are collated once
 * (zh-CN) and rows are sorted by rank, a number comparison (well under one frame budget × 10 on this machine).
 */
export function visibleRows(store: AttributeStore, index: string[] | null, columns: ColumnKey[], query: string, sort: SortState | null): number[] {
  const q = query.trim().toLowerCase();
  const rows: number[] = [];
  for (let i = 0; i < store.size; i++) if (q === '' || !index || index[i]!.includes(q)) rows.push(i);
  const col = sort ? columns[sort.column] : undefined;
  if (!sort || !col) return rows;
  const rank = new Float64Array(store.size);
  const values = rows.map((r) => cellValue(store, r, col));
  const distinct = [...new Set(values)].sort(compareValues);
  const rankOf = new Map(distinct.map((v, i) => [v, i]));
  rows.forEach((r, k) => (rank[r] = rankOf.get(values[k]!)!));
  const emptyRank = (v: AttributeValue) => v === null || v === '';
  const empties = new Set(distinct.filter(emptyRank).map((v) => rankOf.get(v)!));
  const dir = sort.dir === 'asc' ? 1 : -1;
  rows.sort((a, b) => {
    const ea = empties.has(rank[a]!),
      eb = empties.has(rank[b]!);
    if (ea !== eb) return ea ? 1 : -1; // empty cells last in both directions
    return dir * (rank[a]! - rank[b]!) || a - b;
  });
  return rows;
}

/** One table row as the worker sends it: the cells already resolved per column (areas included). */
export interface RowData {
  row: number;
  fid: number;
  cells: AttributeValue[];
  bbox: Bbox | null;
}

export function rowsData(store: AttributeStore, columns: ColumnKey[], rows: readonly number[]): RowData[] {
  return rows
    .filter((r) => r >= 0 && r < store.size)
    .map((row) => ({ row, fid: store.fid(row), cells: columns.map((c) => cellValue(store, row, c)), bbox: store.bbox(row) }));
}

/** A clicked feature's attributes and both labelled areas; null when the store has no such fid. */
export interface FeatureAttributes {
  fields: string[];
  values: AttributeValue[];
  area: AreaFigures | null;
}

export function featureAttributes(store: AttributeStore, fid: number): FeatureAttributes | null {
  const i = store.rowIndexOf(fid);
  return i === undefined ? null : { fields: store.fields, values: store.row(i), area: store.area(i) };
}

export const nextSort = (cur: SortState | null, column: number): SortState | null =>
  !cur || cur.column !== column ? { column, dir: 'asc' } : cur.dir === 'asc' ? { column, dir: 'desc' } : null;

/**
 * What the attributes worker can make of a layer's stored record and data for the version the UI asked for:
 * `read` them; `stale`, the stored layer is newer than the UI's record (re-written since the UI listed it: the
 * list is about to bring the new version, so this is no reason to call the store unreadable); `gone`, the layer
 * or its data is missing (removed), or is of a version the UI never had.
 */
export function storeStateOf(storedVersion: number | null, hasData: boolean, askedVersion: number): 'read' | 'stale' | 'gone' {
  if (storedVersion === null || !hasData) return 'gone';
  if (storedVersion === askedVersion) return 'read';
  return storedVersion > askedVersion ? 'stale' : 'gone';
}

/** One value a field holds: how many rows hold it and the name the naming field most often gives it. */
export type DistinctValue = [value: string, count: number, name: string | null];

/**
 * The distinct values of `field` (as text, trimmed; empty and null values count as '') with their counts and,
 * when `nameField` is given, the name each value is most often written with (DLBM 0101 → DLMC 水田): the legend
 * lists what a layer holds. Null when the store has no such field.
 */
export function distinctValues(store: AttributeStore, field: string, nameField: string | null): DistinctValue[] | null {
  const fi = store.fields.indexOf(field);
  if (fi < 0) return null;
  const ni = nameField ? store.fields.indexOf(nameField) : -1;
  const counts = new Map<string, { count: number; names: Map<string, number> }>();
  for (let r = 0; r < store.size; r++) {
    const row = store.row(r);
    const v = row[fi];
    const key = v === null || v === undefined ? '' : String(v).trim();
    let e = counts.get(key);
    if (!e) counts.set(key, (e = { count: 0, names: new Map() }));
    e.count++;
    if (ni >= 0) {
      const n = row[ni];
      if (n !== null && n !== undefined && String(n).trim() !== '') {
        const name = String(n).trim();
        e.names.set(name, (e.names.get(name) ?? 0) + 1);
      }
    }
  }
  return [...counts].map(([value, { count, names }]) => {
    let best: string | null = null;
    let most = 0;
    for (const [n, c] of names) if (c > most) [best, most] = [n, c];
    return [value, count, best];
  });
}
