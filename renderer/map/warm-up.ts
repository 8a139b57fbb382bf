/**
 * Start-up work that would otherwise wait for the map to exist, begun before React renders: maplibre's worker
 * (a ~520 KB module to fetch and compile, which every tile request goes through) and our tile worker with its
 * IndexedDB connection. Both then load while React renders and the WebGL context is created.
 */
import * as maplibregl from 'maplibre-gl';
import { selectMaplibreWorker } from './maplibre-worker';
import { startTileWorker } from './tile-client';

export function warmUpMap(): void {
  selectMaplibreWorker();
  maplibregl.prewarm();
  startTileWorker();
}
