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
}

export interface XlsxSheet {
  /** Shown on the sheet tab; made valid for Excel by `sheetNames` (31 characters, no : \ / ? * [ ]). */
  name: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** Frozen panes: the header row always; `columns` leading columns too (the plot id). */
  frozenColumns: number;
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
