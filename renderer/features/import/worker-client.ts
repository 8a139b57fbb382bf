/** Runs one job in a fresh worker. cancel() terminates it: nothing it had not committed is stored. */
import { JobError, type JobProgress, type JobRequest, type JobSummary, type JobMessage } from './worker-protocol';

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface RunningJob {
  promise: Promise<JobSummary>;
  cancel(): void;
}

export function runJob(req: JobRequest, onProgress?: (p: JobProgress) => void): RunningJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: `landpatrol-${req.type}` });
  let settle: { resolve: (s: JobSummary) => void; reject: (e: Error) => void } | null = null;
  const promise = new Promise<JobSummary>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (fn: (s: NonNullable<typeof settle>) => void) => {
    if (!settle) return;
    const s = settle;
    settle = null;
    worker.terminate();
    fn(s);
  };
  worker.onmessage = (e: MessageEvent<JobMessage>) => {
    const m = e.data;
    if (m.type === 'progress') onProgress?.(m.progress);
    else if (m.type === 'done') finish((s) => s.resolve(m.summary));
    else finish((s) => s.reject(new JobError(m.code, m.message)));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    finish((s) => s.reject(new Error(e.message || 'worker error')));
  };
  worker.onmessageerror = () => finish((s) => s.reject(new Error('worker message error')));
  // Files are Blobs (cheap to post) or Electron bytes (copied, not transferred: a pending bundle re-runs with them).
  worker.postMessage(req);
  return { promise, cancel: () => finish((s) => s.reject(new JobCancelled())) };
}
