/**
 * The evidence sheets' renderers (issue 13, E-A): what the export imports.
 * - SheetSvg: one sheet as SVG in mm (the preview and the print root); printCss/sheetClassName: the print root's
 *   named pages (one PDF, each sheet on its own paper).
 * - sheetPng: the 300-dpi PNG of a sheet, drawn in a worker (renderSheetPng/drawSheet for a canvas at hand).
 * - sheetLabels / areaTableLabels / sheetTitles: the sheet's Chinese strings for the pure layouts.
 */
export { SheetSvg, SHEET_FONT_FAMILY, type SheetSvgProps } from './SheetSvg';
export { printCss, sheetClassName, sheetPageName } from './print-css';
export { sheetPng } from './sheet-canvas-client';
export { canvasSizeOf, drawSheet, renderSheetPng, withPngDpi, type SheetPngResult } from './sheet-canvas';
export { areaTableLabels, sheetLabels, sheetTitles } from './labels';
