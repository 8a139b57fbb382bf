/// <reference lib="webworker" />
/**
 * Cuts each layer's stored lon/lat GeoJSON Blob into vector tiles on demand (geojson-vt + vt-pbf), so neither the
 * UI thread nor maplibre's GeoJSON source ever holds a whole large layer. (maplibre 6's GeoJSON source sends the
 * parsed data back to the UI thread after loading a URL: seconds of UI-thread work and GC for 50,000 polygons.)
 *
 * Every tile cut is kept in IndexedDB (db `tileCache`, keyed by the layer's data version): reopening the app
 * draws the stored tiles of the view it was left at, and the Blob is parsed and indexed only when a tile is
 * missing (50,000 polygons: ~2 s of parsing and indexing saved before the first tile).
 *
 * It also answers snapping's question "which edges are in view" from the stored geometry itself (exact, where a tile's
 * are quantised and simplified): a layer's parts are indexed on the first such request (while an edit tool runs) and
 * kept until the layer is unloaded.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { getCachedTile, hasCachedTiles, layerIdOfKey, openDbEarly, putCachedTiles, type TileCacheRecord } from '../db';
import { serveWorker } from '../platform/worker-host';
import type { TileProtocol } from './tile.protocol';
import { isLiveTileKey, tileCacheId } from './tile-url';
import { emptyParts, PartIndex, partsOfGeometries } from './tools/snap-parts.logic';

const blobs = new Map<string, Blob>();
const indexes = new Map<string, Promise<GeoJSONVT | null>>();
const snapIndexes = new Map<string, Promise<PartIndex | null>>();

function snapIndexOf(key: string): Promise<PartIndex | null> {
  let index = snapIndexes.get(key);
  if (!index) {
    const blob = blobs.get(key);
    index = blob
      ? blob.text().then(
          (text) => new PartIndex(partsOfGeometries((JSON.parse(text) as GeoJSON.FeatureCollection).features.map((f) => f.geometry))),
          () => null,
        )
      : Promise.resolve(null);
    snapIndexes.set(key, index);
  }
  return index.catch(() => null);
}

/** extent 4096 per 512-px tile = 8 units per screen pixel: tolerance 8 simplifies the display copy to 1 px at every zoom
 *  (areas and attributes come from the full geometry, never from tiles). */
const OPTIONS = { maxZoom: 18, indexMaxZoom: 5, indexMaxPoints: 100000, tolerance: 8, extent: 4096, buffer: 64 };

function indexOf(key: string): Promise<GeoJSONVT | null> {
  let index = indexes.get(key);
  if (!index) {
    const blob = blobs.get(key);
    index = blob
      ? blob.text().then(
          (text) => new GeoJSONVT(JSON.parse(text) as GeoJSON.GeoJSON, OPTIONS),
          () => null,
        )
      : Promise.resolve(null);
    indexes.set(key, index);
  }
  return index.catch(() => null);
}

// Tiles to store, written in one transaction per burst (a cache write never blocks a tile reply).
let toStore: TileCacheRecord[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;
function remember(record: TileCacheRecord): void {
  toStore.push(record);
  flushTimer ??= setTimeout(() => {
    const batch = toStore;
    toStore = [];
    flushTimer = null;
    putCachedTiles(batch).catch(() => undefined);
  }, 300);
}

async function tileBytes(m: TileProtocol['tile']['request']): Promise<ArrayBuffer> {
  const id = tileCacheId(m.key, m.layer, m.z, m.x, m.y);
  // Live data (a filter's records) changes with every filter: its tiles are cut each time, never kept.
  const live = isLiveTileKey(m.key);
  const cached = live ? null : await getCachedTile(id).catch(() => null);
  if (cached) return cached;
  const index = await indexOf(m.key);
  if (!blobs.has(m.key)) return new ArrayBuffer(0); // unloaded meanwhile: nothing to cache
  const tile = index?.getTile(m.z, m.x, m.y) ?? null;
  const bytes = tile ? fromGeojsonVt({ [m.layer]: tile }, { version: 2, extent: OPTIONS.extent }) : new Uint8Array(0);
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  if (index && !live) remember({ id, layerId: layerIdOfKey(m.key), bytes: buffer.slice(0) });
  return buffer;
}

// Open the database now, while the map is still being created (the first tile read then finds it open).
openDbEarly();

serveWorker<TileProtocol>({
  load: async ({ key, blob }) => {
    blobs.set(key, blob);
    // A layer never drawn before (just imported) has no cached tiles: start indexing at once.
    if (isLiveTileKey(key) || !(await hasCachedTiles(key).catch(() => false))) void indexOf(key);
    return null;
  },
  unload: ({ key }) => {
    blobs.delete(key);
    indexes.delete(key);
    snapIndexes.delete(key);
    return null;
  },
  snapParts: async ({ key, bbox, maxPoints }, ctx) => {
    const index = await snapIndexOf(key);
    const { parts, truncated } = index ? index.query(bbox, maxPoints) : { parts: emptyParts(), truncated: false };
    ctx.transfer(parts.xy.buffer, parts.starts.buffer);
    return { xy: parts.xy, starts: parts.starts, truncated };
  },
  tile: async (t, ctx) => {
    const buffer = await tileBytes(t);
    ctx.transfer(buffer);
    return buffer;
  },
});
