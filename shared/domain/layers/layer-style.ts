/**
 * A stored layer style read back: the line colour and the fill rule must be there (without them the map has
 * nothing to draw with); opacities and widths that are missing or out of range are repaired.
 */
import { isFiniteNumber, isObject, isString } from '../../validation/guards';
import { fail, ok, type Repair, type Validation } from '../../validation/validation';
import type { LayerStyle } from './kind';

export type LayerStyleReason = 'badStyle';

/** Opacity is a 0–1 factor: clamped, and defaulted as new styles start. */
export function clampUnit(v: unknown, fallback: number, path: string, repaired: Repair[]): number {
  if (!isFiniteNumber(v)) {
    repaired.push({ path, code: 'defaulted' });
    return fallback;
  }
  const c = Math.min(1, Math.max(0, v));
  if (c !== v) repaired.push({ path, code: 'clamped' });
  return c;
}

export function validateLayerStyle(raw: unknown): Validation<LayerStyle, LayerStyleReason> {
  if (!isObject(raw)) return fail('badStyle', undefined, 'the style is not an object');
  if (!isObject(raw.line) || !isString(raw.line.color)) return fail('badStyle', 'line', 'the style has no line colour');
  const fill = raw.fill;
  if (fill !== null && !(isObject(fill) && (fill.type === 'constant' || fill.type === 'categorical')))
    return fail('badStyle', 'fill', 'the fill is neither null nor a constant or categorical rule');
  const repaired: Repair[] = [];
  const fillOpacity = clampUnit(raw.fillOpacity, 0.5, 'fillOpacity', repaired);
  let widthPx = raw.line.widthPx;
  if (!isFiniteNumber(widthPx)) {
    repaired.push({ path: 'line.widthPx', code: 'defaulted' });
    widthPx = 1;
  }
  // The rest of the style (colour stops, dash, label field) is kept as stored: the map tolerates what it cannot use.
  return ok(
    { ...(raw as unknown as LayerStyle), fillOpacity, line: { ...(raw.line as unknown as LayerStyle['line']), widthPx: widthPx as number } },
    repaired,
  );
}
