import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/** maplibre's worker from our own bundle (never a CDN). Call before any map or prewarm; calling again is harmless. */
export function selectMaplibreWorker(): void {
  maplibregl.setWorkerUrl(workerUrl);
}
