/// <reference lib="webworker" />
/**
 * The attribute stores live here, off the UI thread: parsing a 50,000-row store (≈370 ms) and sorting or
 * searching it never freezes the map or the table. The UI asks for one feature (identify), a row order (table
 * search and sort) or the cells of the rows in view.
 */
import { getLayerData } from '../../db';
import { restoreAttributeStore, type AttributeStore } from '../layers/attribute-store';
import { columnsOf, featureAttributes, rowsData, searchIndex, visibleRows } from './attributes.logic';
import type { AttributesRequest, AttributesResponse, StoreKey } from './attributes.protocol';

interface Loaded {
  store: AttributeStore | null;
  index: string[] | null; // built on the first search
}

/** The two most recently used stores (an open table and an identify on another layer), by layerId@version. */
const MAX_STORES = 2;
const stores = new Map<string, Promise<Loaded>>();

const keyOf = (k: StoreKey) => `${k.layerId}@${k.dataVersion}`;

function load(k: StoreKey): Promise<Loaded> {
  const key = keyOf(k);
  let p = stores.get(key);
  if (p) stores.delete(key); // re-inserted below: most recent last
  else {
    p = (async () => {
      const data = await getLayerData(k.layerId);
      if (!data) return { store: null, index: null };
      try {
        return { store: restoreAttributeStore(JSON.parse(await data.attributes.text())), index: null };
      } catch {
        return { store: null, index: null };
      }
    })();
  }
  stores.set(key, p);
  while (stores.size > MAX_STORES) stores.delete(stores.keys().next().value!);
  return p;
}

async function handle(m: AttributesRequest): Promise<AttributesResponse> {
  switch (m.type) {
    case 'forget':
      for (const key of [...stores.keys()]) if (key.startsWith(`${m.layerId}@`)) stores.delete(key);
      return { id: m.id, ok: true, result: null };
    case 'feature': {
      const { store } = await load(m.key);
      return { id: m.id, ok: true, result: store ? featureAttributes(store, m.fid) : null };
    }
    case 'query': {
      const loaded = await load(m.key);
      const { store } = loaded;
      if (!store) return { id: m.id, ok: true, result: null };
      if (m.query.trim() !== '') loaded.index ??= searchIndex(store);
      const columns = columnsOf(store);
      const order = Int32Array.from(visibleRows(store, loaded.index, columns, m.query, m.sort));
      return { id: m.id, ok: true, result: { fields: store.fields, columns, size: store.size, order } };
    }
    case 'rows': {
      const { store } = await load(m.key);
      return { id: m.id, ok: true, result: store ? rowsData(store, columnsOf(store), m.rows) : [] };
    }
  }
}

self.onmessage = async (e: MessageEvent<AttributesRequest>) => {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  try {
    const r = await handle(e.data);
    if (r.ok && r.result && 'order' in r.result) scope.postMessage(r, [r.result.order.buffer]);
    else scope.postMessage(r);
  } catch (err) {
    scope.postMessage({ id: e.data.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies AttributesResponse);
  }
};
