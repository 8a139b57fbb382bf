/**
 * One evidence sheet drawn on a 2D canvas at a print resolution (issue 13: the 300-dpi PNG of the map sheet). It draws
 * the same display list as SheetSvg, in the same order and with the same fonts: paths as Path2D with the even-odd
 * rule (holes stay holes), circles, text (pt → mm → px), images (the imagery, decoded with createImageBitmap), tables
 * as ruled cells, and the `clip` marks clipped to the sheet's map frame. Thin: no layout decisions.
 *
 * 1 mm of the list is dpi / 25.4 px: A4 at 300 dpi is 2480 × 3508 px, A3 4961 × 3508 (17.4 Mpx), inside Chromium's
 * canvas caps (8192 px a side, ≈ 33 Mpx — STACK-NOTES "Printing and PDF"); a sheet past them is refused by name.
 */
import { MM_PER_PT, type Mark, type Sheet } from '../../../../shared/domain/evidence/sheet-model';
import { crc32 } from '../../../../shared/formats/zip/crc32';

/** The families SheetSvg uses (Noto CJK from fonts-noto-cjk first). */
export const CANVAS_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "SimSun", sans-serif';

/** Chromium's canvas caps. */
export const CANVAS_MAX_SIDE = 8192;
export const CANVAS_MAX_PIXELS = 33_000_000;

/** The canvas size of a sheet at a resolution, px (rounded to whole pixels). */
export function canvasSizeOf(sheet: Pick<Sheet, 'paper'>, dpi: number): { widthPx: number; heightPx: number } {
  return { widthPx: Math.round((sheet.paper.widthMm / 25.4) * dpi), heightPx: Math.round((sheet.paper.heightMm / 25.4) * dpi) };
}

/** What the drawing needs of a 2D context (a CanvasRenderingContext2D or an OffscreenCanvasRenderingContext2D). */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'scale'
  | 'translate'
  | 'rotate'
  | 'beginPath'
  | 'rect'
  | 'clip'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'fillText'
  | 'strokeText'
  | 'drawImage'
  | 'setLineDash'
  | 'arc'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineJoin'
  | 'lineCap'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
>;

const TEXT_ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;
const TEXT_BASELINE = { middle: 'middle', top: 'hanging', alphabetic: 'alphabetic' } as const;

const fontOf = (sizePt: number, bold = false) => `${bold ? '700 ' : ''}${sizePt * MM_PER_PT}px ${CANVAS_FONT_FAMILY}`;

function paint(ctx: Ctx2D, m: { fill?: string | null; fillOpacity?: number; stroke?: string | null; strokeMm?: number; dashMm?: readonly number[] }) {
  if (m.fill) {
    ctx.globalAlpha = m.fillOpacity ?? 1;
    ctx.fillStyle = m.fill;
    ctx.fill('evenodd');
    ctx.globalAlpha = 1;
  }
  if (m.stroke) {
    ctx.strokeStyle = m.stroke;
    ctx.lineWidth = m.strokeMm ?? 0.1;
    ctx.setLineDash(m.dashMm ? [...m.dashMm] : []);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

function drawText(ctx: Ctx2D, m: Extract<Mark, { kind: 'text' }>) {
  ctx.save();
  ctx.translate(m.x, m.y);
  if (m.rotateDeg) ctx.rotate((m.rotateDeg * Math.PI) / 180);
  ctx.font = fontOf(m.sizePt, m.bold);
  ctx.textAlign = TEXT_ALIGN[m.anchor ?? 'start'];
  ctx.textBaseline = TEXT_BASELINE[m.baseline ?? 'middle'];
  if (m.halo) {
    ctx.strokeStyle = m.halo;
    ctx.lineWidth = m.sizePt * MM_PER_PT * 0.22;
    ctx.lineJoin = 'round';
    ctx.strokeText(m.text, 0, 0);
  }
  ctx.fillStyle = m.color ?? '#000000';
  ctx.fillText(m.text, 0, 0);
  ctx.restore();
}

function drawTable(ctx: Ctx2D, m: Extract<Mark, { kind: 'table' }>) {
  const width = m.columns.reduce((s, c) => s + c.widthMm, 0);
  const height = m.headerHeightMm + m.rows.length * m.rowHeightMm;
  const xs: number[] = [m.x];
  for (const c of m.columns) xs.push((xs[xs.length - 1] as number) + c.widthMm);
  if (m.headerHeightMm > 0) {
    ctx.fillStyle = '#f0f0f0';
    ctx.fillRect(m.x, m.y, width, m.headerHeightMm);
  }
  ctx.beginPath();
  for (const x of xs) {
    ctx.moveTo(x, m.y);
    ctx.lineTo(x, m.y + height);
  }
  const ys = [
    m.y,
    ...(m.headerHeightMm > 0 ? [m.y + m.headerHeightMm] : []),
    ...m.rows.map((_, i) => m.y + m.headerHeightMm + (i + 1) * m.rowHeightMm),
  ];
  for (const y of ys) {
    ctx.moveTo(m.x, y);
    ctx.lineTo(m.x + width, y);
  }
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = 0.15;
  ctx.stroke();
  const pad = 1.2;
  const cellX = (i: number, align: 'start' | 'middle' | 'end') =>
    align === 'start' ? (xs[i] as number) + pad : align === 'end' ? (xs[i + 1] as number) - pad : ((xs[i] as number) + (xs[i + 1] as number)) / 2;
  ctx.fillStyle = '#000000';
  ctx.textBaseline = 'middle';
  if (m.headerHeightMm > 0) {
    ctx.font = fontOf(m.sizePt, true);
    ctx.textAlign = 'center';
    m.columns.forEach((c, i) => ctx.fillText(c.title, cellX(i, 'middle'), m.y + m.headerHeightMm / 2));
  }
  const bold = new Set(m.boldRows ?? []);
  m.rows.forEach((row, r) => {
    ctx.font = fontOf(m.sizePt, bold.has(r));
    row.forEach((cell, i) => {
      const col = m.columns[i];
      if (!col || cell === '') return;
      ctx.textAlign = TEXT_ALIGN[col.align];
      ctx.fillText(cell, cellX(i, col.align), m.y + m.headerHeightMm + (r + 0.5) * m.rowHeightMm);
    });
  });
}

/** Draws a sheet on a context already sized for it: `pxPerMm` = dpi / 25.4. Images by ref (absent: not drawn). */
export function drawSheet(ctx: Ctx2D, sheet: Sheet, images: ReadonlyMap<string, CanvasImageSource>, pxPerMm: number): void {
  ctx.save();
  ctx.scale(pxPerMm, pxPerMm);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, sheet.paper.widthMm, sheet.paper.heightMm);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const f = sheet.frame;
  for (const m of sheet.marks) {
    const clip = f !== null && m.kind !== 'table' && m.clip === true;
    if (clip) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(f.x, f.y, f.w, f.h);
      ctx.clip();
    }
    switch (m.kind) {
      case 'path':
        ctx.beginPath();
        for (const r of m.rings) {
          r.forEach((p, i) => (i === 0 ? ctx.moveTo(p[0], p[1]) : ctx.lineTo(p[0], p[1])));
          if (m.closed && r.length > 0) ctx.closePath();
        }
        paint(ctx, m);
        break;
      case 'circle':
        ctx.beginPath();
        ctx.arc(m.cx, m.cy, m.rMm, 0, 2 * Math.PI);
        paint(ctx, m);
        break;
      case 'text':
        drawText(ctx, m);
        break;
      case 'image': {
        const img = images.get(m.ref);
        if (img) {
          ctx.globalAlpha = m.opacity ?? 1;
          ctx.drawImage(img, m.rect.x, m.rect.y, m.rect.w, m.rect.h);
          ctx.globalAlpha = 1;
        }
        break;
      }
      case 'table':
        drawTable(ctx, m);
        break;
    }
    if (clip) ctx.restore();
  }
  ctx.restore();
}

