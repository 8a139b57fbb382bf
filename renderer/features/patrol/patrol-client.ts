/** The patrol worker, one per request (cancel = terminate; a big track's memory goes with it). */
import { packCells, packedCellsTransfer, type CoverageCell } from '../../../shared/domain/patrol/coverage';
import { createWorkerClient, type RequestOptions } from '../../platform/worker-client';
import type { CoverageRequest, CoverageRun, PatrolProgress, PatrolProtocol, ReadTrackRequest, TrackRun } from './patrol.protocol';

const client = createWorkerClient<PatrolProtocol>({
  spawn: () => new Worker(new URL('./patrol.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-patrol' }),
  lifetime: 'per-request',
});

/** A request as the form makes it: the units as objects (packed here for the copy, packCells). */
type WithCells<R> = Omit<R, 'cells'> & { cells: readonly CoverageCell[] };

export function readTrackInWorker(req: WithCells<ReadTrackRequest>, o: RequestOptions<PatrolProgress> = {}): Promise<TrackRun> {
  const cells = packCells(req.cells);
  return client.request('readTrack', { ...req, cells }, { ...o, transfer: [req.bytes.buffer, ...packedCellsTransfer(cells)] });
}

export function coverageInWorker(req: WithCells<CoverageRequest>, o: RequestOptions<PatrolProgress> = {}): Promise<CoverageRun> {
  const cells = packCells(req.cells);
  return client.request('coverage', { ...req, cells }, { ...o, transfer: packedCellsTransfer(cells) });
}
