/**
 * The photo sheet (issue 13 item 5; DOMAIN "Inspections and evidence": 举证 photos carry time, position, bearing and
 * the photographer, and the original stays byte-identical — a stamped copy is a copy): the record's stamped copies,
 * two to an A4 portrait page, each captioned with 照片编号 and 类别 (远景/近景/内景), 拍摄时间 as the camera's clock
 * recorded it with its offset (or said that it wrote none), 位置 (lon/lat as the camera wrote it, X/Y in the plot's
 * zone when known; a hand placement said so), 方位角 with its reference (T true / M magnetic), 拍摄人, 说明, and the
 * first 16 hex digits of the original's SHA-256 (the manifest lists the whole hash).
 */
import { formatDegrees, formatMetres } from '../units/format';
import type { Mark, Sheet } from './sheet-model';
import type { PaperLabels } from './paper-labels';
import { fillPlaceholders, lineHeightMm, PageFlow, wrapLines } from './text-wrap';
import { textWidthMm } from './text-measure';
import { A4_PORTRAIT, CONTENT_LEFT_MM, CONTENT_RIGHT_MM, CONTENT_WIDTH_MM, finishPages, line, MARGIN_MM, rect, SMALL_PT, text } from './paper-kit';

export type PhotoSheetKind = 'distant' | 'close' | 'inside' | 'other';

/** One photo as the sheet prints it (the feature maps it from renderer/db/photo-record.ts PhotoRecord). */
export interface PhotoSheetItem {
  /** 照片编号, e.g. ZP-01 (the numbers the 笔录 lists). */
  no: string;
  kind: PhotoSheetKind;
  /** The stamped copy's image ref (given to the renderer beside the sheets), and its pixel size; ref null: the
   *  browser cannot draw the format (a HEIC): a tile says so, the caption is printed all the same. */
  ref: string | null;
  widthPx: number;
  heightPx: number;
  /** The camera's clock ('yyyy-MM-ddTHH:mm:ss') and its offset ('+08:00', null: none written). */
  time: { local: string; offset: string | null } | null;
  /** Where the photo stands: the camera's position or a hand placement, lon/lat; null: 未定位. */
  position: { lngLat: [number, number]; source: 'exif' | 'hand' } | null;
  /** The same point in the plot's GK zone (X north, Y east), when the feature projected it. */
  gk: { x: number; y: number } | null;
  bearing: { degrees: number; ref: 'true' | 'magnetic' | 'unknown' } | null;
  photographer: string;
  description: string;
  /** SHA-256 of the original bytes, lower-case hex. */
  sha256: string;
}

/**
 * 照片编号 of a record's photos, in the record's order (photoHashes): ZP-01, ZP-02 … (two digits; three past 99). The
 * 笔录's 照片编号 line and the photo sheet's captions use the same numbers.
 */