/**
 * The PNG with its resolution stated (a pHYs chunk, pixels per metre, right after IHDR; an existing one replaced), so
 * an image viewer or a print shop prints the 300-dpi sheet at its true size. Bytes that are not a PNG are returned
 * as they are.
 */
export function withPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  const SIG = [137, 80, 78, 71, 13, 10, 26, 10];
  if (png.length < 33 || SIG.some((v, i) => png[i] !== v)) return png;
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: Uint8Array[] = [png.subarray(0, 8)];
  let o = 8;
  let placed = false;
  const phys = new Uint8Array(21);
  const pv = new DataView(phys.buffer);
  pv.setUint32(0, 9);
  phys.set([0x70, 0x48, 0x59, 0x73], 4); // pHYs
  const ppm = Math.round(dpi / 0.0254);
  pv.setUint32(8, ppm);
  pv.setUint32(12, ppm);
  phys[16] = 1; // unit: metre
  pv.setUint32(17, crc32(phys.subarray(4, 17)));
  while (o + 12 <= png.length) {
    const len = dv.getUint32(o);
    const type = String.fromCharCode(...png.subarray(o + 4, o + 8));
    const end = o + 12 + len;
    if (end > png.length) return png;
    if (type !== 'pHYs') chunks.push(png.subarray(o, end));
    if (type === 'IHDR' && !placed) {
      chunks.push(phys);
      placed = true;
    }
    o = end;
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let k = 0;
  for (const c of chunks) {
    out.set(c, k);
    k += c.length;
  }
  return out;
}

export type SheetPngResult =
  | { ok: true; png: Uint8Array; widthPx: number; heightPx: number }
  /** Past Chromium's canvas caps (choose a lower resolution or a smaller paper). */
  | { ok: false; reason: 'tooLarge'; widthPx: number; heightPx: number }
  /** An image's bytes did not decode (its ref named). */
  | { ok: false; reason: 'imageUnreadable'; ref: string };

/**
 * The sheet as PNG bytes at `dpi` (default 300) on an OffscreenCanvas: in the evidence worker, or on the main thread
 * where OffscreenCanvas exists. `images`: ref → the image's encoded bytes (PNG/JPEG).
 */
export async function renderSheetPng(sheet: Sheet, images: Readonly<Record<string, Uint8Array>>, dpi = 300): Promise<SheetPngResult> {
  const { widthPx, heightPx } = canvasSizeOf(sheet, dpi);
  if (widthPx > CANVAS_MAX_SIDE || heightPx > CANVAS_MAX_SIDE || widthPx * heightPx > CANVAS_MAX_PIXELS)
    return { ok: false, reason: 'tooLarge', widthPx, heightPx };
  const bitmaps = new Map<string, ImageBitmap>();
  try {
    for (const [ref, bytes] of Object.entries(images)) {
      if (!sheet.marks.some((m) => m.kind === 'image' && m.ref === ref)) continue;
      try {
        bitmaps.set(ref, await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>])));
      } catch {
        return { ok: false, reason: 'imageUnreadable', ref };
      }
    }
    const canvas = new OffscreenCanvas(widthPx, heightPx);
    const ctx = canvas.getContext('2d');
    if (!ctx) return { ok: false, reason: 'tooLarge', widthPx, heightPx };
    drawSheet(ctx, sheet, bitmaps, widthPx / sheet.paper.widthMm);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return { ok: true, png: withPngDpi(new Uint8Array(await blob.arrayBuffer()), dpi), widthPx, heightPx };
  } finally {
    for (const b of bitmaps.values()) b.close();
  }
}
