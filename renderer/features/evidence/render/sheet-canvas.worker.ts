/// <reference lib="webworker" />
/**
 * The 300-dpi PNG of an evidence sheet off the UI thread (an A3 sheet is 17 Mpx: drawing and PNG-encoding it takes
 * seconds). Cancel = terminate (a per-request worker: the canvas's memory goes with it).
 */
import { serveWorker } from '../../../platform/worker-host';
import { renderSheetPng } from './sheet-canvas';
import type { SheetCanvasProtocol } from './sheet-canvas.protocol';

serveWorker<SheetCanvasProtocol>({
  renderPng: async (req, ctx) => {
    ctx.progress({ step: 'drawing' });
    const r = await renderSheetPng(req.sheet, req.images, req.dpi ?? 300);
    if (r.ok) ctx.transfer(r.png.buffer);
    return r;
  },
});
