/**
 * The one registry of custom raster tile schemes over maplibre's addProtocol (tile-protocols.logic.ts): a feature
 * registers `lpmbtiles`, `lpcog` … with a fetcher and puts `protocolTileTemplate(scheme, layerId)` in its
 * RasterLayerSpec's `tiles`. The vector tiles' own `lptile://` protocol (tile-client.ts) stays apart.
 */
import * as maplibregl from 'maplibre-gl';
import { createTileProtocolRegistry, type TileFetcher } from './tile-protocols.logic';
import { TILE_PROTOCOL } from './tile-url';

const registry = createTileProtocolRegistry((scheme, handle) => {
  maplibregl.addProtocol(scheme, async (params, abort) => ({ data: await handle(params.url, abort.signal) }));
});

/** Registers (or replaces) the fetcher of `scheme` (not `lptile`, which is the vector tiles'); returns its removal. */
export function registerTileProtocol(scheme: string, fetcher: TileFetcher): () => void {
  if (scheme === TILE_PROTOCOL) throw new Error(`${TILE_PROTOCOL} is the vector tiles' scheme`);
  return registry.register(scheme, fetcher);
}
