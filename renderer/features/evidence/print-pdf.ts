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

/** A data: URL of a blob (an SVG drawn as an image may not load anything, blob: URLs included). */
const dataUrlOf = (blob: Blob) =>
  new Promise<string>((ok, no) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result));
    r.onerror = () => no(r.error);
    r.readAsDataURL(blob);
  });

/**
 * The map sheet at `dpi` as PNG bytes: its SVG (as the print root draws it) drawn onto a canvas of the paper's size at
 * that resolution. A4 at 300 dpi is 2480 × 3508 px, A3 landscape 4961 × 3508 (under Chromium's 8192-a-side limit).
 */
export async function sheetPng(svg: SVGSVGElement, sheet: Sheet, dpi = 300): Promise<Uint8Array> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const img of [...copy.querySelectorAll('image')]) {
    const href = img.getAttribute('href');
    if (href?.startsWith('blob:')) img.setAttribute('href', await dataUrlOf(await (await fetch(href)).blob()));
  }
  const w = Math.round((sheet.paper.widthMm / 25.4) * dpi);
  const h = Math.round((sheet.paper.heightMm / 25.4) * dpi);
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  const markup = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob>((ok, no) => canvas.toBlob((b) => (b ? ok(b) : no(new Error('canvas.toBlob gave nothing'))), 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
