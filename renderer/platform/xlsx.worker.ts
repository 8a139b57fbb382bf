/// <reference lib="webworker" />
/**
 * Writes an .xlsx off the UI thread: exceljs (~0.9 MB minified) is parsed only in this worker, and only when an
 * export asks for it; deflating the sheets does not block the page. In: an XlsxWorkbook (plain data). Out:
 * the bytes, transferred.
 */
import { writeXlsx } from '../../shared/formats/xlsx/write';
import type { XlsxWorkbook } from '../../shared/formats/xlsx/workbook';

export type XlsxWorkerMessage = { type: 'done'; bytes: Uint8Array } | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<XlsxWorkbook>) => {
  try {
    const bytes = await writeXlsx(e.data);
    scope.postMessage({ type: 'done', bytes } satisfies XlsxWorkerMessage, [bytes.buffer]);
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies XlsxWorkerMessage);
  }
};
