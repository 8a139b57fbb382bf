import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { dataKeyOf, type LayerRecord } from '../../db';
import { attributeRows, queryAttributes } from './attribute-client';
import type { RowData, SortState } from './attributes.logic';
import type { QueryResult, StoreKey } from './attributes.protocol';

/** Typing pauses this long before the worker searches: six quick keystrokes are one search, not six queued. */
const SEARCH_PAUSE_MS = 150;

/**
 * The open attribute table: search and sort run in the attributes worker, which answers with the row order;
 * while a new order is on its way the previous one stays on screen. `unreadable`: the layer's stored attributes
 * are missing or damaged (said as such, never an empty grid that looks like it is still loading).
 */
export function useAttributes(layer: LayerRecord | null) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [result, setResult] = useState<{ key: string; data: QueryResult | null } | null>(null);
  const layerId = layer?.id ?? null;
  const dataVersion = layer?.dataVersion ?? 0;
  const key = layerId ? dataKeyOf(layerId, dataVersion) : '';
  const storeKey = useMemo<StoreKey | null>(() => (layerId ? { layerId, dataVersion } : null), [layerId, dataVersion]);

  useEffect(() => {
    if (query === searched) return;
    const t = setTimeout(() => setSearched(query), SEARCH_PAUSE_MS);
    return () => clearTimeout(t);
  }, [query, searched]);

  useEffect(() => {
    if (!storeKey) return;
    let live = true;
    queryAttributes(storeKey, searched, sort).then(
      (data) => live && setResult({ key, data }),
      () => live && setResult({ key, data: null }),
    );
    return () => {
      live = false;
    };
  }, [key, storeKey, searched, sort]);

  const loading = !!layer && result?.key !== key;
  const data = result?.key === key ? result.data : null;
  return { loading, unreadable: !!layer && !loading && data === null, storeKey, data, query, setQuery, sort, setSort };
}

/** Rows fetched ahead of and behind the window, so scrolling a little needs no round trip. */
const MARGIN = 40;
const MAX_CACHED = 4000;

interface RowCache {
  key: StoreKey | null;
  rows: Map<number, RowData>;
  asked: Set<number>;
  failed: boolean;
}

/**
 * The cells of the rows in view, fetched from the worker for store rows `order[start..end)`; rows not here yet
 * render empty for the moment it takes (a few ms). `failed`: the worker could not give them (said, not left blank).
 */
export function useAttributeRows(storeKey: StoreKey | null, order: Int32Array | null, start: number, end: number) {
  const cache = useRef<RowCache>({ key: null, rows: new Map(), asked: new Set(), failed: false });
  const [, changed] = useReducer((n: number) => n + 1, 0);
  if (cache.current.key !== storeKey) cache.current = { key: storeKey, rows: new Map(), asked: new Set(), failed: false };

  useEffect(() => {
    const c = cache.current;
    if (!storeKey || !order || c.key !== storeKey || c.failed) return;
    const from = Math.max(0, start - MARGIN);
    const to = Math.min(order.length, end + MARGIN);
    if (c.rows.size > MAX_CACHED) {
      // Trimmed to the rows around the window: those on screen never flash blank.
      const keep = new Map<number, RowData>();
      for (let i = from; i < to; i++) {
        const d = c.rows.get(order[i]!);
        if (d) keep.set(d.row, d);
      }
      c.rows = keep;
      c.asked = new Set(keep.keys());
    }
    const want: number[] = [];
    for (let i = from; i < to; i++) {
      const r = order[i]!;
      if (!c.rows.has(r) && !c.asked.has(r)) want.push(r);
    }
    if (want.length === 0) return;
    want.forEach((r) => c.asked.add(r));
    attributeRows(storeKey, want).then(
      (rows) => {
        if (cache.current !== c) return;
        for (const r of rows) c.rows.set(r.row, r);
        if (rows.length < want.length) c.failed = true; // the store went unreadable (or the layer was removed)
        changed();
      },
      () => {
        if (cache.current !== c) return;
        c.failed = true;
        changed();
      },
    );
  }, [storeKey, order, start, end]);

  const rowAt = useCallback((row: number) => (cache.current.key === storeKey ? cache.current.rows.get(row) : undefined), [storeKey]);
  return { rowAt, failed: cache.current.key === storeKey && cache.current.failed };
}
