/** Writes a workbook in a fresh worker (platform/xlsx.worker.ts), which is ended once the bytes are back. */
import type { XlsxWorkbook } from '../../shared/formats/xlsx/workbook';
import type { XlsxWorkerMessage } from './xlsx.worker';

export function writeXlsxInWorker(book: XlsxWorkbook): Promise<Uint8Array> {
  const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module', name: 'landpatrol-xlsx' });
  return new Promise<Uint8Array>((resolve, reject) => {
    const finish = (fn: () => void) => {
      worker.terminate();
      fn();
    };
    worker.onmessage = (e: MessageEvent<XlsxWorkerMessage>) => {
      const m = e.data;
      finish(() => (m.type === 'done' ? resolve(m.bytes) : reject(new Error(m.message))));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(() => reject(new Error(e.message || 'worker error')));
    };
    worker.onmessageerror = () => finish(() => reject(new Error('worker message error')));
    worker.postMessage(book);
  });
}
