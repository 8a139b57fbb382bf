/**
 * The one registry of custom raster tile schemes over maplibre's addProtocol (tile-protocols.logic.ts): a feature
 * registers `lpmbtiles`, `lpcog` … with a fetcher and puts `protocolTileTemplate(scheme, layerId)` in its
 * RasterLayerSpec's `tiles`. The vector tiles' own `lptile://` protocol (tile-client.ts) stays apart.
 */
import * as maplibregl from 'maplibre-gl';
import { createTileProtocolRegistry, type TileAddress, type TileFetcher } from './tile-protocols.logic';
import { TILE_PROTOCOL } from './tile-url';

const registry = createTileProtocolRegistry((scheme, handle) => {
  maplibregl.addProtocol(scheme, async (params, abort) => ({ data: await handle(params.url, abort.signal) }));
});

/** Registers (or replaces) the fetcher of `scheme` (not `lptile`, which is the vector tiles'); returns its removal. */
export function registerTileProtocol(scheme: string, fetcher: TileFetcher): () => void {
  if (scheme === TILE_PROTOCOL) throw new Error(`${TILE_PROTOCOL} is the vector tiles' scheme`);
  return registry.register(scheme, fetcher);
}

/**
 * One tile of a registered scheme through its fetcher, as the map would get it (the print render warps tile
 * sources into a sheet's GK extent with this; features/geotiff renderImagery). Null where the source has none.
 */
export async function fetchProtocolTile(scheme: string, tile: TileAddress, signal: AbortSignal): Promise<ArrayBuffer | null> {
  const bytes = await registry.handle(`${scheme}://${encodeURIComponent(tile.key)}/${tile.z}/${tile.x}/${tile.y}`, signal);
  return bytes.byteLength > 0 ? bytes : null;
}
