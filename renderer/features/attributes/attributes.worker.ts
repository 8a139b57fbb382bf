/// <reference lib="webworker" />
/**
 * The attribute stores live here, off the UI thread: parsing a 50,000-row store (≈370 ms) and sorting or
 * searching it never freezes the map or the table. The UI asks for one feature (identify), a row order (table
 * search and sort) or the cells of the rows in view.
 */
import { getLayerData, getLayerRecord } from '../../db';
import { restoreAttributeStore, type AttributeStore } from '../../data/attribute-store';
import { columnsOf, featureAttributes, rowsData, searchIndex, storeStateOf, visibleRows } from './attributes.logic';
import type { AttributesRequest, AttributesResponse, StoreKey } from './attributes.protocol';

interface Loaded {
  store: AttributeStore | null;
  index: string[] | null; // built on the first search
  /** No store because the layer was re-written after the UI read its record (see storeStateOf). */
  stale?: true;
}

/** The UI asked for a version the layer has moved on from: answered as `stale`, never as an unreadable store. */
class Stale extends Error {}

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
  if (p) stores.delete(key); // re-inserted below: most recent last
  else {
    forgetOlder(k.layerId, k.dataVersion); // an older version of this layer is never asked for again
    const loading = (async (): Promise<Loaded> => {
      const [record, data] = await Promise.all([getLayerRecord(k.layerId), getLayerData(k.layerId)]);
      const state = storeStateOf(record?.dataVersion ?? null, !!data, k.dataVersion);
      if (state === 'stale') return { store: null, index: null, stale: true }; // re-written since the UI listed it
      if (state === 'gone' || !data) return { store: null, index: null };
      try {
        return { store: restoreAttributeStore(JSON.parse(await data.attributes.text())), index: null };
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

/** The store for `k`, or null when it is unreadable; throws Stale when the layer has a newer version. */
async function loaded(k: StoreKey): Promise<Loaded> {
  const l = await load(k);
  if (l.stale) throw new Stale(`${keyOf(k)} was re-written`);
  return l;
}

async function handle(m: AttributesRequest): Promise<AttributesResponse> {
  switch (m.type) {
    case 'forget':
      forget(m.layerId);
      if (tableKey?.startsWith(`${m.layerId}@`)) tableKey = null;
      return { id: m.id, ok: true, result: null };
    case 'feature': {
      const { store } = await loaded(m.key);
      return { id: m.id, ok: true, result: store ? featureAttributes(store, m.fid) : null };
    }
    case 'query': {
      tableKey = keyOf(m.key);
      const l = await loaded(m.key);
      const { store } = l;
      if (!store) return { id: m.id, ok: true, result: null };
      if (m.query.trim() !== '') l.index ??= searchIndex(store);
      const columns = columnsOf(store);
      const order = Int32Array.from(visibleRows(store, l.index, columns, m.query, m.sort));
      return { id: m.id, ok: true, result: { fields: store.fields, columns, size: store.size, order } };
    }
    case 'rows': {
      const { store } = await loaded(m.key);
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
    const code = err instanceof Stale ? 'stale' : 'failed';
    scope.postMessage({ id: e.data.id, ok: false, code, message: err instanceof Error ? err.message : String(err) } satisfies AttributesResponse);
  }
};
