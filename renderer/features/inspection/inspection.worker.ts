/// <reference lib="webworker" />
/** Off the UI thread: a stored layer's two Blobs parsed to read one feature (readStoredLayer, as the overlay does). */
import type { MultiPolygon, Polygon } from 'geojson';
import { pointInRings } from '../../../shared/domain/grid/grid-edits';
import { readStoredLayer } from '../../data/stored-features';
import { serveWorker } from '../../platform/worker-host';
import { boundaryNameOf } from './start.logic';
import type { InspectionProtocol } from './inspection.protocol';

const holds = (g: Polygon | MultiPolygon, p: [number, number]) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).some((rings) => pointInRings(rings, p[0], p[1]));

serveWorker<InspectionProtocol>({
  feature: async ({ layerId, fid }) => {
    const stored = await readStoredLayer(layerId);
    const f = stored?.features.find((x) => x.fid === fid);
    if (!f) return null;
    return { geometry: f.geometry, properties: f.properties, zone: f.area?.zone ?? null };
  },
  boundaryAt: async ({ layerIds, lngLat }) => {
    for (const layerId of layerIds) {
      const stored = await readStoredLayer(layerId);
      for (const f of stored?.features ?? []) {
        const g = f.geometry;
        if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !holds(g, lngLat)) continue;
        const name = boundaryNameOf(f.properties);
        if (name) return { layerId, name };
      }
    }
    return null;
  },
});
