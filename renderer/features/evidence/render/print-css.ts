/**
 * The print root's CSS for a list of sheets: one CSS named page per paper (`@page ev-a4-portrait { size: 210mm 297mm;
 * margin: 0 }`), each sheet's box on its named page, a page break after each. With `preferCSSPageSize: true`
 * (printToPDF / page.pdf) Chromium gives every sheet its own paper in one PDF — an A3 map, then A4 papers — and
 * prints the SVG's mm as mm (STACK-NOTES "Printing and PDF": 100 mm → 1181 px at 300 dpi, measured).
 */
import type { Paper } from '../../../../shared/domain/evidence/sheet-model';

/** The CSS page name of a paper: `ev-a3-landscape`. */
export const sheetPageName = (p: Pick<Paper, 'name' | 'orientation'>): string => `ev-${p.name.toLowerCase()}-${p.orientation}`;

/** The class a sheet's box carries (the `.ev-sheet` base plus its page's name). */
export const sheetClassName = (p: Pick<Paper, 'name' | 'orientation'>): string => `ev-sheet ${sheetPageName(p)}`;

/** @page rules for the papers used, and the sheet boxes (exact size, no margin, a break after each). */
export function printCss(papers: readonly Paper[]): string {
  const seen = new Map<string, Paper>();
  for (const p of papers) seen.set(sheetPageName(p), p);
  const pages = [...seen].map(
    ([name, p]) =>
      `@page ${name} { size: ${p.widthMm}mm ${p.heightMm}mm; margin: 0; }\n.${name} { page: ${name}; width: ${p.widthMm}mm; height: ${p.heightMm}mm; }`,
  );
  return [
    ...pages,
    '.ev-sheet { display: block; overflow: hidden; break-after: page; break-inside: avoid; margin: 0; padding: 0; }',
    '.ev-sheet:last-child { break-after: auto; }',
    '.ev-sheet > svg { display: block; }',
    '@media print { html, body { margin: 0; padding: 0; background: #ffffff; } }',
  ].join('\n');
}
