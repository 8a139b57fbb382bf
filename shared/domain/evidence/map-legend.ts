/**
 * The map sheet's legend (图例): what is drawn in the frame — the plot (红线), its J points, each layer's legend
 * items actually used — with the paint each feature is drawn in (paintOf, also used by the frame's drawing).
 */
import type { MapSheetContent, SheetLayer } from './inputs';
import type { MapSheetPlan } from './map-sheet';
import { GAP, STYLE, blockTitleH, fill, line, rectPath, text, type MapSheetLabels } from './map-style';
import { MM_PER_PT, type Mark, type Paint, type RectMm } from './sheet-model';
import { textWidthMm, wrapText } from './text-measure';

/** The layers' drawing order in the frame, bottom to top (the legend lists them top to bottom). */
export const ROLE_ORDER: readonly SheetLayer['role'][] = ['landClass', 'planning', 'approval', 'supply', 'other', 'boundary', 'farmland'];

export interface LegendEntry {
  label: string;
  paint: Paint;
  shape: 'fill' | 'line' | 'point' | 'plot' | 'jpoint';
  /** Drawn over the imagery (its swatch is shown on a grey ground, as on the photograph). */
  overImagery?: boolean;
}

/** A legend item of a layer for a feature's code (exact, then the longest prefix, then by name, then the default). */
export function legendItemOf(layer: SheetLayer, code: string | undefined) {
  const items = layer.legend.items;
  if (code !== undefined) {
    const exact = items.find((i) => i.code === code);
    if (exact) return exact;
    const prefixed = items
      .filter((i) => i.code !== undefined && code.startsWith(i.code))
      .sort((a, b) => (b.code?.length ?? 0) - (a.code?.length ?? 0));
    if (prefixed[0]) return prefixed[0];
    // a rule without categories lists the values the layer holds by their own text (planning zones by name)
    const named = items.find((i) => i.code === undefined && i.label === code);
    if (named) return named;
  }
  return items.find((i) => i.code === undefined) ?? items[0] ?? null;
}

/**
 * A feature's paint from its legend item. Over imagery the image must show through: farmland keeps its yellow at
 * 0.3 opacity (and its red 0.5 mm boundary); land classes are a 0.3 tint of their class colour inside white
 * boundaries; other layers are dashed outlines (≥ 0.25 mm), in their category's colour when the layer's
 * categories have colours of their own (else in the layer's line colour): each category keeps its map colour on
 * the sheet, so the legend can name it.
 */
export function paintOf(layer: SheetLayer, item: NonNullable<ReturnType<typeof legendItemOf>>, overImagery = false): Paint {
  const s = item.symbol;
  if (layer.role === 'farmland')
    return {
      fill: s.fill,
      fillOpacity: overImagery ? Math.min(0.3, s.fillOpacity) : s.fillOpacity,
      stroke: STYLE.farmlandStroke,
      strokeMm: STYLE.farmlandStrokeMm,
    };
  if (overImagery) {
    // grey outlines vanish on a photograph: land classes in white over a light tint of their colour, other layers
    // dashed in their colour (the category's fill colour when the layer is categorised)
    if (layer.role === 'landClass')
      return s.fill && s.shape === 'fill'
        ? { fill: s.fill, fillOpacity: Math.min(OVER_IMAGERY_TINT, s.fillOpacity), stroke: STYLE.overImageryClassStroke, strokeMm: 0.25 }
        : { fill: null, stroke: STYLE.overImageryClassStroke, strokeMm: 0.25 };
    const categorised = s.fill !== null && new Set(layer.legend.items.map((i) => i.symbol.fill)).size > 1;
    return {
      fill: null,
      stroke: categorised && s.fill ? s.fill : s.stroke,
      strokeMm: Math.max(0.25, s.strokeWidthPx * STYLE.pxToMm),
      dashMm: s.dash ? s.dash.map((d) => d * STYLE.pxToMm * 2) : [2, 1],
    };
  }
  return {
    fill: s.shape === 'line' ? null : s.fill,
    fillOpacity: s.fillOpacity,
    stroke: s.stroke,
    strokeMm: Math.max(STYLE.minStrokeMm, s.strokeWidthPx * STYLE.pxToMm),
    ...(s.dash ? { dashMm: s.dash.map((d) => d * STYLE.pxToMm * 2) } : {}),
  };
}

/** A land class's tint over imagery (farmland's yellow is at 0.3 too). */
export const OVER_IMAGERY_TINT = 0.3;

/** The key a drawn feature's legend item is counted under (`drawn` in layoutMapSheets). */
export const legendKeyOf = (item: { code?: string; label: string }) => item.code ?? `\u0000${item.label}`;

