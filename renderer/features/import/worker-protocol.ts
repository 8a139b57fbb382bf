/** Messages between the UI and the layer-jobs worker (import, sample, re-decode, restyle). */
import type { LayerKind, LayerStyle } from '../../../shared/domain/layers/kind';
import type { CrsInfo } from '../../../shared/domain/crs/types';
import type { EncodingInfo, ImportProgress, Issue, PendingBundle } from '../../../shared/formats/types';

export interface WorkerFile {
  path: string;
  data: Blob | Uint8Array;
}

export type JobRequest =
  | { type: 'import'; files: WorkerFile[]; encodingOverride?: Record<string, string>; crsOverride?: Record<string, number> }
  | { type: 'sample' }
  | { type: 'redecode'; layerId: string; encoding: string; previewOnly: boolean }
  | { type: 'restyle'; layerId: string; style: LayerStyle; kind: LayerKind };

export interface ImportedLayerSummary {
  id: string;
  name: string;
  source: string;
  featureCount: number;
  encoding: EncodingInfo;
  crs: CrsInfo;
  issues: Issue[];
}

export interface JobSummary {
  layers: ImportedLayerSummary[];
  pending: PendingBundle[];
  failed: { source: string; issues: Issue[] }[];
  issues: Issue[];
  /** Re-decode preview: a few decoded rows of text fields. */
  preview?: { fields: string[]; rows: string[][] };
  timingsMs: { read: number; parse: number; save: number };
}

export type JobProgress = { stage: 'reading' | 'saving'; done: number; total: number } | { stage: 'importing'; progress: ImportProgress };

/**
 * Why a job failed, as a code the UI says in Chinese or English (never by matching the message text):
 * noSourceFiles — the layer's original files are not stored (re-decode needs them); layerNotFound — the layer
 * was removed meanwhile; failed — anything else (the message is the detail for a report).
 */
export type JobErrorCode = 'noSourceFiles' | 'layerNotFound' | 'failed';

export type JobMessage = { type: 'progress'; progress: JobProgress } | { type: 'done'; summary: JobSummary } | { type: 'error'; code: JobErrorCode; message: string };

/** A job's failure in the worker and, re-created from the message, in the UI. */
export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'JobError';
  }
}
