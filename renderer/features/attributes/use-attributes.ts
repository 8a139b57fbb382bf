import { useEffect, useMemo, useState } from 'react';
import { dataKeyOf, type LayerRecord } from '../../db';
import { loadAttributes, type AttributeStore } from '../layers';
import { columnsOf, searchIndex, visibleRows, type SortState } from './attributes.logic';

/** The open attribute table: the store (lazy, cached), the search index, and the filtered+sorted row order. */
export function useAttributes(layer: LayerRecord | null) {
  const [loaded, setLoaded] = useState<{ key: string; store: AttributeStore | null } | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const key = layer ? dataKeyOf(layer.id, layer.dataVersion) : '';

  useEffect(() => {
    if (!layer) return;
    let live = true;
    loadAttributes(layer.id, layer.dataVersion).then(
      (store) => live && setLoaded({ key, store }),
      () => live && setLoaded({ key, store: null }),
    );
    return () => {
      live = false;
    };
  }, [key, layer]);

  const store = loaded?.key === key ? loaded.store : null;
  const columns = useMemo(() => (store ? columnsOf(store) : []), [store]);
  // Built on the first search only: opening the table does not pay for it.
  const searching = query.trim() !== '';
  const index = useMemo(() => (store && searching ? searchIndex(store) : null), [store, searching]);
  const rows = useMemo(() => (store ? visibleRows(store, index, columns, query, sort) : []), [store, index, columns, query, sort]);

  return { loading: !!layer && loaded?.key !== key, store, columns, rows, query, setQuery, sort, setSort };
}
