/**
 * A workbook as plain data: what an export wants in its .xlsx (sheets, one header row, typed cells, number
 * formats), independent of the library that writes the bytes (./write.ts). Exports build this from the same
 * row model as their CSV, so the two cannot disagree.
 */

/** A cell: text, a number (stored as a number, shown through its column's numFmt), or empty. */
export type XlsxCell = string | number | null;

export interface XlsxColumn {
  header: string;
  /** Excel number format of the column's cells, e.g. '0.00' (m²) or '0.0000' (亩); none for text. */
  numFmt?: string;
  /** Width in Excel's character units (the width of '0'); computed from the contents when absent. */
  width?: number;
  /** Long text wraps in the cell (a ledger's records) instead of spilling over; rows grow to the lines it needs. */
  wrap?: boolean;
}

/** A line across the whole sheet (its cells merged): a title above the header, a statement or a signature line below the rows. */
export interface XlsxTextRow {
  text: string;
  bold?: boolean;
  /** Points; Excel's default is 11. */
  fontSize?: number;
  align?: 'left' | 'center' | 'right';
  /** Points; one line of the font when absent. */
  heightPt?: number;
}

/** How the sheet prints: A4, the title and header rows repeated on every page, all columns on one page's width. */
export interface XlsxPrint {
  landscape: boolean;
  /** The centred page footer in Excel's codes (&P page, &N pages): '第 &P 页，共 &N 页'. */
  pageFooter?: string;
}

export interface XlsxSheet {
  /** Shown on the sheet tab; made valid for Excel by `sheetNames` (31 characters, no : \ / ? * [ ]). */
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** Frozen panes: the header row always; `columns` leading columns too (the plot id). */
  frozenColumns: number;
  /** Lines above the header (a form's title: "某某镇国土所 2026年巡查台账"), each merged across the columns. */
  titleRows?: XlsxTextRow[];
  /** Lines below the rows (a statement, a signature block: 填报人（签字）…), each merged across the columns. */
  footerRows?: XlsxTextRow[];
  /** Thin borders round the header and every cell of the rows (a table that is printed and signed). */
  borders?: boolean;
  /** An autofilter on the header row. Default true. */
  autoFilter?: boolean;
  print?: XlsxPrint;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** Written into the file's core properties (docProps/core.xml). */
  creator: string;
  created: Date;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel's limits on a sheet name: at most 31 characters, none of : \ / ? * [ ], not starting or ending with '. */
const SHEET_NAME_MAX = 31;
const SHEET_NAME_BAD = /[:\\/?*[\]]/g;

/** Valid, distinct (Excel compares case-insensitively) sheet names, in order; an empty name becomes 'Sheet'. */
export function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base =
      [
        ...raw
          .replace(SHEET_NAME_BAD, '_')
          .replace(/^'+|'+$/g, '')
          .trim(),
      ]
        .slice(0, SHEET_NAME_MAX)
        .join('') || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * How wide a text shows, in Excel character units: East Asian wide characters (CJK, full-width forms) take
 * two, everything else one. Enough to size columns; Excel itself measures with the font.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

/** Header text wraps beyond this width, so a long label (地类图斑·其他/未覆盖(高斯平面 m²)) does not make a huge column. */
export const HEADER_WRAP_WIDTH = 16;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/**
 * A column's width: its widest cell (a number as `format` prints it) or its header up to HEADER_WRAP_WIDTH
 * (the header wraps beyond), plus padding, within [6, 60].
 */
export function columnWidth(column: XlsxColumn, cells: XlsxCell[], format: (v: number) => string = String): number {
  if (column.width !== undefined) return column.width;
  let w = Math.min(displayWidth(column.header), HEADER_WRAP_WIDTH);
  for (const c of cells) if (c !== null) w = Math.max(w, displayWidth(typeof c === 'number' ? format(c) : c));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
}

/** Lines the header row needs when each header wraps at its column's width (for the row height). */
export function headerLines(headers: string[], widths: number[]): number {
  let lines = 1;
  headers.forEach((h, i) => {
    const room = Math.max(1, (widths[i] ?? MIN_WIDTH) - 1);
    lines = Math.max(lines, Math.ceil(displayWidth(h) / room));
  });
  return lines;
}

/**
 * Lines a wrapped cell needs at a column width: each of its lines (split at \n) wraps at the width less one
 * character of padding. Used for row heights, since Excel does not grow a row to wrapped text it did not lay out.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}
