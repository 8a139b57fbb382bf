/**
 * The map sheet's legend (图例): what is drawn in the frame — the plot (红线), its J points, each layer's legend
 * items actually used — with the paint each feature is drawn in (paintOf, also used by the frame's drawing).
 */
import type { MapSheetContent, SheetLayer } from './inputs';
import type { MapSheetPlan } from './map-sheet';
import { STYLE, blockTitleH, line, rectPath, text, type MapSheetLabels } from './map-style';
import type { Mark, Paint, RectMm } from './sheet-model';
import { wrapText } from './text-measure';

/** The layers' drawing order in the frame, bottom to top (the legend lists them top to bottom). */
export const ROLE_ORDER: readonly SheetLayer['role'][] = ['landClass', 'planning', 'approval', 'supply', 'other', 'boundary', 'farmland'];

export type LegendEntry = { label: string; paint: Paint; shape: 'fill' | 'line' | 'point' | 'plot' | 'jpoint' };

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
 * 0.3 opacity (and its red 0.5 mm boundary); other layers are drawn as outlines (≥ 0.2 mm), named by their labels.
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
    // grey outlines vanish on a photograph: land classes in white, other layers in their colour, dashed
    if (layer.role === 'landClass') return { fill: null, stroke: STYLE.overImageryClassStroke, strokeMm: 0.25 };
    return {
      fill: null,
      stroke: s.stroke,
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

/** The legend entries of what is drawn in the frame: the plot and its points first, then each layer's items used. */
export function legendEntries(content: MapSheetContent, drawn: Map<string, Set<string>>, plan: MapSheetPlan, L: MapSheetLabels): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (plan.hasPlot && content.plot.polygons.length > 0)
    out.push({ label: L.legendPlot, shape: 'plot', paint: { fill: null, stroke: STYLE.plotStroke, strokeMm: STYLE.plotStrokeMm } });
  if (content.points.length > 0)
    out.push({ label: L.legendPoints, shape: 'jpoint', paint: { fill: '#ffffff', stroke: STYLE.plotStroke, strokeMm: STYLE.pointStrokeMm } });
  for (const role of [...ROLE_ORDER].reverse())
    for (const layer of content.layers.filter((l) => l.role === role && !plan.settings.hiddenLayerIds.includes(l.id))) {
      const used = drawn.get(layer.id);
      if (!used) continue;
      const overImagery = !!(content.imagery && plan.settings.imagery);
      if (overImagery && layer.role !== 'farmland') {
        // outlines only: one entry for the layer (its features are named on the map)
        const item = layer.legend.items.find((i) => used.has(i.code ?? `\u0000${i.label}`));
        if (item) out.push({ label: layer.name, shape: 'line', paint: paintOf(layer, item, true) });
        continue;
      }
      for (const item of layer.legend.items) {
        const key = item.code ?? `\u0000${item.label}`;
        if (!used.has(key)) continue;
        const label = item.code && item.code !== item.label ? `${item.code} ${item.label}` : item.label;
        const multi = layer.legend.items.length > 1;
        out.push({ label: multi ? label : layer.name, shape: item.symbol.shape, paint: paintOf(layer, item) });
      }
    }
  return out;
}

export function legendHeight(n: number): number {
  return blockTitleH() + n * STYLE.legendRowMm + 1;
}

export function legendMarks(entries: LegendEntry[], x: number, y: number, w: number, L: MapSheetLabels): Mark[] {
  const marks: Mark[] = [text(x, y + blockTitleH() / 2, L.legendTitle, STYLE.blockTitlePt, { bold: true })];
  entries.forEach((e, i) => {
    const cy = y + blockTitleH() + i * STYLE.legendRowMm + STYLE.legendRowMm / 2;
    const sw: RectMm = { x, y: cy - 1.8, w: 8, h: 3.6 };
    if (e.shape === 'fill') marks.push(rectPath(sw, e.paint));
    else if (e.shape === 'line' && e.paint.stroke === STYLE.overImageryClassStroke) {
      // a white line, as drawn over the imagery: shown on a grey swatch
      marks.push(rectPath(sw, { fill: '#8a8a8a', stroke: null }));
      marks.push(line([sw.x, cy], [sw.x + sw.w, cy], e.paint.strokeMm ?? 0.3, e.paint.stroke));
    } else if (e.shape === 'plot' || e.shape === 'line')
      marks.push({
        ...line([sw.x, cy], [sw.x + sw.w, cy], e.paint.strokeMm ?? 0.3, e.paint.stroke ?? '#000'),
        ...(e.paint.dashMm ? { dashMm: e.paint.dashMm } : {}),
      });
    else if (e.shape === 'jpoint') {
      marks.push({ kind: 'circle', cx: sw.x + 2, cy, rMm: STYLE.pointDiameterMm / 2, ...e.paint });
      marks.push(text(sw.x + 3.2, cy, 'J1', STYLE.pointNumberPt - 1, { color: STYLE.plotStroke }));
    } else marks.push({ kind: 'circle', cx: sw.x + 4, cy, rMm: 0.8, ...e.paint });
    const lines = wrapText(e.label, STYLE.notePt, w - 10);
    marks.push(text(x + 10, cy, lines[0] ?? '', STYLE.notePt, { maxWidthMm: w - 10 }));
  });
  return marks;
}
