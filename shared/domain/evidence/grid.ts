/**
 * The CGCS2000 coordinate grid (坐标格网) of a map frame: lines every `spacingMm` on paper (100 mm = 100 m of ground
 * at 1:1,000), at round ground values — the multiples of spacing × scale / 1000 m — inside the frame's GK extent.
 * Positions are exact: a line at easting E is at x = frame.x + (E − E0) · 1000 / scale mm, at northing N at
 * y = frame.y + (N1 − N) · 1000 / scale mm (sheet-model.ts). Labels print the full metres of the line (X = northing
 * on the left and right sides, Y = easting on the top and bottom, with the zone prefix when the data has it), as
 * large-scale survey sheets do: a reader copies a coordinate from the sheet without having to add a kilometre part.
 */
import type { FrameGround, RectMm } from './sheet-model';

export interface GridLine {
  /** The ground value of the line, m (easting for a vertical line, northing for a horizontal one). */
  value: number;
  /** Its position on paper, mm (x for a vertical line, y for a horizontal one). */
  mm: number;
  /** The value as printed at the frame's edge. */
  label: string;
}

export interface CoordinateGrid {
  /** Ground distance between lines, m. */
  stepMetres: number;
  /** Vertical lines (constant easting, Y labels), west to east. */
  eastings: GridLine[];
  /** Horizontal lines (constant northing, X labels), north to south. */
  northings: GridLine[];
}

/** The ground step of a grid `spacingMm` apart at 1:scale, m. */
export const gridStepMetres = (spacingMm: number, scale: number): number => (spacingMm * scale) / 1000;

/** A grid value as printed: whole metres when the step is whole, else to the step's decimals. */
export function gridLabel(value: number, stepMetres: number): string {
  const decimals = Number.isInteger(stepMetres) ? 0 : Math.min(3, String(stepMetres).split('.')[1]?.length ?? 0);
  return value.toFixed(decimals);
}

/** The grid lines of a frame (only those strictly inside its extent: a line on the frame's edge is the frame). */
export function coordinateGrid(ground: Pick<FrameGround, 'extent' | 'scale'>, frame: RectMm, spacingMm: number): CoordinateGrid {
  const [e0, n0, e1, n1] = ground.extent;
  const step = gridStepMetres(spacingMm, ground.scale);
  const k = 1000 / ground.scale;
  const lines = (lo: number, hi: number, at: (v: number) => number): GridLine[] => {
    const out: GridLine[] = [];
    if (!(step > 0)) return out;
    const eps = step * 1e-9;
    for (let i = Math.ceil((lo + eps) / step); i * step < hi - eps; i++) {
      const value = i * step;
      out.push({ value, mm: at(value), label: gridLabel(value, step) });
    }
    return out;
  };
  return {
    stepMetres: step,
    eastings: lines(e0, e1, (e) => frame.x + (e - e0) * k),
    northings: lines(n0, n1, (n) => frame.y + (n1 - n) * k).reverse(),
  };
}
