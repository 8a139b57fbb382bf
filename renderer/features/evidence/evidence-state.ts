/**
 * The evidence feature's state outside React: which dialog is open, the sheets being printed (the print root renders
 * them), and the one evidence worker (persistent: a batch reads each layer once; cancel ends it).
 */
import type { Sheet } from '../../../shared/domain/evidence/sheet-model';
import type { MapViewSnapshot } from '../../../shared/domain/evidence/view-sheet';
import { createWorkerClient, type WorkerClient } from '../../platform/worker-client';
import { createStore } from '../../ui/store';
import type { EvidenceProtocol } from './evidence.protocol';

export type EvidenceDialog =
  /** 导出证据 of a stored inspection record. */
  | { kind: 'record'; recordId: string }
  /** 打印地图: the map sheet of the current view (as it was when the command ran), no record. */
  | { kind: 'view'; view: MapViewSnapshot }
  /** 批量导出证据 of the 核查 list's filtered records, or (layerId) of every patch of a 卫片图斑 layer. */
  | { kind: 'batch'; recordIds: string[]; layerId?: string };

export const dialogState = createStore<EvidenceDialog | null>(null);

export interface PrintJob {
  sheets: readonly Sheet[];
  /** Image refs of the sheets' image marks → object URLs. */
  images: Readonly<Record<string, string>>;
  /** Set by the print root once every sheet is in the page and its images are decoded. */
  ready?: () => void;
}

/** The sheets in the print root (portalled beside the app; `@media print` hides the app). */
export const printJob = createStore<PrintJob | null>(null);

let client: WorkerClient<EvidenceProtocol> | null = null;

export const evidenceClient = (): WorkerClient<EvidenceProtocol> =>
  (client ??= createWorkerClient<EvidenceProtocol>({
    spawn: () => new Worker(new URL('./evidence.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-evidence' }),
    lifetime: 'persistent',
  }));

/** Cancel: the worker and what it held go; the next export starts a fresh one. */
export function stopEvidenceWorker(): void {
  client?.terminate();
  client = null;
}
