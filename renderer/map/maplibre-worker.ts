import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let set = false;
/** maplibre's worker from our own bundle (never a CDN); set once, before any map or prewarm. */
export function selectMaplibreWorker(): void {
  if (set) return;
  maplibregl.setWorkerUrl(workerUrl);
  set = true;
}
