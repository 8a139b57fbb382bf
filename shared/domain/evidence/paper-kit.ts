/**
 * The pieces every paper of the evidence set is built from (papers.ts, photo-sheet.ts): the A4 portrait page with
 * its margins (25 mm binding edge on the left, 20 mm elsewhere: 公文 practice, GB/T 9704 leaves 28/26 mm; a form
 * needs the width), ruled form rows that carry on to the next page with their label marked （续）, free paragraphs,
 * signature lines, and the page numbers "第 1 页 共 2 页" written once the number of pages is known.
 */
import { fillPlaceholders, lineHeightMm, PageFlow, wrapLines } from './text-wrap';
import { textWidthMm } from './text-measure';
import type { Mark, Paint, Paper, Sheet } from './sheet-model';

export const A4_PORTRAIT: Paper = { name: 'A4', orientation: 'portrait', widthMm: 210, heightMm: 297 };

/** Page margins, mm. */
export const MARGIN_MM = { left: 25, right: 20, top: 18, bottom: 20 } as const;
export const CONTENT_LEFT_MM = MARGIN_MM.left;
export const CONTENT_RIGHT_MM = A4_PORTRAIT.widthMm - MARGIN_MM.right;
export const CONTENT_WIDTH_MM = CONTENT_RIGHT_MM - CONTENT_LEFT_MM;

/** 五号 (10.5 pt): the body size of Chinese forms; 小四 12 pt for a notice's body; 二号 22 pt for a title. */
export const BODY_PT = 10.5;
export const NOTICE_PT = 12;
export const TITLE_PT = 20;
export const SMALL_PT = 9;

/** Form rows: label column width, inner padding, line pitch (1.5 × body). */
export const LABEL_WIDTH_MM = 30;
export const CELL_PAD_MM = 1.6;
export const BODY_LINE_MM = lineHeightMm(BODY_PT, 1.5);

export const RULE = { stroke: '#000000', strokeMm: 0.25, fill: null } as const;

export const rect = (x: number, y: number, w: number, h: number, paint: Paint = RULE): Mark => ({
  kind: 'path',
  rings: [
    [
      [x, y],
      [x + w, y],
      [x + w, y + h],
      [x, y + h],
    ],
  ],
  closed: true,
  ...RULE,
  ...paint,
});

export const line = (x0: number, y0: number, x1: number, y1: number, strokeMm = 0.25, dashMm?: readonly number[]): Mark => ({
  kind: 'path',
  rings: [
    [
      [x0, y0],
      [x1, y1],
    ],
  ],
  closed: false,
  stroke: '#000000',
  strokeMm,
  fill: null,
  ...(dashMm ? { dashMm } : {}),
});

export const text = (
  x: number,
  y: number,
  value: string,
  sizePt: number,
  o: { anchor?: 'start' | 'middle' | 'end'; bold?: boolean; maxWidthMm?: number; color?: string } = {},
): Mark => ({ kind: 'text', x, y, text: value, sizePt, baseline: 'middle', ...o });

/** The texts a page's furniture needs. */
export interface PageFurniture {
  /** '第 {page} 页 共 {pages} 页'. */
  pageOf: string;
  /** Drawn at the foot of every page above the page number (the party initials every page of a 笔录), or null. */
  footSignatures: string[] | null;
}

/** Where the flow stops: above the foot (signatures 12 mm, the page number 8 mm). */
export const FLOW_BOTTOM_MM = A4_PORTRAIT.heightMm - MARGIN_MM.bottom - 10;

/** Appends every page's foot — its signature lines and 第 n 页 共 N 页 — and makes the sheets. */
export function finishPages(pages: Mark[][], role: Sheet['role'], foot: PageFurniture): Sheet[] {
  const H = A4_PORTRAIT.heightMm;
  return pages.map((marks, i) => {
    const out = [...marks];
    if (foot.footSignatures && foot.footSignatures.length > 0) {
      const y = H - MARGIN_MM.bottom - 3;
      const slot = CONTENT_WIDTH_MM / foot.footSignatures.length;
      foot.footSignatures.forEach((label, k) => {
        const x = CONTENT_LEFT_MM + k * slot;
        out.push(text(x, y, label, SMALL_PT));
        const lw = textWidthMm(label, SMALL_PT);
        out.push(line(x + lw + 1, y + 2, x + slot - 6, y + 2, 0.2));
      });
    }
    out.push(
      text(A4_PORTRAIT.widthMm / 2, H - MARGIN_MM.bottom + 6, fillPlaceholders(foot.pageOf, { page: i + 1, pages: pages.length }), SMALL_PT, {
        anchor: 'middle',
      }),
    );
    return { role, paper: A4_PORTRAIT, frame: null, marks: out };
  });
}