/**
 * The legend entries of what is drawn in the frame: the plot and its points first, then each layer's items used —
 * one entry per category drawn (its code and name: 0101 水田), in the paint it is drawn with, in the order of the
 * layer's own legend (shared/domain/layers/legend: by code); a layer of one symbol is one entry under its name.
 * Layers are listed top of the map first (farmland, boundaries, … land classes), each role in the content's order.
 */
export function legendEntries(content: MapSheetContent, drawn: Map<string, Set<string>>, plan: MapSheetPlan, L: MapSheetLabels): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (plan.hasPlot && content.plot.polygons.length > 0)
    out.push({ label: L.legendPlot, shape: 'plot', paint: { fill: null, stroke: STYLE.plotStroke, strokeMm: STYLE.plotStrokeMm } });
  if (content.points.length > 0)
    out.push({ label: L.legendPoints, shape: 'jpoint', paint: { fill: '#ffffff', stroke: STYLE.plotStroke, strokeMm: STYLE.pointStrokeMm } });
  const overImagery = !!(content.imagery && plan.settings.imagery);
  for (const role of [...ROLE_ORDER].reverse())
    for (const layer of content.layers.filter((l) => l.role === role && !plan.settings.hiddenLayerIds.includes(l.id))) {
      const used = drawn.get(layer.id);
      if (!used) continue;
      const multi = layer.legend.items.length > 1;
      for (const item of layer.legend.items) {
        if (!used.has(legendKeyOf(item))) continue;
        const label = item.code && item.code !== item.label ? `${item.code} ${item.label}` : item.label;
        const paint = paintOf(layer, item, overImagery);
        const shape = item.symbol.shape === 'fill' && paint.fill === null ? 'line' : item.symbol.shape;
        out.push({ label: multi ? label : layer.name, shape, paint, ...(overImagery && layer.role !== 'farmland' ? { overImagery: true } : {}) });
      }
    }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Fitting the legend into its box: as many columns as the box is wide for the longest entry, the columns balanced;
// when the entries do not fit, smaller text down to LEGEND_MIN_PT; then the first entries and a line
// "其余 N 类见附表", the rest listed on the table sheet (never dropped without saying so).

/** The legend's text on the map sheet. */
export const LEGEND_PT = STYLE.notePt;
/**
 * The smallest legend text: 6.5 pt is an em of 2.29 mm, and a CJK character's ink fills ≈ 0.9 em — ≥ 2 mm high on
 * the printed sheet.
 */
export const LEGEND_MIN_PT = 6.5;
/** On a table sheet (a page of its own) the rest of the legend is set like its tables: 9 pt. */
export const LEGEND_PAGE_PT = 9;
const COLUMN_GAP_MM = 3;

/** The legend's measures at a text size (at 7 pt: rows 5 mm, swatch 8 × 3.6 mm, text 10 mm in). */
function legendType(sizePt: number) {
  const k = sizePt / STYLE.notePt;
  return {
    sizePt,
    k,
    rowMm: STYLE.legendRowMm * k,
    lineMm: sizePt * MM_PER_PT * 1.25,
    indentMm: 10 * k,
    titlePt: STYLE.blockTitlePt * Math.max(k, 1),
  };
}
type LegendType = ReturnType<typeof legendType>;

export interface PlacedLegendEntry {
  entry: LegendEntry;
  /** The label's lines (a label too long for its column wraps). */
  lines: string[];
  /** Offset from the legend's top-left corner, mm (the entry's row top). */
  dx: number;
  dy: number;
}

export interface LegendLayout {
  sizePt: number;
  /** Width and height of the block, mm (title included). */
  widthMm: number;
  heightMm: number;
  columnWidthMm: number;
  columns: number;
  placed: PlacedLegendEntry[];
  /** Entries that did not fit: listed on the table sheet; the block says how many. */
  rest: LegendEntry[];
  /** The line saying where the rest is (present iff rest is not empty), and its place in the block. */
  moreNote: string | null;
  noteAt?: { dx: number; dy: number };
}

const entryHeight = (lines: number, t: LegendType) => t.rowMm + (lines - 1) * t.lineMm;

