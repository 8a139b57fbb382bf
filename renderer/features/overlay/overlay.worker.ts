/// <reference lib="webworker" />
/**
 * Overlay analysis in a worker: reads the chosen layers' stored geometry and attributes from IndexedDB
 * and runs shared/domain/geometry/overlay.ts. Cancel = terminate.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { overlayPlots, type OverlayLayer, type OverlayPlot } from '../../../shared/domain/geometry/overlay';
import { readStoredLayer } from '../layers/stored-features';
import type { OverlayLayerChoice } from './overlay.logic';

export type OverlayRequest = { plotLayerId: string; idField: string | null; layers: OverlayLayerChoice[] };
export type OverlayMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: ReturnType<typeof overlayPlots> } | { type: 'error'; message: string };

const post = (m: OverlayMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

type Feat = { fid: number; geometry: Polygon | MultiPolygon; props: Record<string, unknown> };

async function readLayer(layerId: string): Promise<Feat[]> {
  const stored = await readStoredLayer(layerId);
  if (!stored) throw new Error(`layer ${layerId} has no data`);
  const out: Feat[] = [];
  for (const f of stored.features) {
    if (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') out.push({ fid: f.fid, geometry: f.geometry, props: f.properties });
  }
  return out;
}

self.onmessage = async (e: MessageEvent<OverlayRequest>) => {
  try {
    const req = e.data;
    const plotsRaw = await readLayer(req.plotLayerId);
    const plots: OverlayPlot[] = plotsRaw.map((f) => {
      const v = req.idField ? f.props[req.idField] : null;
      return { id: v === null || v === undefined || String(v).trim() === '' ? `#${f.fid}` : String(v), geometryLngLat: f.geometry };
    });
    const layers: OverlayLayer[] = [];
    for (const l of req.layers) {
      const feats = await readLayer(l.layerId);
      layers.push({ name: l.name, features: feats.map((f) => ({ geometryLngLat: f.geometry, group: l.groupField ? (f.props[l.groupField] === null || f.props[l.groupField] === undefined ? null : String(f.props[l.groupField])) : null })) });
    }
    let last = 0;
    const result = overlayPlots(plots, layers, {
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last > 80 || done === total) {
          last = now;
          post({ type: 'progress', done, total });
        }
      },
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
