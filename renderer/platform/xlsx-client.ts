/** Writes a workbook in a fresh worker (xlsx.worker.ts), which is ended once the bytes are back. */
import type { XlsxWorkbook } from '../../shared/formats/xlsx/workbook';
import { createWorkerClient } from './worker-client';
import type { XlsxProtocol } from './xlsx.protocol';

const xlsx = createWorkerClient<XlsxProtocol>({
  spawn: () => new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-xlsx' }),
  lifetime: 'per-request',
});

/** Rejects with a CodedError: `xlsxFailed`, or `workerFailed` when the worker could not run. */
export const writeXlsxInWorker = (book: XlsxWorkbook): Promise<Uint8Array> => xlsx.request('write', book);
