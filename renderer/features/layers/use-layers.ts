import { useCallback, useEffect, useRef, useState } from 'react';
import type { LayerKind } from '../../../shared/domain/layers/kind';
import { deleteLayer, getLayerData, listLayers, pruneTileCache, setLayerOrder, updateLayer, type LayerDataRecord, type LayerRecord } from '../../db';
import { useI18n } from '../../i18n';
import { errorText } from '../../platform/coded-error';
import { forgetAttributes } from '../attributes';
import { restyleLayer } from './layer-jobs-client';
import { applyOrder, clampOpacity, cleanLayerName, dropLayerOn, moveLayer, safeDefaultStyle } from './layers.logic';

/** A layer's stored Blobs as handed to the map (which tiles them in its worker; the UI thread never reads them). */
export interface LayerBlobs {
  version: number;
  data: Blob;
  labels: Blob | null;
}

/** The stored layers as the app starts with them: records and their data Blob handles (never the Blobs' bytes). */
export type StartupLayers = { layers: LayerRecord[]; data: (LayerDataRecord | null)[] };
let prefetched: Promise<StartupLayers> | null = null;

const readStartupLayers = () => listLayers().then(async (layers) => ({ layers, data: await Promise.all(layers.map((l) => getLayerData(l.id))) }));

/**
 * Starts reading the stored layers before React is up (IndexedDB works off the main thread meanwhile). The app
 * waits for this read before its first real render, so the list and the map come in one render and the map is
 * created with every stored layer in its first style (it asks for their tiles in its very first frame).
 */
export function prefetchLayers(): void {
  prefetched ??= readStartupLayers();
  prefetched.catch(() => undefined);
}

/** The prefetched read, once; null if it failed (useLayers then reads again and reports the error). */
export function takeStartupLayers(): Promise<StartupLayers | null> {
  const p = prefetched ?? readStartupLayers();
  prefetched = null;
  return p.catch(() => null);
}

/** Puts each layer's Blob references (data read in the same order as `layers`; null = unreadable) into `map`. */
function setBlobsOf(
  map: Map<string, LayerBlobs>,
  layers: readonly LayerRecord[],
  data: readonly (LayerDataRecord | null)[],
): Map<string, LayerBlobs> {
  layers.forEach((l, i) => {
    const d = data[i];
    if (d) map.set(l.id, { version: l.dataVersion, data: d.geojson, labels: d.labels });
  });
  return map;
}

/**
 * The layer list: starts from the layers read at start-up (or reads them if that read failed), every change
 * written back in one transaction. A failure reaches `onError` said in the UI language (errorText).
 */
export function useLayers(onError: (message: string) => void, startup: StartupLayers | null = null) {
  const { t } = useI18n();
  const [layers, setLayers] = useState<LayerRecord[]>(() => startup?.layers ?? []);
  // The Blob references by layer id: one Map for the hook's lifetime, kept current by syncBlobs; `blobs` is its
  // snapshot for rendering.
  const [blobMap] = useState(() => setBlobsOf(new Map<string, LayerBlobs>(), startup?.layers ?? [], startup?.data ?? []));
  const [blobs, setBlobs] = useState<Record<string, LayerBlobs>>(() => Object.fromEntries(blobMap));
  const [loaded, setLoaded] = useState(startup !== null);
  /** The layers' data references are known: the map can be created with them in its first style. */
  const [dataLoaded, setDataLoaded] = useState(startup !== null);
  const opacityTimers = useRef(new Map<string, number>());

  const syncBlobs = useCallback(
    async (ls: LayerRecord[]) => {
      const map = blobMap;
      const ids = new Set(ls.map((l) => l.id));
      for (const id of [...map.keys()]) if (!ids.has(id)) map.delete(id);
      const stale = ls.filter((l) => map.get(l.id)?.version !== l.dataVersion);
      setBlobsOf(map, stale, await Promise.all(stale.map((l) => getLayerData(l.id))));
      setBlobs(Object.fromEntries(map));
    },
    [blobMap],
  );

  const reload = useCallback(async () => {
    const ls = await listLayers();
    // The list shows at once; the map gets each layer as soon as its Blob reference is read.
    setLayers(ls);
    setLoaded(true);
    await syncBlobs(ls).finally(() => setDataLoaded(true));
    return ls;
  }, [syncBlobs]);

  const startedWith = useRef(startup);
  useEffect(() => {
    if (!startedWith.current) reload().catch((e: unknown) => onError(errorText(e, t)));
    // Tiles of data versions that no longer exist are dropped once the map has settled (a cache, not data).
    const prune = window.setTimeout(() => void pruneTileCache().catch(() => undefined), 15_000);
    return () => window.clearTimeout(prune);
    // onError and t are stable for the app's lifetime; loading once is intended.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);

  const guard = useCallback((p: Promise<unknown>) => p.catch((e: unknown) => onError(errorText(e, t))), [onError, t]);

  const patch = useCallback(
    (id: string, change: Partial<LayerRecord>) => setLayers((ls) => ls.map((l) => (l.id === id ? { ...l, ...change } : l))),
    [],
  );

  const setVisible = useCallback(
    (id: string, visible: boolean) => {
      patch(id, { visible });
      void guard(updateLayer(id, { visible }));
    },
    [patch, guard],
  );

  const setOpacity = useCallback(
    (id: string, value: number) => {
      const opacity = clampOpacity(value);
      patch(id, { opacity });
      // Slider drags fire many events: write the last value once the hand stops.
      window.clearTimeout(opacityTimers.current.get(id));
      opacityTimers.current.set(
        id,
        window.setTimeout(() => void guard(updateLayer(id, { opacity })), 250),
      );
    },
    [patch, guard],
  );

  const rename = useCallback(
    (id: string, name: string) => {
      const clean = cleanLayerName(name);
      if (!clean) return;
      patch(id, { name: clean });
      void guard(updateLayer(id, { name: clean }));
    },
    [patch, guard],
  );

  const remove = useCallback(
    (id: string) => {
      void guard(
        deleteLayer(id).then(() => {
          forgetAttributes(id); // after the delete: a read in between cannot cache the removed store again
          return reload();
        }),
      );
    },
    [guard, reload],
  );

  const reorder = useCallback(
    (idsBottomToTop: string[]) => {
      setLayers((ls) => applyOrder(ls, idsBottomToTop));
      void guard(setLayerOrder(idsBottomToTop));
    },
    [guard],
  );

  const move = useCallback((id: string, dir: 'up' | 'down') => reorder(moveLayer(layers, id, dir)), [layers, reorder]);
  const dropOn = useCallback((dragId: string, targetId: string) => reorder(dropLayerOn(layers, dragId, targetId)), [layers, reorder]);

  /** Changing the kind re-applies the kind's default style; the worker recomputes the per-feature style keys. */
  const changeKind = useCallback(
    (id: string, kind: LayerKind) => {
      const l = layers.find((x) => x.id === id);
      if (!l) return;
      const style = safeDefaultStyle(kind, l.meta.fields, l.meta.geometryKind);
      patch(id, { kind });
      void guard(restyleLayer(id, style, kind).then(reload));
    },
    [layers, patch, guard, reload],
  );

  return { layers, blobs, loaded, dataLoaded, reload, setVisible, setOpacity, rename, remove, move, dropOn, changeKind };
}

export type LayersApi = ReturnType<typeof useLayers>;
