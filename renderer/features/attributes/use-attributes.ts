import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { dataKeyOf, type LayerRecord } from '../../db';
import { attributeRows, queryAttributes } from './attribute-client';
import type { RowData, SortState } from './attributes.logic';
import type { QueryResult, StoreKey } from './attributes.protocol';

/**
 * The open attribute table: search and sort run in the attributes worker, which answers with the row order;
 * while a new order is on its way the previous one stays on screen.
 */
export function useAttributes(layer: LayerRecord | null) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [result, setResult] = useState<{ key: string; data: QueryResult | null } | null>(null);
  const layerId = layer?.id ?? null;
  const dataVersion = layer?.dataVersion ?? 0;
  const key = layerId ? dataKeyOf(layerId, dataVersion) : '';
  const storeKey = useMemo<StoreKey | null>(() => (layerId ? { layerId, dataVersion } : null), [layerId, dataVersion]);

  useEffect(() => {
    if (!storeKey) return;
    let live = true;
    queryAttributes(storeKey, query, sort).then(
      (data) => live && setResult({ key, data }),
      () => live && setResult({ key, data: null }),
    );
    return () => {
      live = false;
    };
  }, [key, storeKey, query, sort]);

  const data = result?.key === key ? result.data : null;
  return { loading: !!layer && result?.key !== key, storeKey, data, query, setQuery, sort, setSort };
}

/** Rows fetched ahead of and behind the window, so scrolling a little needs no round trip. */
const MARGIN = 40;
const MAX_CACHED = 4000;

/**
 * The cells of the rows in view, fetched from the worker for store rows `order[start..end)`; rows not here yet
 * render empty for the moment it takes (a few ms).
 */
export function useAttributeRows(storeKey: StoreKey | null, order: Int32Array | null, start: number, end: number): (row: number) => RowData | undefined {
  const cache = useRef<{ key: StoreKey | null; rows: Map<number, RowData>; asked: Set<number> }>({ key: null, rows: new Map(), asked: new Set() });
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  if (cache.current.key !== storeKey) cache.current = { key: storeKey, rows: new Map(), asked: new Set() };

  useEffect(() => {
    const c = cache.current;
    if (!storeKey || !order || c.key !== storeKey) return;
    if (c.rows.size > MAX_CACHED) {
      c.rows.clear();
      c.asked.clear();
    }
    const want: number[] = [];
    for (let i = Math.max(0, start - MARGIN); i < Math.min(order.length, end + MARGIN); i++) {
      const r = order[i]!;
      if (!c.rows.has(r) && !c.asked.has(r)) want.push(r);
    }
    if (want.length === 0) return;
    want.forEach((r) => c.asked.add(r));
    attributeRows(storeKey, want).then(
      (rows) => {
        if (cache.current !== c) return;
        for (const r of rows) c.rows.set(r.row, r);
        arrived();
      },
      () => want.forEach((r) => c.asked.delete(r)),
    );
  }, [storeKey, order, start, end]);

  return useCallback((row: number) => (cache.current.key === storeKey ? cache.current.rows.get(row) : undefined), [storeKey]);
}
