/** The import worker's protocol (renderer/platform/worker-protocol.ts): one request, an import of files. */
import type { ImportProgress, Issue, PendingBundle } from '../../../shared/formats/types';
import type { StoredLayerSummary } from '../../data/layer-records';

export interface WorkerFile {
  path: string;
  data: Blob | Uint8Array;
}

export interface ImportRequest {
  files: WorkerFile[];
  encodingOverride?: Record<string, string>;
  crsOverride?: Record<string, number>;
}

export type ImportedLayerSummary = StoredLayerSummary;

export interface ImportSummary {
  layers: ImportedLayerSummary[];
  pending: PendingBundle[];
  failed: { source: string; issues: Issue[] }[];
  issues: Issue[];
  timingsMs: { read: number; parse: number; save: number };
}

export type JobProgress = { stage: 'reading' | 'saving'; done: number; total: number } | { stage: 'importing'; progress: ImportProgress };

export type ImportProtocol = {
  import: { request: ImportRequest; result: ImportSummary; progress: JobProgress };
};
