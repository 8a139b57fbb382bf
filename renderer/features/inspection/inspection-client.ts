/** The inspection worker, one per request (a layer's parsed Blobs go with it). */
import { createWorkerClient } from '../../platform/worker-client';
import type { BoundaryHit, InspectionProtocol, StoredFeature } from './inspection.protocol';

const client = createWorkerClient<InspectionProtocol>({
  spawn: () => new Worker(new URL('./inspection.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-inspection' }),
  lifetime: 'per-request',
});

export const storedFeature = (layerId: string, fid: number): Promise<StoredFeature | null> => client.request('feature', { layerId, fid });

export const boundaryAt = (layerIds: string[], lngLat: [number, number]): Promise<BoundaryHit | null> =>
  layerIds.length === 0 ? Promise.resolve(null) : client.request('boundaryAt', { layerIds, lngLat });
