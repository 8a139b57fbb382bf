/// <reference lib="webworker" />
/**
 * The attribute stores live here, off the UI thread: parsing a 50,000-row store (≈370 ms) and sorting or
 * searching it never freezes the map or the table. The UI asks for one feature (identify), a row order (table
 * search and sort) or the cells of the rows in view.
 */
import { getLayerData, getLayerRecord } from '../../db';
import { restoreAttributeStore, type AttributeStore } from '../layers/attribute-store';
import { columnsOf, featureAttributes, rowsData, searchIndex, visibleRows } from './attributes.logic';
import type { AttributesRequest, AttributesResponse, StoreKey } from './attributes.protocol';

interface Loaded {
  store: AttributeStore | null;
  index: string[] | null; // built on the first search
}

/**
 * The three most recently used stores by layerId@version, never evicting the one the table shows (so identify on
 * other layers does not make the open table parse its store again).
 */
const MAX_STORES = 3;
const stores = new Map<string, Promise<Loaded>>();
let tableKey: string | null = null;

const keyOf = (k: StoreKey) => `${k.layerId}@${k.dataVersion}`;

function forget(layerId: string): void {
  for (const key of [...stores.keys()]) if (key.startsWith(`${layerId}@`)) stores.delete(key);
}

function load(k: StoreKey): Promise<Loaded> {
  const key = keyOf(k);
  let p = stores.get(key);
  if (p) stores.delete(key); // re-inserted below: most recent last
  else {
    forget(k.layerId); // an older version of this layer is never asked for again
    const loading = (async (): Promise<Loaded> => {
      const [record, data] = await Promise.all([getLayerRecord(k.layerId), getLayerData(k.layerId)]);
      if (!data || record?.dataVersion !== k.dataVersion) return { store: null, index: null }; // gone, or re-decoded since
      try {
        return { store: restoreAttributeStore(JSON.parse(await data.attributes.text())), index: null };
      } catch {
        return { store: null, index: null };
      }
    })();
    // Nothing unreadable is remembered (a failed database read, a layer re-decoded since the UI asked, a store
    // that does not parse): the next request reads again.
    const drop = () => stores.get(key) === loading && stores.delete(key);
    loading.then((l) => l.store === null && drop(), drop);
    p = loading;
  }
  stores.set(key, p);
  for (const old of [...stores.keys()]) {
    if (stores.size <= MAX_STORES) break;
    if (old !== tableKey && old !== key) stores.delete(old);
  }
  return p;
}

async function handle(m: AttributesRequest): Promise<AttributesResponse> {
  switch (m.type) {
    case 'forget':
      forget(m.layerId);
      if (tableKey?.startsWith(`${m.layerId}@`)) tableKey = null;
      return { id: m.id, ok: true, result: null };
    case 'feature': {
      const { store } = await load(m.key);
      return { id: m.id, ok: true, result: store ? featureAttributes(store, m.fid) : null };
    }
    case 'query': {
      tableKey = keyOf(m.key);
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
