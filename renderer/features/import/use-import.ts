import { useCallback, useRef, useState } from 'react';
import type { PendingBundle } from '../../../shared/formats/types';
import { useI18n } from '../../i18n';
import { errorReason, isCancelled, toCodedError, type CodedError } from '../../platform/coded-error';
import { matchBundleFiles, normaliseCollected, type CollectedFile } from './import.logic';
import type { ImportSummary, JobProgress } from './import.protocol';
import { runJob, type RunningJob } from './worker-client';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: JobProgress | null }
  | { kind: 'result'; summary: ImportSummary }
  /** `message`: the coded error's reason in the UI language (for 导入失败：{message}). */
  | { kind: 'error'; message: string; error: CodedError }
  | { kind: 'cancelled' }
  | { kind: 'empty' };

interface PendingItem {
  bundle: PendingBundle;
  files: CollectedFile[];
}

/** The import flow: one worker job per import, progress, cancel, result, then the CRS questions one by one. */
export function useImport(onImported: (summary: ImportSummary) => void) {
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [pending, setPending] = useState<PendingItem[]>([]);
  const job = useRef<RunningJob | null>(null);

  const run = useCallback(
    (files: CollectedFile[], crsOverride?: Record<string, number>) => {
      const list = normaliseCollected(files);
      if (list.length === 0) {
        setState({ kind: 'empty' });
        return;
      }
      job.current?.cancel();
      setState({ kind: 'running', progress: null });
      const j = runJob({ files: list, crsOverride }, (progress) => setState({ kind: 'running', progress }));
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
          if (job.current !== j && !isCancelled(err)) return;
          job.current = null;
          const error = toCodedError(err);
          setState(isCancelled(error) ? { kind: 'cancelled' } : { kind: 'error', message: errorReason(error, t), error });
        },
      );
    },
    [onImported, t],
  );

  const start = useCallback((files: CollectedFile[]) => run(files), [run]);
  const cancel = useCallback(() => job.current?.cancel(), []);
  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);

  /** The user chose a CRS for the first pending bundle (or null to skip it). */
  const resolvePending = useCallback(
    (epsg: number | null) => {
      const first = pending[0];
      setPending((p) => p.slice(1));
      if (first && epsg !== null) run(first.files, { [first.bundle.source]: epsg });
    },
    [pending, run],
  );

  return { state, pending: pending[0]?.bundle ?? null, start, cancel, dismiss, resolvePending };
}

export type ImportApi = ReturnType<typeof useImport>;
