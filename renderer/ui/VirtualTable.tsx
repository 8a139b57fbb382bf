import { useCallback, useState, type CSSProperties, type Key, type ReactNode, type RefCallback, type UIEvent } from 'react';
import { DEFAULT_OVERSCAN_ROWS, positionsOf, windowOf, type RowRange } from './virtual-table.logic';

/** The body's height before it is measured: about ten rows, what the attribute drawer shows at its smallest. */
const FIRST_VIEWPORT_PX = 240;

/** A table's scroll state and the rows it puts in the DOM, from useVirtualWindow. */
export interface VirtualWindow {
  /** The rows in view plus overscan: what VirtualTable draws, and what a caller fetches the data for. */
  readonly range: RowRange;
  readonly rowCount: number;
  readonly rowPx: number;
  readonly bodyRef: RefCallback<HTMLDivElement>;
  readonly onScroll: (e: UIEvent<HTMLDivElement>) => void;
}

/**
 * The scroll position and body height of a VirtualTable, and the rows in view. A hook of the caller's (not state
 * inside the table) so the caller reads `range` in the same render as the table draws it: the data for newly
 * scrolled-to rows is asked for without waiting for one more render.
 */
export function useVirtualWindow({
  rowCount,
  rowPx = 24,
  overscan = DEFAULT_OVERSCAN_ROWS,
}: {
  rowCount: number;
  rowPx?: number;
  overscan?: number;
}): VirtualWindow {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FIRST_VIEWPORT_PX);
  // The body follows the drawer's size (window resized), not only our renders; a body mounted again (after a
  // loading state) starts at its own scroll position.
  const bodyRef = useCallback((el: HTMLDivElement | null) => {
    if (!el) return;
    const measure = () => {
      if (el.clientHeight > 0) setViewport(el.clientHeight);
    };
    measure();
    setScrollTop(el.scrollTop);
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);
  return { range: windowOf(scrollTop, viewport, rowPx, rowCount, overscan), rowCount, rowPx, bodyRef, onScroll };
}

/** Attributes a row element may carry besides its class: `data-*` for journeys and commands (data-fid). */
export type RowDataAttributes = Record<`data-${string}`, string | number>;

export interface VirtualTableProps<R> {
  /** From useVirtualWindow: how many rows, their fixed height, the scroll position. */
  view: VirtualWindow;
  /** grid-template-columns shared by the header and every row (fixed widths, so the two grids line up). */
  columns: string;
  /** The header row's cells (each an element with class `vt-cell`). */
  header: ReactNode;
  /** The row at a position, or undefined while its data is on its way: drawn as an empty, pending row. */
  rowAt: (pos: number) => R | undefined;
  /** The row's cells (each an element with class `vt-cell`). */
  cells: (row: R, pos: number) => ReactNode;
  /** A stable key per position (e.g. the store row it shows), so a re-sort reuses elements; the position otherwise. */
  rowKey?: (pos: number) => Key;
  isSelected?: (row: R) => boolean;
  onRowClick?: (row: R, pos: number) => void;
  rowAttributes?: (row: R) => RowDataAttributes;
  /** data-testid of each ready row (pending rows carry none: they are not rows a user can act on yet). */
  rowTestId?: string;
  /** data-testid of the scrolling body. */
  bodyTestId?: string;
}

/**
 * A virtual table: a header row and a scrolling body in which only the rows in view (plus overscan) exist, so
 * 50,000 rows scroll smoothly. Every row is `rowPx` tall and placed at `pos × rowPx` in a spacer as tall as all
 * rows together (the scrollbar is the real one; nothing is measured per row).
 */
export function VirtualTable<R>({
  view,
  columns,
  header,
  rowAt,
  cells,
  rowKey,
  isSelected,
  onRowClick,
  rowAttributes,
  rowTestId,
  bodyTestId,
}: VirtualTableProps<R>) {
  const style = { '--cols': columns, '--vt-row': `${view.rowPx}px` } as CSSProperties;
  return (
    <div className="vt" style={style}>
      <div className="vt-head">{header}</div>
      <div className="vt-body" ref={view.bodyRef} data-testid={bodyTestId} onScroll={view.onScroll}>
        <div className="vt-spacer" style={{ height: view.rowCount * view.rowPx }}>
          {positionsOf(view.range).map((pos) => {
            const key = rowKey ? rowKey(pos) : pos;
            const row = rowAt(pos);
            const top = pos * view.rowPx;
            if (row === undefined) return <div key={key} className="vt-row pending" style={{ top }} />;
            return (
              <div
                key={key}
                className={`vt-row${isSelected?.(row) ? ' selected' : ''}`}
                style={{ top }}
                data-testid={rowTestId}
                {...rowAttributes?.(row)}
                onClick={onRowClick && (() => onRowClick(row, pos))}
              >
                {cells(row, pos)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
