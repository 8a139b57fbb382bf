/// <reference lib="webworker" />
/**
 * Cuts each layer's stored lon/lat GeoJSON Blob into vector tiles on demand (geojson-vt + vt-pbf), so neither the
 * UI thread nor maplibre's GeoJSON source ever holds a whole large layer. (maplibre 6's GeoJSON source sends the
 * parsed data back to the UI thread after loading a URL: seconds of UI-thread work and GC for 50,000 polygons.)
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TileRequest, TileResponse } from './tile-protocol';

const indexes = new Map<string, Promise<GeoJSONVT | null>>();
const post = (m: TileResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer);

/** extent 4096 per 512-px tile = 8 units per screen pixel: tolerance 8 simplifies the display copy to 1 px at every zoom
 *  (areas and attributes come from the full geometry, never from tiles). */
const OPTIONS = { maxZoom: 18, indexMaxZoom: 5, indexMaxPoints: 100000, tolerance: 8, extent: 4096, buffer: 64 };

self.onmessage = async (e: MessageEvent<TileRequest>) => {
  const m = e.data;
  if (m.type === 'load') {
    indexes.set(
      m.key,
      m.blob.text().then(
        (text) => new GeoJSONVT(JSON.parse(text) as GeoJSON.GeoJSON, OPTIONS),
        () => null,
      ),
    );
  } else if (m.type === 'unload') {
    indexes.delete(m.key);
  } else {
    const index = await (indexes.get(m.key) ?? Promise.resolve(null)).catch(() => null);
    const tile = index?.getTile(m.z, m.x, m.y) ?? null;
    const bytes = tile ? fromGeojsonVt({ [m.layer]: tile }, { version: 2, extent: OPTIONS.extent }) : new Uint8Array(0);
    const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    post({ type: 'tile', id: m.id, buffer }, [buffer]);
  }
};
