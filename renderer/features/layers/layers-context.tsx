/**
 * The layer list as a service other features read through this feature's index.ts (identify, the attribute
 * table, overlay, the status bar, the legend): the layers feature provides it around the workspace, so the
 * shell holds none of it.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { dataKeyOf, type LayerRecord } from '../../db';
import { useI18n } from '../../i18n';
import type { MapHandle, MapLayerSpec } from '../../map';
import { useWorkbench } from '../../ui/workbench';
import { sortBottomToTop, unionBbox } from './layers.logic';
import { useLayers, type LayerBlobs, type LayersApi, type StartupLayers } from './use-layers';
import { useSampleOnFirstStart } from './use-sample';

export interface LayerList extends LayersApi {
  /** The sample township is being stored on first start. */
  sampleBusy: boolean;
}

const LayersContext = createContext<LayerList | null>(null);

let startup: StartupLayers | null = null;
/** Boot: the layers read before React rendered (prefetchLayers), taken before the workspace mounts (useLayers reads them once). */
export async function bootLayers(take: () => Promise<StartupLayers | null>): Promise<void> {
  startup = await take();
}

export function LayersProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const wb = useWorkbench();
  const api = useLayers(wb.notices.error, startup);
  const fitAll = useMemo(() => (ls: readonly LayerRecord[]) => wb.map.whenReady((m) => fitLayersOn(m, ls, false)), [wb]);
  const sampleBusy = useSampleOnFirstStart(api, fitAll, (m) => wb.notices.error(t('layers.sampleFailed', { message: m })));
  const value = useMemo(() => ({ ...api, sampleBusy }), [api, sampleBusy]);
  return <LayersContext.Provider value={value}>{children}</LayersContext.Provider>;
}

export function useLayerList(): LayerList {
  const v = useContext(LayersContext);
  if (!v) throw new Error('useLayerList outside LayersProvider');
  return v;
}

/** Map specs bottom → top for the layers whose data is ready; null until their data references are read. */
export function toMapSpecs(layersBottomToTop: readonly LayerRecord[], blobs: Readonly<Record<string, LayerBlobs>>): MapLayerSpec[] {
  const out: MapLayerSpec[] = [];
  for (const l of layersBottomToTop) {
    const b = blobs[l.id];
    if (!b) continue;
    out.push({
      type: 'stored',
      id: l.id,
      name: l.name,
      dataKey: dataKeyOf(l.id, b.version),
      data: b.data,
      labels: b.labels,
      geometryKind: l.meta.geometryKind,
      featureCount: l.meta.featureCount,
      bboxLngLat: l.meta.bboxLngLat,
      style: l.style,
      visible: l.visible,
      opacity: l.opacity,
    });
  }
  return out;
}

export function useStoredMapLayers(): readonly MapLayerSpec[] | null {
  const { layers, blobs, dataLoaded } = useLayerList();
  const specs = useMemo(() => toMapSpecs(sortBottomToTop(layers), blobs), [layers, blobs]);
  return dataLoaded ? specs : null;
}

/** Fits the map to these layers' extent (max zoom 17: a single small plot should not fill the screen). */
export function fitLayersOn(map: MapHandle, layers: readonly LayerRecord[], animate = true): void {
  const b = unionBbox(layers);
  if (b) map.fit(b, { maxZoom: 17, animate });
}
