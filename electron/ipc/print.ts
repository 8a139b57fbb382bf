import type { PrintToPDFOptions } from 'electron';
import type { PrintToPdfRequest } from '../../shared/ipc/contract';

export const MM_PER_INCH = 25.4;

/**
 * Contract request → Electron's printToPDF options. Chromium swaps the page's sides when `landscape` is
 * true (measured: 420×297 mm + landscape gives a 297 mm wide sheet). So the paper is passed portrait
 * (short side as width) and `landscape` alone decides the orientation: A3 + landscape is always
 * 420 mm wide × 297 mm high whichever order the renderer gave the sides in. Margins are zero because
 * the print layout draws its own frame and a true map scale needs the full sheet. `cssPageSize` lets the page's
 * `@page` sizes decide each page (preferCSSPageSize; measured: an A3 landscape page then an A4 portrait one in one
 * PDF), `pageSize` then being only the fallback for a page that names no size.
 */
export function toPrintToPdfOptions(req: PrintToPdfRequest): PrintToPDFOptions {
  const shortMm = Math.min(req.pageSize.widthMm, req.pageSize.heightMm);
  const longMm = Math.max(req.pageSize.widthMm, req.pageSize.heightMm);
  return {
    pageSize: { width: shortMm / MM_PER_INCH, height: longMm / MM_PER_INCH },
    landscape: req.landscape,
    printBackground: req.printBackground,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    preferCSSPageSize: req.cssPageSize === true,
    displayHeaderFooter: false,
    scale: 1,
  };
}
