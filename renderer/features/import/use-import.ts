import { useCallback, useRef, useState } from 'react';
import type { PendingBundle } from '../../../shared/formats/types';
import { matchBundleFiles, normaliseCollected, type CollectedFile } from './import.logic';
import { JobCancelled, runJob, type RunningJob } from './worker-client';
import type { JobProgress, JobSummary } from './worker-protocol';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: JobProgress | null }
  | { kind: 'result'; summary: JobSummary }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' }
  | { kind: 'empty' };

interface PendingItem {
  bundle: PendingBundle;
  files: CollectedFile[];
}

/** The import flow: one worker job per import, progress, cancel, result, then the CRS questions one by one. */
export function useImport(onImported: (summary: JobSummary) => void) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [pending, setPending] = useState<PendingItem[]>([]);
  const job = useRef<RunningJob | null>(null);

  const run = useCallback((files: CollectedFile[], crsOverride?: Record<string, number>) => {
    const list = normaliseCollected(files);
    if (list.length === 0) {
      setState({ kind: 'empty' });
      return;
    }
    job.current?.cancel();
    setState({ kind: 'running', progress: null });
    const j = runJob({ type: 'import', files: list, crsOverride }, (progress) => setState({ kind: 'running', progress }));
    job.current = j;
    j.promise.then(
      (summary) => {
        if (job.current !== j) return;
        job.current = null;
        console.info('landpatrol: import timings (ms)', summary.timingsMs);
        onImported(summary);
        setState({ kind: 'result', summary });
        setPending((p) => [...p, ...summary.pending.map((bundle) => ({ bundle, files: matchBundleFiles(bundle.source, list) }))]);
      },
      (err: unknown) => {
        if (job.current !== j && !(err instanceof JobCancelled)) return;
        job.current = null;
        setState(err instanceof JobCancelled ? { kind: 'cancelled' } : { kind: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
  }, [onImported]);

  const start = useCallback((files: CollectedFile[]) => run(files), [run]);
  const cancel = useCallback(() => job.current?.cancel(), []);
  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);

  /** The user chose a CRS for the first pending bundle (or null to skip it). */
  const resolvePending = useCallback((epsg: number | null) => {
    const first = pending[0];
    setPending((p) => p.slice(1));
    if (first && epsg !== null) run(first.files, { [first.bundle.source]: epsg });
  }, [pending, run]);

  return { state, pending: pending[0]?.bundle ?? null, start, cancel, dismiss, resolvePending };
}

export type ImportApi = ReturnType<typeof useImport>;
