/**
 * The map sheet's tables: the 界址点坐标成果表 and the 面积表 as measured blocks (7 pt on the map sheet, 9 pt on a
 * table sheet), their marks, and the table sheets that carry what does not fit on the map sheet (续表).
 */
import { formatMetres, formatMu, formatSquareMetres } from '../units/format';
import type { Mu, SquareMetres } from '../units/area';
import type { AreaRow, MapSheetContent, NumberedPoint } from './inputs';
import type { MapSheetPlan } from './map-sheet';
import { CONTENT_EDGE_MM, FRAME_EDGE_MM, GAP, SIGNATURES_H_ROW, STYLE, blockTitleH, fill, text, type MapSheetLabels } from './map-style';
import { ringsOfPoints } from './points';
import { MM_PER_PT, type Mark, type RectMm, type Sheet } from './sheet-model';
import { textWidthMm, wrapText } from './text-measure';

/** The type of a table: on the map sheet 7 pt, on the table sheets (a page of its own) 9 pt. */
export interface TableType {
  sizePt: number;
  rowMm: number;
  headerMm: number;
  titlePt: number;
}
export const SHEET_TABLE: TableType = { sizePt: STYLE.tablePt, rowMm: STYLE.tableRowMm, headerMm: STYLE.tableHeaderMm, titlePt: STYLE.blockTitlePt };
export const PAGE_TABLE: TableType = { sizePt: 9, rowMm: 6, headerMm: 7, titlePt: 11 };

/** A table block: its title line and a table mark, measured. */
export interface TableBlock {
  kind: 'points' | 'areas';
  type: TableType;
  title: string;
  columns: { title: string; widthMm: number; align: 'start' | 'middle' | 'end' }[];
  rows: string[][];
  boldRows: number[];
  /** Lines under the table (notes). */
  notes: string[];
}

export const tableWidth = (t: TableBlock) => t.columns.reduce((s, c) => s + c.widthMm, 0);
const noteLineMm = (t: TableType) => (t.sizePt - 1) * MM_PER_PT * 1.25;
export const tableHeight = (t: TableBlock, rows = t.rows.length, withNotes = true) =>
  blockTitleH(t.type.titlePt) + t.type.headerMm + rows * t.type.rowMm + (withNotes ? t.notes.length * noteLineMm(t.type) * 2 + 1 : 0);

/** Column widths from the widest text of each column (+ 2.4 mm padding), never narrower than `min`. */
function fitColumns(titles: string[], rows: string[][], aligns: ('start' | 'middle' | 'end')[], min: number[], type: TableType) {
  const k = type.sizePt / STYLE.tablePt;
  return titles.map((title, i) => {
    let w = textWidthMm(title, type.sizePt);
    for (const r of rows) w = Math.max(w, textWidthMm(r[i] ?? '', type.sizePt));
    return { title, widthMm: Math.max((min[i] ?? 0) * k, Math.ceil((w + 2.4 * k) * 2) / 2), align: aligns[i] ?? 'start' };
  });
}

/** The 界址点坐标成果表: each ring's points then its first point again (the ring closed); 边长 on the row it starts. */
export function pointsTableRows(points: readonly NumberedPoint[]): string[][] {
  const rows: string[][] = [];
  for (const ring of ringsOfPoints(points)) {
    for (const p of ring) rows.push([p.name, formatMetres(p.x), formatMetres(p.y), formatMetres(p.sideMetres, { decimals: 2 })]);
    const first = ring[0];
    if (first) rows.push([first.name, formatMetres(first.x), formatMetres(first.y), '']);
  }
  return rows;
}

export function pointsBlock(points: readonly NumberedPoint[], L: MapSheetLabels, type: TableType): TableBlock {
  const rows = pointsTableRows(points);
  const titles = [L.pointsName, L.pointsX, L.pointsY, L.pointsSide];
  return {
    kind: 'points',
    type,
    title: L.pointsTitle,
    columns: fitColumns(titles, rows, ['middle', 'end', 'end', 'end'], [9, 0, 0, 0], type),
    rows,
    boldRows: [],
    notes: [],
  };
}

/** The 面积表's rows as printed: 其中 lines indented, m² to 0.01, 亩 to 0.0001; the total's ellipsoidal figure under it. */
export function areaTableRows(areas: readonly AreaRow[], L: MapSheetLabels): { rows: string[][]; bold: number[] } {
  const rows: string[][] = [];
  const bold: number[] = [];
  for (const a of areas) {
    if (a.level === 0 && rows.length === 0) bold.push(0);
    rows.push([
      a.block ?? '',
      (a.level === 1 ? '　' : '') + a.label,
      formatSquareMetres(a.planarM2 as SquareMetres, { thousands: true }),
      formatMu(a.mu as Mu, { thousands: true }),
    ]);
    if (a.ellipsoidalM2 !== undefined)
      rows.push(['', L.areasEllipsoidal, formatSquareMetres(a.ellipsoidalM2 as SquareMetres, { thousands: true }), '—']);
  }
  return { rows, bold };
}

