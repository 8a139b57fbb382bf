/** Runs one import in a fresh worker (import.worker.ts). cancel() terminates it: nothing it had not committed is stored. */
import { createWorkerClient } from '../../platform/worker-client';
import type { ImportProtocol, ImportRequest, ImportSummary, JobProgress } from './import.protocol';

const imports = createWorkerClient<ImportProtocol>({
  spawn: () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-import' }),
  lifetime: 'per-request',
});

export interface RunningJob {
  /** Rejects with a CodedError (`cancelled` after cancel()). */
  promise: Promise<ImportSummary>;
  cancel(): void;
}

export function runJob(req: ImportRequest, onProgress?: (p: JobProgress) => void): RunningJob {
  const ac = new AbortController();
  // Files are Blobs (cheap to post) or Electron bytes (copied, not transferred: a pending bundle re-runs with them).
  return { promise: imports.request('import', req, { onProgress, signal: ac.signal }), cancel: () => ac.abort() };
}
