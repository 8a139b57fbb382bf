/**
 * The PDF and the PNG of an evidence set. The PDF is Chromium's print of the print root (vector paths, real text with
 * the CJK font embedded): in Electron through the IPC contract's printToPdf with the CSS page sizes preferred (mixed
 * A3/A4 pages); in the browser build through window.print() — the browser saves the PDF where the user says and does
 * not hand its bytes back, so the dialog then asks for the file the user saved (so the set and its manifest hold it).
 */
import type { MainApi, PrintToPdfRequest } from '../../../shared/ipc/contract';
import type { Sheet } from '../../../shared/domain/evidence/sheet-model';
import { printJob } from './evidence-state';

/** The request for the sheets: the first sheet's paper as the fallback size; every page's own `@page` size wins. */
export function printRequestOf(sheets: readonly Sheet[]): PrintToPdfRequest {
  const p = sheets[0]?.paper ?? { widthMm: 210, heightMm: 297, orientation: 'portrait' as const };
  return {
    pageSize: { widthMm: p.widthMm, heightMm: p.heightMm },
    landscape: p.orientation === 'landscape',
    printBackground: true,
    cssPageSize: true,
  };
}

/** Puts the sheets in the print root and resolves once they are laid out, their images decoded and fonts loaded. */
export async function showSheets(sheets: readonly Sheet[], images: Readonly<Record<string, string>>): Promise<() => void> {
  await new Promise<void>((ready) => printJob.set({ sheets, images, ready }));
  // Two frames: the portal's layout is done before Chromium snapshots the page for print.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return () => printJob.set(null);
}

/** Electron (or its stand-in): the PDF bytes of the sheets. */
export async function electronPdf(api: MainApi, sheets: readonly Sheet[], images: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const clear = await showSheets(sheets, images);
  try {
    return await api.printToPdf(printRequestOf(sheets));
  } finally {
    clear();
  }
}

/** The browser build: the print dialog over the print root (window.print returns when the dialog closes). */
export async function browserPrint(sheets: readonly Sheet[], images: Readonly<Record<string, string>>): Promise<void> {
  const clear = await showSheets(sheets, images);
  try {
    window.print();
  } finally {
    clear();
  }
}