export function areasBlock(areas: readonly AreaRow[], L: MapSheetLabels, type: TableType): TableBlock {
  const { rows, bold } = areaTableRows(areas, L);
  const titles = [L.areasBlock, L.areasItem, L.areasM2, L.areasMu];
  return {
    kind: 'areas',
    type,
    title: L.areasTitle,
    columns: fitColumns(titles, rows, ['middle', 'start', 'end', 'end'], [0, 0, 0, 0], type),
    rows,
    boldRows: bold,
    notes: [L.areasNote],
  };
}

/** The marks of a table block at (x, y), rows [from, to); `widthMm` stretches its columns to a width. */
export function tableMarks(
  t: TableBlock,
  x: number,
  y: number,
  title: string,
  from = 0,
  to = t.rows.length,
  withNotes = true,
  widthMm?: number,
): Mark[] {
  const ty = t.type;
  const th = blockTitleH(ty.titlePt);
  const marks: Mark[] = [text(x, y + th / 2, title, ty.titlePt, { bold: true })];
  const boldRows = t.boldRows.filter((r) => r >= from && r < to).map((r) => r - from);
  const total = tableWidth(t);
  const grow = widthMm && widthMm > total ? widthMm / total : 1;
  marks.push({
    kind: 'table',
    x,
    y: y + th,
    columns: t.columns.map((c) => ({ ...c, widthMm: c.widthMm * grow })),
    rows: t.rows.slice(from, to),
    rowHeightMm: ty.rowMm,
    headerHeightMm: ty.headerMm,
    sizePt: ty.sizePt,
    ...(boldRows.length ? { boldRows } : {}),
  });
  if (withNotes) {
    let ny = y + th + ty.headerMm + (to - from) * ty.rowMm + noteLineMm(ty);
    for (const n of t.notes) {
      for (const l of wrapText(n, ty.sizePt - 1, (widthMm ?? total) - 1)) {
        marks.push(text(x, ny, l, ty.sizePt - 1, { color: '#333333' }));
        ny += noteLineMm(ty);
      }
    }
  }
  return marks;
}

/**
 * Table sheets: the tables that did not fit, continued over as many sheets as they need, the header repeated and
 * 续表 in the title of a continuation; each table sheet carries the record's numbers at the top and the signature
 * lines at the foot (every page of the evidence is signed).
 */
export function tableSheets(
  plan: MapSheetPlan,
  content: MapSheetContent,
  tables: TableBlock[],
  L: MapSheetLabels,
  signatures: (r: RectMm) => Mark[],
): Sheet[] {
  if (tables.length === 0) return [];
  const { paper } = plan;
  const x0 = FRAME_EDGE_MM;
  const top = 36;
  const sigH = SIGNATURES_H_ROW;
  const bottom = paper.heightMm - CONTENT_EDGE_MM - sigH - GAP * 2;
  const sheets: Sheet[] = [];
  let marks: Mark[] = [];
  let y = top;
  const newSheet = () => {
    marks = [];
    sheets.push({ role: 'table', paper, frame: null, marks });
    marks.push(text(paper.widthMm / 2, 18, fill(L.tableSheetTitle, { title: plan.settings.title }), 14, { anchor: 'middle', bold: true }));
    const r = content.record;
    const ids = [r.number ? fill(L.recordNo, { number: r.number }) : '', r.taskNo ? fill(L.taskNo, { taskNo: r.taskNo }) : ''].filter(Boolean);
    if (ids.length) marks.push(text(paper.widthMm / 2, 26, ids.join('\u3000\u3000'), STYLE.infoPt, { anchor: 'middle' }));
    marks.push(...signatures({ x: FRAME_EDGE_MM, y: paper.heightMm - CONTENT_EDGE_MM - sigH - 2, w: paper.widthMm - 2 * FRAME_EDGE_MM, h: sigH }));
    y = top;
  };
  newSheet();
  for (const t of tables) {
    let from = 0;
    let first = true;
    while (from < t.rows.length) {
      const notesH = tableHeight(t, 0, true) - tableHeight(t, 0, false);
      const fixed = blockTitleH(t.type.titlePt) + t.type.headerMm;
      const roomAll = Math.floor((bottom - y - fixed - notesH) / t.type.rowMm);
      const roomPart = Math.floor((bottom - y - fixed) / t.type.rowMm);
      if (roomPart < 3) {
        newSheet();
        continue;
      }
      const rest = t.rows.length - from;
      const to = rest <= roomAll ? t.rows.length : from + Math.min(rest - 1, roomPart);
      const title = first ? t.title : `${t.title}${L.continued}`;
      const last = to === t.rows.length;
      marks.push(...tableMarks(t, x0, y, title, from, to, last));
      y += tableHeight(t, to - from, last) + GAP * 2;
      from = to;
      first = false;
      if (!last) newSheet();
    }
  }
  return sheets;
}
