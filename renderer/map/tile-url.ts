/** The `lptile://` URLs the map asks its custom protocol for (the messages to the tile worker are in tile.protocol.ts). */
export const TILE_PROTOCOL = 'lptile';
/** source-layer names inside our tiles */
export const DATA_LAYER = 'f';
export const LABEL_LAYER = 'l';

/** lptile://<key>/<layer>/{z}/{x}/{y} */
export const tileUrlTemplate = (key: string, layer: string) => `${TILE_PROTOCOL}://${encodeURIComponent(key)}/${layer}/{z}/{x}/{y}`;

export function parseTileUrl(url: string): { key: string; layer: string; z: number; x: number; y: number } | null {
  const m = new RegExp(`^${TILE_PROTOCOL}://([^/]+)/(\\w+)/(\\d+)/(\\d+)/(\\d+)$`).exec(url);
  if (!m) return null;
  return { key: decodeURIComponent(m[1]!), layer: m[2]!, z: Number(m[3]), x: Number(m[4]), y: Number(m[5]) };
}

/** The tile cache key: "<dataKey>/<source-layer>/<z>/<x>/<y>" (dataKey = "<layerId>@<dataVersion>"). */
export const tileCacheId = (key: string, layer: string, z: number, x: number, y: number) => `${key}/${layer}/${z}/${x}/${y}`;

/** Keys of live data (layer-style.ts TiledGeoJson): tiled like a stored layer, but never kept in the tile cache. */
export const LIVE_TILE_KEY_PREFIX = 'live:';
export const isLiveTileKey = (key: string) => key.startsWith(LIVE_TILE_KEY_PREFIX);
