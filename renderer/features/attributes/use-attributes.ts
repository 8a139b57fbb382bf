import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { dataKeyOf, type LayerRecord } from '../../db';
import { attributeRows, isStale, queryAttributes } from './attribute-client';
import type { RowData, SortState } from './attributes.logic';
import type { QueryResult, StoreKey } from './attributes.protocol';

/** Typing pauses this long before the worker searches: six quick keystrokes are one search, not six queued. */
const SEARCH_PAUSE_MS = 150;

/**
 * The open attribute table: search and sort run in the attributes worker, which answers with the row order;
 * while a new order is on its way the previous one stays on screen. `unreadable`: the layer's stored attributes
 * are missing or damaged (said as such, never an empty grid that looks like it is still loading). `failed`: the
 * worker could not answer (not the data's fault; `retry` asks again). A `stale` answer (the layer was re-written
 * after the list was read) keeps the table loading: the list brings the new version, which is then asked for.
 */
export function useAttributes(layer: LayerRecord | null) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [result, setResult] = useState<{ key: string; attempt: number; data: QueryResult | null; failed: boolean } | null>(null);
  /** Bumped by retry(): asks the worker again, and starts the rows afresh. */
  const [attempt, setAttempt] = useState(0);
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
      (data) => live && setResult({ key, attempt, data, failed: false }),
      (e: unknown) => live && !isStale(e) && setResult({ key, attempt, data: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [key, storeKey, searched, sort, attempt]);

  const current = result?.key === key && result.attempt === attempt ? result : null;
  const loading = !!layer && !current;
  const data = current?.data ?? null;
  const failed = !!current?.failed;
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return {
    loading,
    unreadable: !!layer && !loading && !failed && data === null,
    failed,
    retry,
    attempt,
    storeKey,
    data,
    query,
    setQuery,
    sort,
    setSort,
  };
}

/** Rows fetched ahead of and behind the window, so scrolling a little needs no round trip. */
const MARGIN = 40;
const MAX_CACHED = 4000;

interface RowCache {
  key: StoreKey | null;
  attempt: number;
  rows: Map<number, RowData>;
  asked: Set<number>;
  /** `unreadable`: the store gave fewer rows than asked (it went unreadable, or the layer was removed);
   *  `failed`: the worker could not answer. */
  failed: 'unreadable' | 'failed' | null;
}

/**
 * The cells of the rows in view, fetched from the worker for store rows `order[start..end)`; rows not here yet
 * render empty for the moment it takes (a few ms). `failed`: the worker could not give them (said, not left blank).
 * A new `attempt` (the table's retry) starts afresh.
 */
export function useAttributeRows(storeKey: StoreKey | null, order: Int32Array | null, start: number, end: number, attempt = 0) {
  const cache = useRef<RowCache>({ key: null, attempt, rows: new Map(), asked: new Set(), failed: null });
  const [, changed] = useReducer((n: number) => n + 1, 0);
  if (cache.current.key !== storeKey || cache.current.attempt !== attempt)
    cache.current = { key: storeKey, attempt, rows: new Map(), asked: new Set(), failed: null };

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
        if (rows.length < want.length) c.failed = 'unreadable'; // the store went unreadable (or the layer was removed)
        changed();
      },
      (e: unknown) => {
        if (cache.current !== c) return;
        // Stale: the layer was re-written; its new version (a new storeKey, a new cache) is on its way.
        if (isStale(e)) want.forEach((r) => c.asked.delete(r));
        else c.failed = 'failed';
        changed();
      },
    );
  }, [storeKey, order, start, end, attempt]);

  const c = cache.current;
  const rowAt = useCallback((row: number) => (cache.current.key === storeKey ? cache.current.rows.get(row) : undefined), [storeKey]);
  return { rowAt, failed: c.key === storeKey && c.attempt === attempt ? c.failed : null };
}