/**
 * A ruled form row: the label in its own cell, the value's lines beside it. A row longer than the room left is cut
 * between lines and carried on at the top of the next page, its label followed by `continued` (（续）); a row never
 * leaves a single line behind when it has more (no widow line at a page's foot).
 */
export function formRow(
  flow: PageFlow,
  label: string,
  valueLines: readonly string[],
  continued: string,
  o: { x?: number; width?: number } = {},
): void {
  const x0 = o.x ?? CONTENT_LEFT_MM;
  const width = o.width ?? CONTENT_WIDTH_MM;
  const lines = valueLines.length > 0 ? [...valueLines] : [''];
  let first = true;
  while (lines.length > 0) {
    const fits = Math.floor((flow.roomMm - 2 * CELL_PAD_MM) / BODY_LINE_MM + 1e-9);
    const want = Math.min(lines.length, 2);
    if (fits < want && !flow.atTop()) {
      flow.newPage();
      continue;
    }
    const n = Math.max(1, Math.min(lines.length, fits));
    const part = lines.splice(0, n);
    const h = n * BODY_LINE_MM + 2 * CELL_PAD_MM;
    const y = flow.y;
    flow.marks.push(rect(x0, y, width, h), line(x0 + LABEL_WIDTH_MM, y, x0 + LABEL_WIDTH_MM, y + h));
    const labelText = first ? label : `${label}${continued}`;
    const labelLines = wrapLines(labelText, LABEL_WIDTH_MM - 2 * CELL_PAD_MM, BODY_PT);
    const labelTop = y + h / 2 - (labelLines.length * BODY_LINE_MM) / 2;
    labelLines.forEach((l, k) =>
      flow.marks.push(text(x0 + LABEL_WIDTH_MM / 2, labelTop + (k + 0.5) * BODY_LINE_MM, l, BODY_PT, { anchor: 'middle', bold: true })),
    );
    part.forEach((l, k) =>
      flow.marks.push(
        text(x0 + LABEL_WIDTH_MM + CELL_PAD_MM, y + CELL_PAD_MM + (k + 0.5) * BODY_LINE_MM, l, BODY_PT, {
          maxWidthMm: width - LABEL_WIDTH_MM - 2 * CELL_PAD_MM,
        }),
      ),
    );
    flow.y += h;
    first = false;
  }
}

/** The width a form row's value wraps to. */
export const valueWidthMm = (width = CONTENT_WIDTH_MM): number => width - LABEL_WIDTH_MM - 2 * CELL_PAD_MM;

/** Wraps every paragraph of a value to the value column. */
export const valueLines = (paragraphs: readonly string[], width = CONTENT_WIDTH_MM): string[] =>
  paragraphs.flatMap((p) => wrapLines(p, valueWidthMm(width), BODY_PT));

export interface TableColumn {
  title: string;
  widthMm: number;
  align: 'start' | 'middle' | 'end';
}

/** Table rows in a form row's value cell: header 7 mm, rows 6 mm. */
export const TABLE_HEADER_MM = 7;
export const TABLE_ROW_MM = 6;

/**
 * A table in a form row's value cell (the cell's width exactly, so its rules are the cell's): cut between rows onto
 * the next pages with the header repeated and the label marked （续）; at least two rows (or all) stay together.
 */