/** Columns of entries, heights balanced: the lowest column height ≤ maxH that packs them into `columns` columns. */
function pack(heights: readonly number[], columns: number, maxH: number): { col: number; dy: number }[] | null {
  const total = heights.reduce((a, b) => a + b, 0);
  const tallest = Math.max(0, ...heights);
  const tryHeight = (H: number) => {
    const out: { col: number; dy: number }[] = [];
    let col = 0;
    let y = 0;
    for (const h of heights) {
      if (y > 0 && y + h > H + 1e-9) {
        col += 1;
        y = 0;
      }
      if (col >= columns || h > H + 1e-9) return null;
      out.push({ col, dy: y });
      y += h;
    }
    return out;
  };
  // from the even share upward, in small steps: the first height that packs is the most balanced
  for (let H = Math.max(tallest, total / columns); H <= maxH + 1e-9; H += 0.25) {
    const got = tryHeight(H);
    if (got) return got;
  }
  return tryHeight(maxH);
}

function measure(entries: readonly LegendEntry[], t: LegendType, columnWidthMm: number) {
  return entries.map((e) => {
    const lines = wrapText(e.label, t.sizePt, columnWidthMm - t.indentMm);
    return { entry: e, lines: lines.length ? lines : [''] };
  });
}

/**
 * The legend laid out in a box of `maxW` × `maxH` mm (see above). `natural`: the block is no wider than its columns
 * need (the bottom band), else it takes the box's width (the right column).
 */
export function layoutLegend(
  entries: readonly LegendEntry[],
  maxW: number,
  maxH: number,
  L: MapSheetLabels,
  sizes = [LEGEND_PT, LEGEND_MIN_PT],
): LegendLayout {
  let last: LegendLayout | null = null;
  for (const sizePt of sizes) {
    const t = legendType(sizePt);
    const titleH = blockTitleH(t.titlePt);
    const widest = Math.max(0, ...entries.map((e) => textWidthMm(e.label, sizePt)));
    const columnWidthMm = Math.min(maxW, t.indentMm + widest + 1);
    const maxColumns = Math.max(1, Math.floor((maxW + COLUMN_GAP_MM) / (columnWidthMm + COLUMN_GAP_MM)));
    const measured = measure(entries, t, columnWidthMm);
    const heights = measured.map((m) => entryHeight(m.lines.length, t));
    const room = maxH - titleH - 1;
    let columns = 1;
    let packed: { col: number; dy: number }[] | null = null;
    // the fewest columns that hold them all
    for (; columns <= maxColumns && !(packed = pack(heights, columns, room)); columns++);
    if (packed) return block(measured, packed, columns, columnWidthMm, t, [], null);
    // the last size tried: as many as fit with the line saying where the rest is
    const note = (n: number) => fill(L.legendMore, { n });
    let n = entries.length - 1;
    for (; n >= 0; n--) {
      const hs = [...heights.slice(0, n), t.rowMm];
      const p = pack(hs, maxColumns, room);
      if (p) {
        last = block(measured.slice(0, n), p.slice(0, n), maxColumns, columnWidthMm, t, entries.slice(n), note(entries.length - n), p[n]);
        break;
      }
    }
    if (!last) last = block([], [], 1, columnWidthMm, t, [...entries], note(entries.length), { col: 0, dy: 0 });
  }
  return last!;
}

function block(
  measured: { entry: LegendEntry; lines: string[] }[],
  packed: { col: number; dy: number }[],
  columns: number,
  columnWidthMm: number,
  t: LegendType,
  rest: LegendEntry[],
  moreNote: string | null,
  noteAt?: { col: number; dy: number },
): LegendLayout {
  const titleH = blockTitleH(t.titlePt);
  const used = Math.max(1, ...packed.map((p) => p.col + 1), noteAt ? noteAt.col + 1 : 1);
  const placed = measured.map((m, i) => ({ ...m, dx: packed[i]!.col * (columnWidthMm + COLUMN_GAP_MM), dy: titleH + packed[i]!.dy }));
  const bottom = Math.max(0, ...placed.map((p) => p.dy + entryHeight(p.lines.length, t)), noteAt ? titleH + noteAt.dy + t.rowMm : 0);
  const layout: LegendLayout = {
    sizePt: t.sizePt,
    widthMm: used * columnWidthMm + (used - 1) * COLUMN_GAP_MM,
    heightMm: Math.max(titleH, bottom) + 1,
    columnWidthMm,
    columns: Math.min(columns, used),
    placed,
    rest,
    moreNote,
  };
  if (noteAt && moreNote) layout.noteAt = { dx: noteAt.col * (columnWidthMm + COLUMN_GAP_MM), dy: titleH + noteAt.dy };
  return layout;
}

