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

/**
 * The map sheet at `dpi` as PNG bytes: the rasters of its image marks (the imagery under the vectors) drawn straight
 * onto a canvas of the paper's size at that resolution, then the sheet's SVG without them drawn over it (an SVG drawn
 * as an image may load nothing, and inlining a 300-dpi raster as a data: URL cost seconds). A4 at 300 dpi is
 * 2480 × 3508 px, A3 landscape 4961 × 3508 (under Chromium's 8192-a-side limit).
 */
export async function sheetPng(svg: SVGSVGElement, sheet: Sheet, dpi = 300): Promise<Uint8Array> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const w = Math.round((sheet.paper.widthMm / 25.4) * dpi);
  const h = Math.round((sheet.paper.heightMm / 25.4) * dpi);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  const px = dpi / 25.4;
  // Image marks are the bottom of the sheet's stack (the layouts put imagery first): drawn first, in their rect.
  for (const img of [...copy.querySelectorAll('image')]) {
    const href = img.getAttribute('href');
    img.remove();
    if (!href) continue;
    const bitmap = await createImageBitmap(await (await fetch(href)).blob());
    const at = (name: string) => Number(img.getAttribute(name) ?? 0) * px;
    ctx.globalAlpha = Number(img.getAttribute('opacity') ?? 1);
    ctx.drawImage(bitmap, at('x'), at('y'), at('width'), at('height'));
    ctx.globalAlpha = 1;
    bitmap.close();
  }
  // The SVG's own white background would hide the imagery: dropped (the canvas is white already).
  copy.querySelector(':scope > rect')?.setAttribute('fill', 'none');
  copy.setAttribute('width', String(w));
  copy.setAttribute('height', String(h));
  const markup = new XMLSerializer().serializeToString(copy);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob>((ok, no) => canvas.toBlob((b) => (b ? ok(b) : no(new Error('canvas.toBlob gave nothing'))), 'image/png'));
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
