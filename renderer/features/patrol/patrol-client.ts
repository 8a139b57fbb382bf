/** The patrol worker, one per request (cancel = terminate; a big track's memory goes with it). */
import { createWorkerClient, type RequestOptions } from '../../platform/worker-client';
import type { CoverageRequest, CoverageRun, PatrolProgress, PatrolProtocol, ReadTrackRequest, TrackRun } from './patrol.protocol';

const client = createWorkerClient<PatrolProtocol>({
  spawn: () => new Worker(new URL('./patrol.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-patrol' }),
  lifetime: 'per-request',
});

export const readTrackInWorker = (req: ReadTrackRequest, o: RequestOptions<PatrolProgress> = {}): Promise<TrackRun> =>
  client.request('readTrack', req, { ...o, transfer: [req.bytes.buffer] });

export const coverageInWorker = (req: CoverageRequest, o: RequestOptions<PatrolProgress> = {}): Promise<CoverageRun> =>
  client.request('coverage', req, o);
