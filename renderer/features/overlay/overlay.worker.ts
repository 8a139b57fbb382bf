/// <reference lib="webworker" />
/**
 * Overlay analysis in a worker: reads the chosen layers' stored geometry and attributes from IndexedDB
 * and runs shared/domain/geometry/overlay.ts. Cancel = terminate.
 */
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { overlayPlots, type OverlayLayer } from '../../../shared/domain/geometry/overlay';
import { readStoredLayer } from '../layers/stored-features';
import { overlayLayerOf, overlayPlotsOf, type OverlayInputFeature, type OverlayLayerChoice } from './overlay.logic';

export type OverlayRequest = { plotLayerId: string; idField: string | null; layers: OverlayLayerChoice[] };
export type OverlayMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: ReturnType<typeof overlayPlots> } | { type: 'error'; message: string };

const post = (m: OverlayMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

async function readLayer(layerId: string): Promise<OverlayInputFeature[]> {
  const stored = await readStoredLayer(layerId);
  if (!stored) throw new Error(`layer ${layerId} has no data`);
  const out: OverlayInputFeature[] = [];
  for (const f of stored.features) {
    if (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') out.push({ fid: f.fid, geometry: f.geometry, props: f.properties });
  }
  return out;
}

self.onmessage = async (e: MessageEvent<OverlayRequest>) => {
  try {
    const req = e.data;
    const plots = overlayPlotsOf(await readLayer(req.plotLayerId), req.idField);
    const layers: OverlayLayer[] = [];
    for (const l of req.layers) layers.push(overlayLayerOf(l, await readLayer(l.layerId)));
    let last = 0;
    const result = overlayPlots(await loadGeometryEngine(), plots, layers, {
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
