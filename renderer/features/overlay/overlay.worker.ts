/// <reference lib="webworker" />
/**
 * Overlay analysis in a worker: reads the chosen layers' stored geometry and attributes from IndexedDB
 * and runs shared/domain/geometry/overlay.ts. Cancel = terminate.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { overlayPlots, type OverlayLayer, type OverlayPlot } from '../../../shared/domain/geometry/overlay';
import { getLayerData } from '../../db';
import { restoreAttributeStore } from '../layers/attribute-store';
import type { OverlayLayerChoice } from './overlay.logic';

export type OverlayRequest = { plotLayerId: string; idField: string | null; layers: OverlayLayerChoice[] };
export type OverlayMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: ReturnType<typeof overlayPlots> } | { type: 'error'; message: string };

const post = (m: OverlayMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

type Feat = { fid: number; geometry: Polygon | MultiPolygon; props: Record<string, unknown> };

async function readLayer(layerId: string): Promise<Feat[]> {
  const data = await getLayerData(layerId);
  if (!data) throw new Error(`layer ${layerId} has no data`);
  const store = restoreAttributeStore(JSON.parse(await data.attributes.text()));
  const fc = JSON.parse(await data.geojson.text()) as { features: { id: number; geometry: { type: string } | null }[] };
  const out: Feat[] = [];
  for (const f of fc.features) {
    if (!f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    const i = store?.rowIndexOf(f.id);
    const row = store && i !== undefined ? store.row(i) : [];
    const props = store ? Object.fromEntries(store.fields.map((n, j) => [n, row[j] ?? null])) : {};
    out.push({ fid: f.id, geometry: f.geometry as Polygon | MultiPolygon, props });
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
