/**
 * LayerStyle (shared/domain/layers/kind.ts) → maplibre paint values. Pure, no maplibre import, so it is unit-tested.
 * Categorical rules are matched on the precomputed per-feature style key `_k` (the index of the stop the worker
 * chose by prefix, -1 for none): maplibre expressions have no "longest prefix" operator.
 */
import type { ColorRule, LayerStyle } from '../../shared/domain/layers/kind';

export const STYLE_KEY_PROPERTY = '_k';

export type ColorValue = string | unknown[];

export function colorExpression(rule: ColorRule): ColorValue {
  if (rule.type === 'constant') return rule.color;
  if (rule.stops.length === 0) return rule.defaultColor;
  const expr: unknown[] = ['match', ['to-number', ['get', STYLE_KEY_PROPERTY], -1]];
  rule.stops.forEach((s, i) => expr.push(i, s.color));
  expr.push(rule.defaultColor);
  return expr;
}

export interface PaintSet {
  fill: { 'fill-color': ColorValue; 'fill-opacity': number } | null;
  line: { 'line-color': string; 'line-width': number; 'line-opacity': number; 'line-dasharray'?: number[] };
  circle: {
    'circle-color': ColorValue;
    'circle-radius': number;
    'circle-opacity': number;
    'circle-stroke-color': string;
    'circle-stroke-width': number;
  };
}

/** `opacity` is the user's layer opacity (0–1), multiplied into every part. */
export function paintFor(style: LayerStyle, opacity: number): PaintSet {
  const o = Math.min(1, Math.max(0, opacity));
  const line: PaintSet['line'] = { 'line-color': style.line.color, 'line-width': style.line.widthPx, 'line-opacity': o };
  if (style.line.dash && style.line.dash.length > 0) line['line-dasharray'] = style.line.dash;
  const pointColor: ColorValue = style.point?.color ?? (style.fill ? colorExpression(style.fill) : style.line.color);
  return {
    fill: style.fill ? { 'fill-color': colorExpression(style.fill), 'fill-opacity': style.fillOpacity * o } : null,
    line,
    circle: {
      'circle-color': pointColor,
      'circle-radius': style.point?.radiusPx ?? 4,
      'circle-opacity': o,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
    },
  };
}

/**
 * The fill's 1-px outline colour. Large layers draw their styled outline only from `lineMinzoom` (see
 * map-controller): below it, a red 1-px outline on every 1–3 px parcel would turn a county of yellow farmland
 * into red noise, so the outline takes the fill's own colour there and the boundary colour from that zoom on.
 */
export function fillOutlineColor(style: LayerStyle, lineMinzoom: number): ColorValue {
  if (lineMinzoom <= 0 || !style.fill) return style.line.color;
  return ['step', ['zoom'], colorExpression(style.fill), lineMinzoom, style.line.color];
}

/** The stop index a value falls in: stops compare the first N characters (longest match first). */
export function styleKeyFor(rule: ColorRule | null, props: Record<string, unknown>): number {
  if (!rule || rule.type !== 'categorical') return -1;
  const raw = props[rule.field];
  if (raw === null || raw === undefined) return -1;
  const value = String(raw).trim();
  let best = -1;
  let bestLen = -1;
  rule.stops.forEach((s, i) => {
    if (s.value.length > bestLen && value.startsWith(s.value)) {
      best = i;
      bestLen = s.value.length;
    }
  });
  return best;
}
