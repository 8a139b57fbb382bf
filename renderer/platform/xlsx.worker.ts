/// <reference lib="webworker" />
/**
 * Writes an .xlsx off the UI thread: exceljs (~0.9 MB minified) is parsed only in this worker, and only when an
 * export asks for it; deflating the sheets does not block the page. In: an XlsxWorkbook (plain data). Out:
 * the bytes, transferred.
 */
import { writeXlsx } from '../../shared/formats/xlsx/write';
import { CodedError } from './coded-error';
import { serveWorker } from './worker-host';
import type { XlsxProtocol } from './xlsx.protocol';

serveWorker<XlsxProtocol>({
  write: async (book, ctx) => {
    const bytes = await writeXlsx(book).catch((err: unknown) => {
      throw CodedError.of('xlsxFailed', err);
    });
    ctx.transfer(bytes.buffer);
    return bytes;
  },
});
