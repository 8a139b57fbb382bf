/**
 * XlsxWorkbook → .xlsx bytes with exceljs (README Decision 17: exceljs 4.4 writes number formats, frozen panes and
 * widths; SheetJS's npm `xlsx` is stuck at a vulnerable 0.18.5). exceljs runs in Node (its main entry: CLI,
 * unit tests) and in the browser (its `browser` bundle, which Vite picks: the renderer calls this in a worker).
 * Nothing here touches the DOM, Node or a file: spec in, bytes out.
 */
import * as ExcelJS from 'exceljs';
import { columnWidth, headerLines, sheetNames, wrappedLines, type XlsxTextRow, type XlsxWorkbook } from './workbook';

/** Points per header line of Excel's default 11-pt font, plus a little room. */
const LINE_HEIGHT_PT = 15;
/**
 * A wrapped data row's line: CJK text at 11 pt needs ~16.5 pt (Noto Sans CJK, SimSun); at 15 pt LibreOffice clipped
 * the last line of a two-line cell (seen in the ledger rendered to PDF).
 */
const WRAPPED_LINE_PT = 17;

/** '0.00' → 2: the decimals a column's numFmt shows, for sizing the column as Excel will print it. */
const numFmtDecimals = (numFmt: string | undefined): number | null => {
  if (numFmt === undefined) return null;
  const m = /^0(?:\.(0+))?$/.exec(numFmt);
  return m ? (m[1]?.length ?? 0) : null;
};

/** exceljs's module object: its Node entry and its browser bundle both export it as CommonJS. */
const excel = ((ExcelJS as unknown as { default?: typeof ExcelJS }).default ?? ExcelJS) as typeof ExcelJS;

const THIN = { style: 'thin' } as const;
const ALL_THIN = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A4 in Excel's paperSize codes. */
const PAPER_A4 = 9;

function textRow(ws: ExcelJS.Worksheet, rowNo: number, line: XlsxTextRow, columns: number): void {
  const row = ws.getRow(rowNo);
  const cell = row.getCell(1);
  cell.value = line.text;
  cell.font = { bold: line.bold ?? false, size: line.fontSize ?? 11 };
  cell.alignment = { vertical: 'middle', horizontal: line.align ?? 'left', wrapText: true };
  if (columns > 1) ws.mergeCells(rowNo, 1, rowNo, columns);
  const lines = line.text.split('\n').length;
  row.height = line.heightPt ?? Math.max(lines * LINE_HEIGHT_PT, ((line.fontSize ?? 11) + 5) * lines);
}

export async function writeXlsx(book: XlsxWorkbook): Promise<Uint8Array> {
  const wb = new excel.Workbook();
  wb.creator = book.creator;
  wb.created = book.created;
  wb.modified = book.created;
  const names = sheetNames(book.sheets.map((s) => s.name));
  book.sheets.forEach((sheet, si) => {
    const titles = sheet.titleRows ?? [];
    const headerRow = titles.length + 1;
    const ncols = Math.max(1, sheet.columns.length);
    const ws = wb.addWorksheet(names[si]!, {
      views: [
        {
          state: 'frozen',
          xSplit: sheet.frozenColumns,
          ySplit: headerRow,
          topLeftCell: `${columnLetter(sheet.frozenColumns + 1)}${headerRow + 1}`,
          activeCell: `A${headerRow + 1}`,
        },
      ],
    });
    const widths = sheet.columns.map((c, ci) => {
      const d = numFmtDecimals(c.numFmt);
      return columnWidth(
        c,
        sheet.rows.map((r) => r[ci] ?? null),
        d === null ? String : (v) => v.toFixed(d),
      );
    });
    ws.columns = sheet.columns.map((c, ci) => ({ key: `c${ci}`, width: widths[ci]! }));

    titles.forEach((line, i) => textRow(ws, i + 1, line, ncols));

    const header = ws.getRow(headerRow);
    sheet.columns.forEach((c, ci) => {
      const cell = header.getCell(ci + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.border = sheet.borders ? ALL_THIN : { bottom: THIN };
    });
    header.height =
      LINE_HEIGHT_PT *
      headerLines(
        sheet.columns.map((c) => c.header),
        widths,
      );

    const wraps = sheet.columns.some((c) => c.wrap);
    sheet.rows.forEach((r, ri) => {
      const row = ws.getRow(headerRow + 1 + ri);
      let lines = 1;
      sheet.columns.forEach((c, ci) => {
        const v = r[ci] ?? null;
        const cell = row.getCell(ci + 1);
        if (sheet.borders) cell.border = ALL_THIN;
        if (c.wrap) cell.alignment = { vertical: 'top', wrapText: true };
        else if (wraps) cell.alignment = { vertical: 'top' };
        if (v === null) return;
        cell.value = v;
        if (typeof v === 'number' && c.numFmt !== undefined) cell.numFmt = c.numFmt;
        if (c.wrap && typeof v === 'string') lines = Math.max(lines, wrappedLines(v, widths[ci]!));
      });
      // Excel and WPS do not grow a row to wrapped text they did not lay out themselves: the height is written.
      if (wraps) row.height = lines * WRAPPED_LINE_PT;
    });

    const footerStart = headerRow + 1 + sheet.rows.length;
    (sheet.footerRows ?? []).forEach((line, i) => textRow(ws, footerStart + i, line, ncols));

    if (sheet.columns.length > 0 && sheet.autoFilter !== false)
      ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: sheet.columns.length } };
    if (sheet.print) {
      ws.pageSetup = {
        paperSize: PAPER_A4,
        orientation: sheet.print.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        // 0: as many pages tall as the rows need (only the width is fitted).
        fitToHeight: 0,
        printTitlesRow: `1:${headerRow}`,
        horizontalCentered: true,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      };
      if (sheet.print.pageFooter) ws.headerFooter = { oddFooter: `&C${sheet.print.pageFooter}` };
    }
  });
  // Node: a Buffer; the browser bundle: its Buffer polyfill (a Uint8Array). Either way, a plain copy.
  const out: unknown = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}

/** 1 → A, 27 → AA (for the frozen pane's top-left cell). */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
