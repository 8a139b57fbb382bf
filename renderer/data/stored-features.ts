/**
 * A stored layer read back as features (workers only: it parses both Blobs): geometry from the lon/lat GeoJSON,
 * attributes and areas from the attribute store, in the store's (file) order. Used to restyle and to overlay.
 */
import type { LayerFeature } from '../../shared/formats/types';
import { getLayerData } from '../db';
import { CodedError } from '../platform/coded-error';
import { validateAttributeStore, type AttributeStore } from './attribute-store';

export interface StoredLayer {
  store: AttributeStore;
  /** The stored attributes Blob itself, for writers that keep it unchanged. */
  attributesBlob: Blob;
  features: LayerFeature[];
}

/** Null when the layer has no stored data; throws `attributesUnreadable` when its attribute store does not parse. */
export async function readStoredLayer(layerId: string): Promise<StoredLayer | null> {
  const data = await getLayerData(layerId);
  if (!data) return null;
  let store: AttributeStore | null = null;
  try {
    const v = validateAttributeStore(JSON.parse(await data.attributes.text()));
    store = v.ok ? v.value : null;
  } catch (err) {
    throw CodedError.of('attributesUnreadable', err);
  }
  if (!store) throw new CodedError('attributesUnreadable', { detail: `layer ${layerId}` });
  const fc = JSON.parse(await data.geojson.text()) as { features: { id: number; geometry: LayerFeature['geometry'] }[] };
  const geomByFid = new Map(fc.features.map((f) => [f.id, f.geometry]));
  const features = store.json.fids.map((fid, i): LayerFeature => {
    const row = store.row(i);
    return {
      fid,
      geometry: geomByFid.get(fid) ?? null,
      properties: Object.fromEntries(store.fields.map((n, j) => [n, row[j] ?? null])),
      area: store.area(i) ?? undefined,
    };
  });
  return { store, attributesBlob: data.attributes, features };
}
