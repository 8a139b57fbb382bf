/**
 * UI-thread side of the tile worker: registers the `lptile://` protocol with maplibre once and relays each tile
 * request to the worker (only small ArrayBuffers pass through this thread, transferred, never parsed).
 */
import * as maplibregl from 'maplibre-gl';
import { parseTileUrl, TILE_PROTOCOL, type TileRequest, type TileResponse } from './tile-protocol';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, (buffer: ArrayBuffer) => void>();

function tileWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./tile.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-tiles' });
  w.onmessage = (e: MessageEvent<TileResponse>) => {
    const resolve = pending.get(e.data.id);
    pending.delete(e.data.id);
    resolve?.(e.data.buffer);
  };
  worker = w;
  maplibregl.addProtocol(TILE_PROTOCOL, async (params) => {
    const t = parseTileUrl(params.url);
    if (!t) throw new Error(`bad tile url ${params.url}`);
    const id = nextId++;
    const buffer = await new Promise<ArrayBuffer>((resolve) => {
      pending.set(id, resolve);
      send({ type: 'tile', id, ...t });
    });
    return { data: buffer };
  });
  return w;
}

function send(m: TileRequest): void {
  tileWorker().postMessage(m);
}

/**
 * Starts the tile worker (and with it its IndexedDB connection) ahead of the first map: on a reopen its module
 * load and database open then overlap the page's own start-up instead of delaying the first tile.
 */
export function startTileWorker(): void {
  tileWorker();
}

export const loadTileData = (key: string, blob: Blob): void => send({ type: 'load', key, blob });
export const unloadTileData = (key: string): void => send({ type: 'unload', key });
