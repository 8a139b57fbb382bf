/**
 * XlsxWorkbook → .xlsx bytes with exceljs (README Decision 17: exceljs 4.4 writes number formats, frozen panes and
 * widths; SheetJS's npm `xlsx` is stuck at a vulnerable 0.18.5). exceljs runs in Node (its main entry: CLI,
 * unit tests) and in the browser (its `browser` bundle, which Vite picks: the renderer calls this in a worker).
 * Nothing here touches the DOM, Node or a file: spec in, bytes out.
 */
import * as ExcelJS from 'exceljs';
import { columnWidth, headerLines, sheetNames, type XlsxWorkbook } from './workbook';

/** Points per header line of Excel's default 11-pt font, plus a little room. */
const LINE_HEIGHT_PT = 15;

/** '0.00' → 2: the decimals a column's numFmt shows, for sizing the column as Excel will print it. */
const numFmtDecimals = (numFmt: string | undefined): number | null => {
  if (numFmt === undefined) return null;
  const m = /^0(?:\.(0+))?$/.exec(numFmt);
  return m ? (m[1]?.length ?? 0) : null;
};

/** exceljs's module object: its Node entry and its browser bundle both export it as CommonJS. */
const excel = ((ExcelJS as unknown as { default?: typeof ExcelJS }).default ?? ExcelJS) as typeof ExcelJS;

export async function writeXlsx(book: XlsxWorkbook): Promise<Uint8Array> {
  const wb = new excel.Workbook();
  wb.creator = book.creator;
  wb.created = book.created;
  wb.modified = book.created;
  const names = sheetNames(book.sheets.map((s) => s.name));
  book.sheets.forEach((sheet, si) => {
    const ws = wb.addWorksheet(names[si]!, {
      views: [
        { state: 'frozen', xSplit: sheet.frozenColumns, ySplit: 1, topLeftCell: `${columnLetter(sheet.frozenColumns + 1)}2`, activeCell: 'A2' },
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

    const header = ws.getRow(1);
    sheet.columns.forEach((c, ci) => {
      const cell = header.getCell(ci + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    header.height =
      LINE_HEIGHT_PT *
      headerLines(
        sheet.columns.map((c) => c.header),
        widths,
      );

    sheet.rows.forEach((r, ri) => {
      const row = ws.getRow(ri + 2);
      sheet.columns.forEach((c, ci) => {
        const v = r[ci] ?? null;
        if (v === null) return;
        const cell = row.getCell(ci + 1);
        cell.value = v;
        if (typeof v === 'number' && c.numFmt !== undefined) cell.numFmt = c.numFmt;
      });
    });
    if (sheet.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
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