export function formTableRow(
  flow: PageFlow,
  label: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  continued: string,
  boldRows: readonly number[] = [],
): void {
  const x0 = CONTENT_LEFT_MM;
  let start = 0;
  let first = true;
  for (;;) {
    const fits = Math.floor((flow.roomMm - TABLE_HEADER_MM) / TABLE_ROW_MM + 1e-9);
    const want = Math.min(rows.length - start, 2);
    if (fits < Math.max(1, want) && !flow.atTop()) {
      flow.newPage();
      continue;
    }
    const n = Math.max(rows.length === 0 ? 0 : 1, Math.min(rows.length - start, fits));
    const part = rows.slice(start, start + n);
    const h = TABLE_HEADER_MM + part.length * TABLE_ROW_MM;
    const y = flow.y;
    flow.marks.push(rect(x0, y, CONTENT_WIDTH_MM, h), line(x0 + LABEL_WIDTH_MM, y, x0 + LABEL_WIDTH_MM, y + h));
    const labelLines = wrapLines(first ? label : `${label}${continued}`, LABEL_WIDTH_MM - 2 * CELL_PAD_MM, BODY_PT);
    const top = y + h / 2 - (labelLines.length * BODY_LINE_MM) / 2;
    labelLines.forEach((l, k) =>
      flow.marks.push(text(x0 + LABEL_WIDTH_MM / 2, top + (k + 0.5) * BODY_LINE_MM, l, BODY_PT, { anchor: 'middle', bold: true })),
    );
    flow.marks.push({
      kind: 'table',
      x: x0 + LABEL_WIDTH_MM,
      y,
      columns,
      rows: part,
      rowHeightMm: TABLE_ROW_MM,
      headerHeightMm: TABLE_HEADER_MM,
      sizePt: SMALL_PT,
      boldRows: boldRows.filter((b) => b >= start && b < start + n).map((b) => b - start),
    });
    flow.y += h;
    start += n;
    first = false;
    if (start >= rows.length) break;
  }
}

/** Free paragraphs across the content width (a notice's body, a closing line), `indentEm` on each first line. */
export function paragraphs(
  flow: PageFlow,
  texts: readonly string[],
  sizePt: number,
  o: { indentEm?: number; leading?: number; gapMm?: number } = {},
): void {
  const pitch = lineHeightMm(sizePt, o.leading ?? 1.6);
  const indent = '\u3000'.repeat(o.indentEm ?? 0);
  for (const t of texts) {
    if (t.trim() === '') continue;
    const lines = wrapLines(indent + t, CONTENT_WIDTH_MM, sizePt);
    for (const l of lines) {
      flow.ensure(pitch);
      flow.marks.push(text(CONTENT_LEFT_MM, flow.y + pitch / 2, l, sizePt, { maxWidthMm: CONTENT_WIDTH_MM }));
      flow.y += pitch;
    }
    flow.y += o.gapMm ?? 0;
  }
}

/** A signature line: label, a rule to write on, and the date blank（年 月 日）; kept whole on one page. */
export function signatureLine(flow: PageFlow, label: string, dateBlank: string, sizePt = BODY_PT, filled = ''): void {
  const h = 11;
  flow.ensure(h);
  const y = flow.y + h / 2 + 1;
  const lw = textWidthMm(label, sizePt);
  const dateW = textWidthMm(dateBlank, sizePt);
  flow.marks.push(text(CONTENT_LEFT_MM, y, label, sizePt));
  const ruleEnd = CONTENT_RIGHT_MM - dateW - 6;
  flow.marks.push(line(CONTENT_LEFT_MM + lw + 1, y + 2.4, ruleEnd, y + 2.4, 0.2));
  if (filled) flow.marks.push(text(CONTENT_LEFT_MM + lw + 3, y, filled, sizePt, { maxWidthMm: ruleEnd - CONTENT_LEFT_MM - lw - 4 }));
  flow.marks.push(text(CONTENT_RIGHT_MM, y, dateBlank, sizePt, { anchor: 'end' }));
  flow.y += h;
}

/** 2026年4月20日 (China time, UTC+8; the papers' dates are the office's local days). */
export function chinaDate(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** 2026年4月20日10时05分 (China time). */
export function chinaDateTime(epochMs: number): string {
  const d = new Date(epochMs + 8 * 3600_000);
  return `${chinaDate(epochMs)}${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, '0')}分`;
}

/** A DateKey (YYYY-MM-DD) as 2026年12月1日 (GB/T 9704-2012 7.3.5.2: 成文日期 in Arabic numerals, no leading zeros). */
export function dateKeyChinese(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
