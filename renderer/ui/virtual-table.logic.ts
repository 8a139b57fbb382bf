/**
 * Windowing for VirtualTable: which rows of a fixed-row-height list are in the DOM for a scroll position. Pure, so
 * the arithmetic is tested without a browser; every row is `rowPx` tall, so row `pos` sits at `pos × rowPx` and
 * the body's scroll height is `rowCount × rowPx` (no measuring, which is what keeps 50,000 rows cheap).
 */

/** Rows [start, end) of the list, in positions (not store rows). */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** Rows drawn beyond each edge of the view, so a fast scroll shows no gap before the next render. */
export const DEFAULT_OVERSCAN_ROWS = 8;

/** Rows to render for a scroll position (with overscan so fast scrolling shows no gaps). */
export function windowOf(scrollTopPx: number, viewportPx: number, rowPx: number, total: number, overscan = DEFAULT_OVERSCAN_ROWS): RowRange {
  if (!(rowPx > 0) || !(total > 0)) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTopPx);
  const start = Math.min(total, Math.max(0, Math.floor(top / rowPx) - overscan));
  const end = Math.min(total, Math.ceil((top + Math.max(0, viewportPx)) / rowPx) + overscan);
  return { start, end: Math.max(start, end) };
}

export const sameRange = (a: RowRange, b: RowRange): boolean => a.start === b.start && a.end === b.end;

/** The positions of a range, in order (what the table maps to row elements). */
export function positionsOf(range: RowRange): number[] {
  const out: number[] = [];
  for (let p = range.start; p < range.end; p++) out.push(p);
  return out;
}

/**
 * A grid-template-columns value from column widths in px (or any CSS track, e.g. '1fr'). Header and rows are
 * separate grids and must share one template so their cells line up exactly.
 */
export function columnTemplate(widths: readonly (number | string)[]): string {
  return widths.map((w) => (typeof w === 'number' ? `${w}px` : w)).join(' ');
}
