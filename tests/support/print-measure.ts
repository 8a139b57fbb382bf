/**
 * Measuring a printed sheet on poppler's 300-dpi render (pdftoppm -r 300 -gray → PGM), independent of our renderer:
 * the dark runs along a row or a column (grid ticks), and the map frame's outer border measured from outside on a
 * row and a column clear of the grid (the frame's inside may be dark imagery). Used by tests/unit/evidence-print.spec.ts
 * and tests/e2e/map-print.spec.ts.
 */
import { readFileSync } from 'node:fs';

export const PX_PER_MM = 300 / 25.4;

/** A PGM (P5) page: width, height, grey bytes. */
export function readPgm(path: string): { w: number; h: number; px: Uint8Array } {
  const buf = readFileSync(path);
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error(`${path}: not a PGM`);
  return { w: Number(head[1]), h: Number(head[2]), px: new Uint8Array(buf.buffer, buf.byteOffset + head[0].length) };
}

/** Centres (px) of the dark runs along a line of pixels. */
export function darkRuns(values: number[]): number[] {
  const out: number[] = [];
  let start = -1;
  let wsum = 0;
  let sum = 0;
  values.forEach((v, i) => {
    const d = 255 - v;
    if (v < 160) {
      if (start < 0) start = i;
      wsum += d * i;
      sum += d;
    } else if (start >= 0) {
      out.push(wsum / sum);
      start = -1;
      wsum = sum = 0;
    }
  });
  return out;
}

/**
 * The frame's width and height in px, measured on its 0.3 mm border's outer edges (less one border width), on a row
 * and a column as far as can be from the grid lines at `eastingsMm` / `northingsMm` (paper mm).
 */
export function measureFrame(
  pgm: { w: number; h: number; px: Uint8Array },
  f: { x: number; y: number; w: number; h: number },
  eastingsMm: readonly number[],
  northingsMm: readonly number[],
  borderMm = 0.3,
): { frameW: number; frameH: number } {
  const { w, px } = pgm;
  const clear = (lines: readonly number[], lo: number, hi: number) => {
    let best = lo;
    let gap = -1;
    for (let v = lo + 3; v < hi - 3; v += 0.5) {
      const d = lines.length ? Math.min(...lines.map((l) => Math.abs(l - v))) : Math.min(v - lo, hi - v);
      if (d > gap) [gap, best] = [d, v];
    }
    return best;
  };
  const midY = Math.round(clear(northingsMm, f.y, f.y + f.h) * PX_PER_MM);
  const midX = Math.round(clear(eastingsMm, f.x, f.x + f.w) * PX_PER_MM);
  const rowAt = (y: number, x0: number, x1: number) => Array.from({ length: x1 - x0 }, (_, i) => px[y * w + x0 + i]!);
  const colAt = (x: number, y0: number, y1: number) => Array.from({ length: y1 - y0 }, (_, i) => px[(y0 + i) * w + x]!);
  const mmPx = (mm: number) => Math.round(mm * PX_PER_MM);
  const firstDark = (v: number[]) => v.findIndex((g) => g < 128);
  const lastDark = (v: number[]) => v.length - 1 - [...v].reverse().findIndex((g) => g < 128);
  const left = mmPx(f.x - 1) + firstDark(rowAt(midY, mmPx(f.x - 1), mmPx(f.x + 1)));
  const right = mmPx(f.x + f.w - 1) + lastDark(rowAt(midY, mmPx(f.x + f.w - 1), mmPx(f.x + f.w + 1)));
  const top = mmPx(f.y - 1) + firstDark(colAt(midX, mmPx(f.y - 1), mmPx(f.y + 1)));
  const bottom = mmPx(f.y + f.h - 1) + lastDark(colAt(midX, mmPx(f.y + f.h - 1), mmPx(f.y + f.h + 1)));
  const border = borderMm * PX_PER_MM;
  return { frameW: right - left + 1 - border, frameH: bottom - top + 1 - border };
}
