/**
 * 打印地图's two outputs, each one file saved where the user says: 导出 PDF (Electron: printToPdf of the print root, the
 * sheet's own CSS page size; the browser build: the print dialog over the same print root, where the user saves the PDF
 * — the browser does not hand its bytes back, and a working map has no manifest to hash it into) and 导出 PNG (the map
 * sheet at 300 dpi with its pHYs, drawn by the sheet-canvas worker). No zip and no 清单: a view's print is a working
 * map, not a record's evidence set — no record, no history chain to anchor — and an officer who prints a map expects
 * the PDF itself, not an archive to unpack.
 */
import { electronApi, saveBytes } from '../../platform/platform';
import { mapPng } from './export-actions';
import type { PreparedSheets } from './export-pipeline';
import { canvasSizeOf } from './render';
import { browserPrint, printRequestOf, showSheets } from './print-pdf';

export type ViewPdfOutcome = { kind: 'saved'; bytes: number } | { kind: 'printed' } | { kind: 'notSaved' };

export async function exportViewPdf(p: PreparedSheets, name: string): Promise<ViewPdfOutcome> {
  const api = electronApi();
  if (!api) {
    await browserPrint(p.sheets, p.images);
    return { kind: 'printed' };
  }
  const clear = await showSheets(p.sheets, p.images);
  let pdf: Uint8Array;
  try {
    pdf = await api.printToPdf(printRequestOf(p.sheets));
  } finally {
    clear();
  }
  return (await saveBytes(name, pdf, 'application/pdf', 'PDF', 'pdf')) ? { kind: 'saved', bytes: pdf.byteLength } : { kind: 'notSaved' };
}

export type ViewPngOutcome = { kind: 'saved'; bytes: number; widthPx: number; heightPx: number } | { kind: 'notSaved' };

export async function exportViewPng(p: PreparedSheets, name: string, signal: AbortSignal): Promise<ViewPngOutcome> {
  const png = await mapPng(p, signal);
  const { widthPx, heightPx } = canvasSizeOf(p.sheets[0]!, 300);
  return (await saveBytes(name, png, 'image/png', 'PNG', 'png')) ? { kind: 'saved', bytes: png.byteLength, widthPx, heightPx } : { kind: 'notSaved' };
}
