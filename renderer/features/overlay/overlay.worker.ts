/// <reference lib="webworker" />
/**
 * Overlay analysis in a worker: reads the chosen layers' stored geometry and attributes from IndexedDB and runs
 * shared/domain/geometry/overlay.ts. The worker lives while the overlay dialog is open and keeps the last
 * layers' index warm (their Flatbush index and their features built in GEOS), so running again — another plot
 * layer, the same layers — costs only the overlay itself; the on-site comparison and the live figure while
 * drawing will ask it the same way. Each result says how long reading, indexing and the overlay took.
 * Cancel = terminate (use-overlay.ts).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { loadGeometryEngine } from '../../../shared/domain/geometry/engine/load';
import { OverlayIndex, type OverlayLayer, type OverlayPlotResult } from '../../../shared/domain/geometry/overlay';
import { getLayerRecord } from '../../db';
import { readStoredLayer } from '../../data/stored-features';
import { CodedError } from '../../platform/coded-error';
import { serveWorker } from '../../platform/worker-host';
import { overlayLayerOf, overlayPlotsOf, type OverlayInputFeature, type OverlayLayerChoice } from './overlay.logic';
import type { OverlayProtocol } from './overlay.protocol';

/** The layer's polygon features; with `keepEmpty` (the plot layer) records without one too, geometry null,
 *  so every plot gets its row. */
async function readLayer(layerId: string, keepEmpty = false): Promise<OverlayInputFeature[]> {
  const stored = await readStoredLayer(layerId);
  if (!stored) throw new CodedError('layerNotFound', { detail: `layer ${layerId} has no data` }); // removed meanwhile
  const out: OverlayInputFeature[] = [];
  for (const f of stored.features) {
    const areal = f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
    if (areal || keepEmpty)
      out.push({
        fid: f.fid,
        geometry: areal ? (f.geometry as Polygon | MultiPolygon) : null,
        props: f.properties,
        ...(f.area ? { zone: f.area.zone } : {}),
      });
  }
  return out;
}

/** The warm index: built for one set of layers (each at its data version, with its group field). */
let warm: { key: string; index: OverlayIndex } | null = null;

async function indexFor(choices: OverlayLayerChoice[]): Promise<{ index: OverlayIndex; readMs: number; indexMs: number }> {
  const versions = await Promise.all(choices.map((c) => getLayerRecord(c.layerId).then((r) => r?.dataVersion ?? 0)));
  const key = JSON.stringify(choices.map((c, i) => [c.layerId, versions[i], c.groupField, c.name]));
  if (warm?.key === key) return { index: warm.index, readMs: 0, indexMs: 0 };
  warm?.index.dispose();
  warm = null;
  const t0 = performance.now();
  const layers: OverlayLayer[] = [];
  for (const c of choices) layers.push(overlayLayerOf(c, await readLayer(c.layerId)));
  const t1 = performance.now();
  const engine = await loadGeometryEngine().catch((err: unknown) => {
    throw CodedError.of('engineUnavailable', err);
  });
  const index = new OverlayIndex(engine, layers);
  warm = { key, index };
  return { index, readMs: t1 - t0, indexMs: performance.now() - t1 };
}

serveWorker<OverlayProtocol>({
  overlay: async (req, ctx) => {
    const t0 = performance.now();
    const plots = overlayPlotsOf(await readLayer(req.plotLayerId, true), req.idField);
    const plotReadMs = performance.now() - t0;
    const { index, readMs, indexMs } = await indexFor(req.layers);
    let last = 0;
    const t1 = performance.now();
    const results: OverlayPlotResult[] = [];
    plots.forEach((plot, k) => {
      results.push(index.overlay(plot));
      const now = performance.now();
      if (now - last > 80 || k + 1 === plots.length) {
        last = now;
        ctx.progress({ done: k + 1, total: plots.length });
      }
    });
    return { result: { plots: results }, timings: { readMs: plotReadMs + readMs, indexMs, overlayMs: performance.now() - t1 } };
  },
});
