/// <reference lib="webworker" />
/**
 * The attribute stores live here, off the UI thread: parsing a 50,000-row store (≈370 ms) and sorting or
 * searching it never freezes the map or the table. The UI asks for one feature (identify), a row order (table
 * search and sort) or the cells of the rows in view.
 */
import { getLayerData, getLayerRecord } from '../../db';
import { validateAttributeStore, type AttributeStore } from '../../data/attribute-store';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import { columnsOf, distinctValues, featureAttributes, rowsData, searchIndex, storeStateOf, visibleRows } from './attributes.logic';
import type { AttributesProtocol, StoreKey } from './attributes.protocol';

interface Loaded {
  store: AttributeStore | null;
  index: string[] | null; // built on the first search
  /** No store because the layer was re-written after the UI read its record (see storeStateOf). */
  stale?: true;
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

/** Drops the versions of a layer older than `version` (a stale ask must not drop the newer store). */
function forgetOlder(layerId: string, version: number): void {
  for (const key of [...stores.keys()]) if (key.startsWith(`${layerId}@`) && Number(key.slice(layerId.length + 1)) < version) stores.delete(key);
}

function load(k: StoreKey): Promise<Loaded> {
  const key = keyOf(k);
  let p = stores.get(key);
  if (p)
    stores.delete(key); // re-inserted below: most recent last
  else {
    forgetOlder(k.layerId, k.dataVersion); // an older version of this layer is never asked for again
    const loading = (async (): Promise<Loaded> => {
      const [record, data] = await Promise.all([getLayerRecord(k.layerId), getLayerData(k.layerId)]);
      const state = storeStateOf(record?.dataVersion ?? null, !!data, k.dataVersion);
      if (state === 'stale') return { store: null, index: null, stale: true }; // re-written since the UI listed it
      if (state === 'gone' || !data) return { store: null, index: null };
      try {
        const v = validateAttributeStore(JSON.parse(await data.attributes.text()));
        return { store: v.ok ? v.value : null, index: null };
      } catch {
        return { store: null, index: null };
      }
    })();
    // Nothing unreadable is remembered (a failed database read, a layer re-written since the UI asked, a store
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

/**
 * The store for `k`, or null when it is unreadable; throws `stale` when the layer has a newer version (the UI
 * asked for a version the layer has moved on from: never answered as an unreadable store).
 */
async function loaded(k: StoreKey): Promise<Loaded> {
  const l = await load(k);
  if (l.stale) throw new CodedError('stale', { detail: `${keyOf(k)} was re-written` });
  return l;
}

serveWorker<AttributesProtocol>({
  forget: ({ layerId }) => {
    forget(layerId);
    if (tableKey?.startsWith(`${layerId}@`)) tableKey = null;
    return null;
  },
  feature: async ({ key, fid }) => {
    const { store } = await loaded(key);
    return store ? featureAttributes(store, fid) : null;
  },
  query: async ({ key, query, sort }, ctx) => {
    tableKey = keyOf(key);
    const l = await loaded(key);
    const { store } = l;
    if (!store) return null;
    if (query.trim() !== '') l.index ??= searchIndex(store);
    const columns = columnsOf(store);
    const order = Int32Array.from(visibleRows(store, l.index, columns, query, sort));
    ctx.transfer(order.buffer);
    return { fields: store.fields, columns, size: store.size, order };
  },
  values: async ({ key, field, nameField }) => {
    const { store } = await loaded(key);
    return store ? distinctValues(store, field, nameField) : null;
  },
  rows: async ({ key, rows }) => {
    const { store } = await loaded(key);
    return store ? rowsData(store, columnsOf(store), rows) : [];
  },
});
