/**
 * The layer jobs (layer-jobs.worker.ts), each in a fresh worker ended with its answer: a re-decode parses a
 * whole shapefile again, and its memory goes with the worker. Failures are CodedErrors (noSourceFiles,
 * layerNotFound, workerFailed, …), said with errorText.
 */
import type { LayerKind, LayerStyle } from '../../../shared/domain/layers/kind';
import { createWorkerClient } from '../../platform/worker-client';
import type { LayerJobsProtocol } from './layer-jobs.protocol';

const jobs = createWorkerClient<LayerJobsProtocol>({
  spawn: (type) => new Worker(new URL('./layer-jobs.worker.ts', import.meta.url), { type: 'module', name: `landpatrol-${type ?? 'layer-job'}` }),
  lifetime: 'per-request',
});

export const storeSampleTownship = () => jobs.request('sample', null);
export const previewEncoding = (layerId: string, encoding: string) => jobs.request('preview', { layerId, encoding });
export const redecodeLayer = (layerId: string, encoding: string) => jobs.request('redecode', { layerId, encoding });
export const restyleLayer = (layerId: string, style: LayerStyle, kind: LayerKind) => jobs.request('restyle', { layerId, style, kind });
