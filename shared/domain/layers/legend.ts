/**
 * The legend (图例) of a set of layers, built from their styles: the same model feeds the 图例 panel and the
 * evidence map's legend block, so a colour on the map and in the legend cannot disagree. Pure.
 *
 * A categorical style lists its categories (a land-class layer by DLBM: 01 耕地, 02 园地 …). When the values a
 * layer actually holds are known (`present`), only those appear, each under its own code and name (0101 水田,
 * 0103 旱地 — the DLMC name the data gives it), coloured by the category the style matches it to; a map legend
 * that lists classes absent from the map misleads the reader.
 */
import type { GeometryKind } from '../../formats/types';
import type { ColorRule, LayerKind, LayerStyle } from './kind';

export interface LegendSymbol {
  shape: 'fill' | 'line' | 'point';
  /** CSS colour of the fill (shape 'fill') or of the point; null: no fill (an outline only). */
  fill: string | null;
  /** 0–1: the style's fill opacity × the layer's opacity. */
  fillOpacity: number;
  stroke: string;
  strokeWidthPx: number;
  dash?: readonly number[];
}

export interface LegendItem {
  /** The category's code as the data writes it ('01', '0101', '010'); absent for a constant style. */
  code?: string;
  label: string;
  symbol: LegendSymbol;
  /** Features in this category, when the layer's values are known. */
  count?: number;
}

export interface LegendGroup {
  layerId: string;
  title: string;
  kind: LayerKind;
  items: LegendItem[];
}

export interface LegendLayer {
  id: string;
  name: string;
  kind: LayerKind;
  visible: boolean;
  opacity: number;
  style: LayerStyle;
  geometryKind: GeometryKind;
}

/** The values one layer holds in its style's classifying field: value → how many features, and a name for it. */
export type PresentValues = ReadonlyMap<string, { count: number; name?: string }>;

export interface LegendLabels {
  /** The catch-all category (values no stop matches): "其他". */
  other: string;
}

/** The stop a value is drawn with (the map's rule: prefix match when the style sets one, longest stop first). */
export function stopOf(rule: Extract<ColorRule, { type: 'categorical' }>, value: string): { value: string; color: string; label: string } | null {
  const key = rule.prefixLength ? value.slice(0, rule.prefixLength) : value;
  return rule.stops.find((s) => s.value === key) ?? null;
}

function symbolOf(style: LayerStyle, geometryKind: GeometryKind, layerOpacity: number, fill: string | null): LegendSymbol {
  const dash = style.line.dash ? { dash: style.line.dash } : {};
  if (geometryKind === 'point') {
    const color = fill ?? style.point?.color ?? style.line.color;
    return { shape: 'point', fill: color, fillOpacity: layerOpacity, stroke: '#ffffff', strokeWidthPx: 1 };
  }
  if (geometryKind === 'line' || fill === null)
    return { shape: 'line', fill: null, fillOpacity: 0, stroke: style.line.color, strokeWidthPx: style.line.widthPx, ...dash };
  return { shape: 'fill', fill, fillOpacity: style.fillOpacity * layerOpacity, stroke: style.line.color, strokeWidthPx: style.line.widthPx, ...dash };
}

const byCode = (a: LegendItem, b: LegendItem) => (a.code ?? '').localeCompare(b.code ?? '', 'en', { numeric: true });

/** One layer's legend items. */
export function legendItemsOf(layer: LegendLayer, labels: LegendLabels, present?: PresentValues): LegendItem[] {
  const { style, geometryKind, opacity } = layer;
  const rule = style.fill;
  if (!rule || rule.type === 'constant') return [{ label: layer.name, symbol: symbolOf(style, geometryKind, opacity, rule ? rule.color : null) }];
  // A rule with no categories (planning zones by name: one colour for all) lists the values it holds, or the layer.
  if (rule.stops.length === 0) {
    const symbol = symbolOf(style, geometryKind, opacity, rule.defaultColor);
    if (!present) return [{ label: layer.name, symbol }];
    return [...present]
      .filter(([value]) => value !== '')
      .map(([value, { count, name }]): LegendItem =>
        name && name !== value ? { code: value, label: name, symbol, count } : { label: value, symbol, count },
      )
      .sort((a, b) => (a.code ?? a.label).localeCompare(b.code ?? b.label, 'zh-CN', { numeric: true }));
  }
  if (!present) {
    const items: LegendItem[] = rule.stops.map((s) => ({ code: s.value, label: s.label, symbol: symbolOf(style, geometryKind, opacity, s.color) }));
    return [...items, { label: labels.other, symbol: symbolOf(style, geometryKind, opacity, rule.defaultColor) }];
  }
  const items: LegendItem[] = [];
  let otherCount = 0;
  for (const [value, { count, name }] of present) {
    const stop = stopOf(rule, value);
    if (!stop) {
      otherCount += count;
      continue;
    }
    // The data's own name for the value (DLMC beside DLBM) when it has one, else the category's.
    const label = name && name !== value ? name : stop.label;
    items.push({ code: value === label ? undefined : value, label, symbol: symbolOf(style, geometryKind, opacity, stop.color), count });
  }
  items.sort(byCode);
  if (otherCount > 0) items.push({ label: labels.other, symbol: symbolOf(style, geometryKind, opacity, rule.defaultColor), count: otherCount });
  return items;
}

/**
 * The legend of the visible layers, in the order given (top of the map first, as the layer list shows them).
 * `present` maps a layer id to the values it holds, when known.
 */
export function legendOf(
  layersTopToBottom: readonly LegendLayer[],
  labels: LegendLabels,
  present: ReadonlyMap<string, PresentValues> = new Map(),
): LegendGroup[] {
  return layersTopToBottom
    .filter((l) => l.visible && l.opacity > 0)
    .map((l) => ({ layerId: l.id, title: l.name, kind: l.kind, items: legendItemsOf(l, labels, present.get(l.id)) }));
}

/** Code fields and the field that names their values (DLBM → DLMC …), for the legend's labels. */
const NAME_FIELDS: Readonly<Record<string, readonly string[]>> = {
  DLBM: ['DLMC'],
  TDYTQLXDM: ['TDYTQMC', 'TDYTQLXMC'],
  GHFQDM: ['GHFQMC'],
  YDYHFLDM: ['YDYHFLMC'],
};

/** The field that names a code field's values, in the layer's own spelling; null when there is none. */
export function nameFieldFor(codeField: string, fieldNames: readonly string[]): string | null {
  for (const n of NAME_FIELDS[codeField.toUpperCase()] ?? []) {
    const f = fieldNames.find((x) => x.toUpperCase() === n);
    if (f) return f;
  }
  return null;
}
