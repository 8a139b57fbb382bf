/**
 * UI-thread side of the tile worker: registers the `lptile://` protocol with maplibre once and relays each tile
 * request to the worker (only small ArrayBuffers pass through this thread, transferred, never parsed). One
 * worker for the app's lifetime (renderer/platform/worker-client.ts); should it fail, its replacement is handed
 * the loaded Blobs again and the unanswered tile requests are asked of it once more.
 */
import * as maplibregl from 'maplibre-gl';
import { CodedError } from '../platform/coded-error';
import { createWorkerClient } from '../platform/worker-client';
import type { Bbox } from '../../shared/domain/geometry/bbox';
import type { TileProtocol } from './tile.protocol';
import type { SnapParts } from './tools/snap-parts.logic';
import { parseTileUrl, TILE_PROTOCOL } from './tile-url';

/** The Blobs the worker holds, by key. */
const loaded = new Map<string, Blob>();

const tiles = createWorkerClient<TileProtocol>({
  spawn: () => new Worker(new URL('./tile.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-tiles' }),
  lifetime: 'persistent',
  recover: 'resend',
  onStart: () => {
    for (const [key, blob] of loaded) tiles.notify('load', { key, blob });
  },
});

let registered = false;
function tileClient() {
  if (!registered) {
    registered = true;
    maplibregl.addProtocol(TILE_PROTOCOL, async (params) => {
      const t = parseTileUrl(params.url);
      if (!t) throw new CodedError('invalidRequest', { detail: `bad tile url ${params.url}` });
      return { data: await tiles.request('tile', t) };
    });
  }
  return tiles;
}

/**
 * Starts the tile worker (and with it its IndexedDB connection) ahead of the first map: on a reopen its module
 * load and database open then overlap the page's own start-up instead of delaying the first tile.
 */
export function startTileWorker(): void {
  tileClient().start();
}

export function loadTileData(key: string, blob: Blob): void {
  // Posted before it is remembered: a worker started by this very call is not handed it twice (onStart).
  tileClient().notify('load', { key, blob });
  loaded.set(key, blob);
}

export function unloadTileData(key: string): void {
  loaded.delete(key);
  tileClient().notify('unload', { key });
}

/**
 * The exact polylines of a loaded layer touching `bbox`, for snapping; null when they hold more than `maxPoints`
 * points (the view is too large to snap to that layer) or the layer is not loaded.
 */
export async function snapPartsOf(key: string, bbox: Bbox, maxPoints: number): Promise<SnapParts | null> {
  if (!loaded.has(key)) return null;
  const r = await tileClient().request('snapParts', { key, bbox, maxPoints });
  return r.truncated ? null : { xy: r.xy, starts: r.starts };
}