export function photoNumbers(count: number, prefix = 'ZP-'): string[] {
  const width = count > 99 ? 3 : 2;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(width, '0')}`);
}

/** Photos per page: two (a land officer reads the photo, not a contact sheet). */
export const PHOTOS_PER_PAGE = 2;
const CAPTION_PT = SMALL_PT;
const CAPTION_LINE_MM = lineHeightMm(CAPTION_PT, 1.45);
const CAPTION_PAD_MM = 1.2;
const KEY_W = 24;
const HALF = CONTENT_WIDTH_MM / 2;

const kindLabel = (k: PhotoSheetKind, l: PaperLabels): string =>
  k === 'distant' ? l.photoKindDistant : k === 'close' ? l.photoKindClose : k === 'inside' ? l.photoKindInside : l.photoKindOther;

/** 2026-04-20 09:41:07（UTC+08:00）, as the camera's clock showed it. */
export function photoTimeText(t: PhotoSheetItem['time'], l: PaperLabels): string {
  if (!t) return l.photoNoTime;
  const local = t.local.replace('T', ' ');
  return t.offset ? `${local}（UTC${t.offset}）` : `${local}${l.photoNoOffset}`;
}

export function photoPositionText(p: PhotoSheetItem, l: PaperLabels): string {
  if (!p.position) return l.photoNoPosition;
  const [lon, lat] = p.position.lngLat;
  const parts = [fillPlaceholders(l.photoLngLat, { lon: formatDegrees(lon), lat: formatDegrees(lat) })];
  if (p.gk) parts.push(fillPlaceholders(l.photoGk, { x: formatMetres(p.gk.x), y: formatMetres(p.gk.y) }));
  return parts.join('；') + (p.position.source === 'hand' ? l.photoHandPlaced : '');
}

export function photoBearingText(b: PhotoSheetItem['bearing'], l: PaperLabels): string {
  if (!b) return l.photoNoBearing;
  const ref = b.ref === 'true' ? l.photoBearingTrue : b.ref === 'magnetic' ? l.photoBearingMagnetic : l.photoBearingUnknownRef;
  return `${b.degrees.toFixed(1)}°${ref}`;
}

/** The first 16 hex digits of the original's hash (enough to find it in the manifest; 64 bits). */
export const shortHash = (sha256: string): string => sha256.slice(0, 16);

/** The caption's rows: pairs side by side, or one pair across the width (wrapped). */
type CaptionRow = { pairs: [string, string][] };

function captionRows(p: PhotoSheetItem, l: PaperLabels): CaptionRow[] {
  return [
    {
      pairs: [
        [l.photoNo, p.no],
        [l.photoKind, kindLabel(p.kind, l)],
      ],
    },
    { pairs: [[l.photoTime, photoTimeText(p.time, l)]] },
    { pairs: [[l.photoPosition, photoPositionText(p, l)]] },
    {
      pairs: [
        [l.photoBearing, photoBearingText(p.bearing, l)],
        [l.photographer, p.photographer.trim() || l.unknown],
      ],
    },
    { pairs: [[l.photoDescription, p.description.trim() || l.none]] },
    { pairs: [[l.photoOriginal, fillPlaceholders(l.photoHashNote, { short: shortHash(p.sha256) })]] },
  ];
}

/** Lays out a caption's rows from y; returns its marks and height. */
function captionMarks(rows: CaptionRow[], y0: number): { marks: Mark[]; heightMm: number } {
  const marks: Mark[] = [];
  let y = y0;
  for (const r of rows) {
    const cellW = r.pairs.length === 1 ? CONTENT_WIDTH_MM : HALF;
    const wrapped = r.pairs.map(([, v]) => wrapLines(v, cellW - KEY_W - 2 * CAPTION_PAD_MM, CAPTION_PT));
    const n = Math.max(...wrapped.map((w) => w.length));
    const h = n * CAPTION_LINE_MM + 2 * CAPTION_PAD_MM;
    marks.push(rect(CONTENT_LEFT_MM, y, CONTENT_WIDTH_MM, h));
    r.pairs.forEach(([k], i) => {
      const x = CONTENT_LEFT_MM + i * HALF;
      if (i > 0) marks.push(line(x, y, x, y + h));
      marks.push(line(x + KEY_W, y, x + KEY_W, y + h));
      marks.push(text(x + KEY_W / 2, y + h / 2, k, CAPTION_PT, { anchor: 'middle', bold: true }));
      (wrapped[i] as string[]).forEach((v, j) =>
        marks.push(
          text(x + KEY_W + CAPTION_PAD_MM, y + CAPTION_PAD_MM + (j + 0.5) * CAPTION_LINE_MM, v, CAPTION_PT, {
            maxWidthMm: cellW - KEY_W - 2 * CAPTION_PAD_MM,
          }),
        ),
      );
    });
    y += h;
  }
  return { marks, heightMm: y - y0 };
}

/** The image's rectangle: the photo fitted into the box, centred, its aspect kept. */
export function fitRect(box: { x: number; y: number; w: number; h: number }, widthPx: number, heightPx: number) {
  if (!(widthPx > 0 && heightPx > 0)) return box;
  const s = Math.min(box.w / widthPx, box.h / heightPx);
  const w = widthPx * s;
  const h = heightPx * s;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** The photo sheets (role 'photos'), two photos to a page, in the items' order. */
export function layoutPhotoSheets(items: readonly PhotoSheetItem[], recordNumber: string, l: PaperLabels): Sheet[] {
  const top = MARGIN_MM.top + 12;
  const bottom = A4_PORTRAIT.heightMm - MARGIN_MM.bottom - 2;
  const heading = (marks: Mark[]): number => {
    marks.push(text(A4_PORTRAIT.widthMm / 2, MARGIN_MM.top + 3, l.photoTitle, 16, { anchor: 'middle', bold: true }));
    const rec = fillPlaceholders(l.photoRecord, { number: recordNumber });
    marks.push(text(CONTENT_RIGHT_MM, MARGIN_MM.top + 9, rec, CAPTION_PT, { anchor: 'end', maxWidthMm: textWidthMm(rec, CAPTION_PT) }));
    return top;
  };
  const flow = new PageFlow(bottom, heading);
  const slotH = (bottom - top) / PHOTOS_PER_PAGE;
  items.forEach((p, i) => {
    if (i > 0 && i % PHOTOS_PER_PAGE === 0) flow.newPage();
    const y0 = top + (i % PHOTOS_PER_PAGE) * slotH;
    const cap = captionMarks(captionRows(p, l), 0);
    const imageBox = { x: CONTENT_LEFT_MM, y: y0 + 2, w: CONTENT_WIDTH_MM, h: slotH - cap.heightMm - 8 };
    if (p.ref) {
      const r = fitRect(imageBox, p.widthPx, p.heightPx);
      flow.marks.push({ kind: 'image', rect: r, ref: p.ref }, rect(r.x, r.y, r.w, r.h, { stroke: '#000000', strokeMm: 0.2, fill: null }));
    } else {
      flow.marks.push(rect(imageBox.x, imageBox.y, imageBox.w, imageBox.h, { stroke: '#888888', dashMm: [1.5, 1] }));
      flow.marks.push(text(imageBox.x + imageBox.w / 2, imageBox.y + imageBox.h / 2, l.photoUndecodable, 10, { anchor: 'middle', color: '#555555' }));
    }
    flow.marks.push(...captionMarks(captionRows(p, l), imageBox.y + imageBox.h + 2).marks);
  });
  if (items.length === 0) return [];
  return finishPages(flow.pages, 'photos', { pageOf: l.pageOf, footSignatures: null });
}
