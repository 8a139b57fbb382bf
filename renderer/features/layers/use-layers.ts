import { useCallback, useEffect, useRef, useState } from 'react';
import type { LayerKind } from '../../../shared/domain/layers/kind';
import { deleteLayer, getLayerData, listLayers, pruneTileCache, setLayerOrder, updateLayer, type LayerDataRecord, type LayerRecord } from '../../db';
import { runJob } from '../import';
import { forgetAttributes } from './layer-data';
import { applyOrder, clampOpacity, cleanLayerName, dropLayerOn, moveLayer, safeDefaultStyle } from './layers.logic';

/** A layer's stored Blobs as handed to the map (which tiles them in its worker; the UI thread never reads them). */
export interface LayerBlobs {
  version: number;
  data: Blob;
  labels: Blob | null;
}

type Prefetched = { layers: LayerRecord[]; data: (LayerDataRecord | null)[] };
let prefetched: Promise<Prefetched> | null = null;

/**
 * Starts reading the stored layers (records and Blob handles) before React and the map are up: IndexedDB works
 * off the main thread while the map sets up WebGL, so the map gets its sources as soon as its style loads.
 */
export function prefetchLayers(): void {
  prefetched ??= listLayers().then(async (layers) => ({ layers, data: await Promise.all(layers.map((l) => getLayerData(l.id))) }));
  prefetched.catch(() => undefined);
}

/** The prefetched read, once (later reloads read the DB again). */
function takePrefetched(): Promise<Prefetched> | null {
  const p = prefetched;
  prefetched = null;
  return p;
}

/** The layer list: loaded from the DB, every change written back in one transaction. */
export function useLayers(onError: (message: string) => void) {
  const [layers, setLayers] = useState<LayerRecord[]>([]);
  const [blobs, setBlobs] = useState<Record<string, LayerBlobs>>({});
  const [loaded, setLoaded] = useState(false);
  const blobRef = useRef(new Map<string, LayerBlobs>());
  const opacityTimers = useRef(new Map<string, number>());

  const syncBlobs = useCallback(async (ls: LayerRecord[]) => {
    const map = blobRef.current;
    const ids = new Set(ls.map((l) => l.id));
    for (const id of [...map.keys()]) if (!ids.has(id)) map.delete(id);
    const stale = ls.filter((l) => map.get(l.id)?.version !== l.dataVersion);
    const read = await Promise.all(stale.map((l) => getLayerData(l.id)));
    stale.forEach((l, i) => {
      const data = read[i];
      if (data) map.set(l.id, { version: l.dataVersion, data: data.geojson, labels: data.labels });
    });
    setBlobs(Object.fromEntries(map));
  }, []);

  const reload = useCallback(async () => {
    const early = await takePrefetched()?.catch(() => null);
    if (early) {
      early.layers.forEach((l, i) => {
        const data = early.data[i];
        if (data) blobRef.current.set(l.id, { version: l.dataVersion, data: data.geojson, labels: data.labels });
      });
    }
    const ls = early?.layers ?? (await listLayers());
    // The list shows at once; the map gets each layer as soon as its Blob reference is read.
    setLayers(ls);
    setLoaded(true);
    await syncBlobs(ls);
    return ls;
  }, [syncBlobs]);

  useEffect(() => {
    reload().catch((e: unknown) => onError(String(e)));
    // Tiles of data versions that no longer exist are dropped once the map has settled (a cache, not data).
    const prune = window.setTimeout(() => void pruneTileCache().catch(() => undefined), 15_000);
    return () => window.clearTimeout(prune);
    // onError is stable for the app's lifetime; loading once is intended.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);

  const guard = useCallback((p: Promise<unknown>) => p.catch((e: unknown) => onError(e instanceof Error ? e.message : String(e))), [onError]);

  const patch = useCallback((id: string, change: Partial<LayerRecord>) => setLayers((ls) => ls.map((l) => (l.id === id ? { ...l, ...change } : l))), []);

  const setVisible = useCallback((id: string, visible: boolean) => {
    patch(id, { visible });
    void guard(updateLayer(id, { visible }));
  }, [patch, guard]);

  const setOpacity = useCallback((id: string, value: number) => {
    const opacity = clampOpacity(value);
    patch(id, { opacity });
    // Slider drags fire many events: write the last value once the hand stops.
    window.clearTimeout(opacityTimers.current.get(id));
    opacityTimers.current.set(id, window.setTimeout(() => void guard(updateLayer(id, { opacity })), 250));
  }, [patch, guard]);

  const rename = useCallback((id: string, name: string) => {
    const clean = cleanLayerName(name);
    if (!clean) return;
    patch(id, { name: clean });
    void guard(updateLayer(id, { name: clean }));
  }, [patch, guard]);

  const remove = useCallback((id: string) => {
    forgetAttributes(id);
    void guard(deleteLayer(id).then(reload));
  }, [guard, reload]);

  const reorder = useCallback((idsBottomToTop: string[]) => {
    setLayers((ls) => applyOrder(ls, idsBottomToTop));
    void guard(setLayerOrder(idsBottomToTop));
  }, [guard]);

  const move = useCallback((id: string, dir: 'up' | 'down') => reorder(moveLayer(layers, id, dir)), [layers, reorder]);
  const dropOn = useCallback((dragId: string, targetId: string) => reorder(dropLayerOn(layers, dragId, targetId)), [layers, reorder]);

  /** Changing the kind re-applies the kind's default style; the worker recomputes the per-feature style keys. */
  const changeKind = useCallback((id: string, kind: LayerKind) => {
    const l = layers.find((x) => x.id === id);
    if (!l) return;
    const style = safeDefaultStyle(kind, l.meta.fields, l.meta.geometryKind);
    patch(id, { kind });
    void guard(runJob({ type: 'restyle', layerId: id, style, kind }).promise.then(reload));
  }, [layers, patch, guard, reload]);

  return { layers, blobs, loaded, reload, setVisible, setOpacity, rename, remove, move, dropOn, changeKind };
}

export type LayersApi = ReturnType<typeof useLayers>;
