/** Pure glue between the layer records and the map. */
import { dataKeyOf, type LayerRecord } from '../db';
import type { LayerBlobs } from '../features/layers';
import type { MapLayerSpec } from '../map';

/** Map specs bottom → top for the layers whose data is ready. */
export function toMapSpecs(layersBottomToTop: readonly LayerRecord[], blobs: Record<string, LayerBlobs>): MapLayerSpec[] {
  const out: MapLayerSpec[] = [];
  for (const l of layersBottomToTop) {
    const b = blobs[l.id];
    if (!b) continue;
    out.push({ id: l.id, name: l.name, dataKey: dataKeyOf(l.id, b.version), data: b.data, labels: b.labels, geometryKind: l.meta.geometryKind, featureCount: l.meta.featureCount, bboxLngLat: l.meta.bboxLngLat, style: l.style, visible: l.visible, opacity: l.opacity });
  }
  return out;
}

/** Default view before any data: mainland China. */
export const CHINA_VIEW = { center: [105, 35] as [number, number], zoom: 3.3, bearing: 0 };