/** The marks of a legend layout at (x, y); `title` defaults to 图例. */
export function legendMarks(layout: LegendLayout, x: number, y: number, L: MapSheetLabels, title: string = L.legendTitle): Mark[] {
  const t = legendType(layout.sizePt);
  const titleH = blockTitleH(t.titlePt);
  const marks: Mark[] = [text(x, y + titleH / 2, title, t.titlePt, { bold: true })];
  for (const p of layout.placed) {
    const e = p.entry;
    const ex = x + p.dx;
    const cy = y + p.dy + t.rowMm / 2;
    const sw: RectMm = { x: ex, y: cy - 1.8 * t.k, w: 8 * t.k, h: 3.6 * t.k };
    if (e.overImagery && (e.shape === 'fill' || e.paint.stroke === STYLE.overImageryClassStroke)) {
      // as drawn over the imagery: on a grey ground, the tint and its white boundary (or the white line alone)
      marks.push(rectPath(sw, { fill: IMAGERY_GROUND, stroke: null }));
      if (e.shape === 'fill') marks.push(rectPath({ x: sw.x + 1, y: sw.y + 0.6, w: sw.w - 2, h: sw.h - 1.2 }, e.paint));
      else marks.push(line([sw.x, cy], [sw.x + sw.w, cy], e.paint.strokeMm ?? 0.3, e.paint.stroke ?? '#ffffff'));
    } else if (e.shape === 'fill') marks.push(rectPath(sw, e.paint));
    else if (e.shape === 'plot' || e.shape === 'line')
      marks.push({
        ...line([sw.x, cy], [sw.x + sw.w, cy], e.paint.strokeMm ?? 0.3, e.paint.stroke ?? '#000'),
        ...(e.paint.dashMm ? { dashMm: e.paint.dashMm } : {}),
      });
    else if (e.shape === 'jpoint') {
      marks.push({ kind: 'circle', cx: sw.x + 2 * t.k, cy, rMm: STYLE.pointDiameterMm / 2, ...e.paint });
      marks.push(text(sw.x + 3.2 * t.k, cy, 'J1', (STYLE.pointNumberPt - 1) * t.k, { color: STYLE.plotStroke }));
    } else marks.push({ kind: 'circle', cx: sw.x + 4 * t.k, cy, rMm: 0.8 * t.k, ...e.paint });
    p.lines.forEach((l, i) =>
      marks.push(text(ex + t.indentMm, cy + i * t.lineMm, l, layout.sizePt, { maxWidthMm: layout.columnWidthMm - t.indentMm })),
    );
  }
  const noteAt = layout.noteAt;
  if (layout.moreNote && noteAt) marks.push(text(x + noteAt.dx, y + noteAt.dy + t.rowMm / 2, layout.moreNote, layout.sizePt, { color: '#333333' }));
  return marks;
}

/** The ground a legend swatch of something drawn over imagery is shown on. */
const IMAGERY_GROUND = '#8a8a8a';

/** The rest of a legend on a table sheet: every entry left over, in columns across `widthMm`, at 9 pt, titled 图例（续表）. */
export function legendRestBlock(
  rest: readonly LegendEntry[],
  widthMm: number,
  L: MapSheetLabels,
): { heightMm: number; marks: (x: number, y: number) => Mark[] } {
  const layout = layoutLegend(rest, widthMm, Infinity, L, [LEGEND_PAGE_PT]);
  return { heightMm: layout.heightMm, marks: (x, y) => legendMarks(layout, x, y, L, `${L.legendTitle}${L.continued}`) };
}

/** The smallest legend box worth drawing: its title and three rows. */
const MIN_LEGEND_MM = blockTitleH() + 3 * STYLE.legendRowMm + 1;

/**
 * The legend in the map sheet's side zone, leaving the tables that fit there their room: in the right column the
 * legend has the height the tables leave (all of it if that is less than three rows: the tables then go to the table
 * sheet, as they would); in the bottom band, the width the tables leave, at least a third of the band.
 */
export function fitLegend(
  entries: readonly LegendEntry[],
  side: RectMm,
  tables: readonly { widthMm: number; heightMm: number }[],
  vertical: boolean,
  tablesOffSheet: boolean,
  L: MapSheetLabels,
): LegendLayout {
  const onSheet = tablesOffSheet ? [] : tables;
  if (vertical) {
    let room = side.h;
    for (const t of onSheet) if (t.widthMm <= side.w + 1e-9 && room - t.heightMm - GAP >= MIN_LEGEND_MM) room -= t.heightMm + GAP;
    return layoutLegend(entries, side.w, room, L);
  }
  let width = side.w;
  for (const t of onSheet) if (t.heightMm <= side.h + 1e-9) width -= t.widthMm + GAP;
  return layoutLegend(entries, Math.max(width, side.w / 3), side.h, L);
}
