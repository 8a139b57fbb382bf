/**
 * The UI side of the sheet-canvas worker: `sheetPng(sheet, images, { dpi, signal })` → the PNG bytes (or a named
 * refusal). One worker per request (per-request lifetime): a cancelled or finished PNG leaves no canvas behind.
 */
import type { Sheet } from '../../../../shared/domain/evidence/sheet-model';
import { createWorkerClient, type WorkerClient } from '../../../platform/worker-client';
import type { SheetPngResult } from './sheet-canvas';
import type { SheetCanvasProtocol } from './sheet-canvas.protocol';

let client: WorkerClient<SheetCanvasProtocol> | null = null;
const clientOf = (): WorkerClient<SheetCanvasProtocol> =>
  (client ??= createWorkerClient<SheetCanvasProtocol>({
    spawn: () => new Worker(new URL('./sheet-canvas.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-sheet-png' }),
    lifetime: 'per-request',
  }));

/** The sheet as a PNG at `dpi` (300 by default), drawn in a worker. Abort the signal to cancel. */
export function sheetPng(
  sheet: Sheet,
  images: Record<string, Uint8Array>,
  o: { dpi?: number; signal?: AbortSignal; onProgress?: (p: { step: 'decoding' | 'drawing' | 'encoding' }) => void } = {},
): Promise<SheetPngResult> {
  return clientOf().request(
    'renderPng',
    { sheet, images, ...(o.dpi ? { dpi: o.dpi } : {}) },
    { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
  );
}
