/**
 * Printed overlay figures that add up to the last printed digit (issue 7, "tables that never contradict
 * themselves"). Rounding every figure on its own can leave a layer's block one unit off its plot's total
 * (0.01 m² + 0.01 m² printed from 0.006 + 0.006 is 0.02, the total 0.012 prints 0.01). So each block —
 * the layer's groups and its remainder (其他/未覆盖) — is apportioned by the largest-remainder (Hamilton)
 * method: every printed part is its exact figure rounded down or up by less than one unit, and the parts
 * always sum to the printed total. Each column (planar m², ellipsoidal m², 亩) is apportioned on its own;
 * no printed figure is negative.
 */
import type { AreaFigures } from '../units/area';
import { PRINT_DIGITS } from '../units/format';
import type { OverlayPlotResult } from './overlay';

/** Printed digits: m² to 0.01 and 亩 to 0.0001 on tables (README, Domain rule 2); the CLI's JSON keeps 3 and 6. */
export interface TableDigits {
  m2: number;
  mu: number;
}
export const TABLE_DIGITS: TableDigits = { m2: PRINT_DIGITS.m2, mu: PRINT_DIGITS.mu };

/**
 * `parts` (exact, ≥ 0 up to noise) rounded to `digits` so that they sum exactly to `total` rounded to
 * `digits`. Returns the rounded parts, as numbers whose `toFixed(digits)` is exact.
 */
export function apportion(total: number, parts: readonly number[], digits: number): number[] {
  const scale = 10 ** digits;
  const target = Math.round(Math.max(0, total) * scale);
  const scaled = parts.map((p) => Math.max(0, p) * scale);
  const out = scaled.map((v) => Math.floor(v + 1e-9)); // 1e-9: 12.34 × 100 = 1233.9999999999998 is 1234
  let left = target - out.reduce((s, v) => s + v, 0);
  // Hand out the missing units to the largest fractions (ties: the larger part, then the earlier one).
  const byFraction = scaled.map((v, i) => ({ i, frac: v - (out[i] as number), v })).sort((a, b) => b.frac - a.frac || b.v - a.v || a.i - b.i);
  const n = byFraction.length;
  for (let k = 0; left > 0 && n > 0; k++, left--) out[(byFraction[k % n] as { i: number }).i]! += 1;
  // Parts that sum past the total (only float noise does that): take the excess from the smallest fractions.
  while (left < 0) {
    const victim = [...byFraction].reverse().find((e) => (out[e.i] as number) > 0);
    if (!victim) break;
    out[victim.i]! -= 1;
    left++;
  }
  return out.map((v) => v / scale);
}

export interface PrintedFigures {
  planarM2: number;
  ellipsoidalM2: number;
  mu: number;
}

export interface PrintedLayerBlock {
  layer: string;
  groups: { group: string | null; area: PrintedFigures }[];
  /** 其他/未覆盖 of this layer. */
  remainder: PrintedFigures;
  /** Σ groups (printed): covered by the layer. */
  covered: PrintedFigures;
  complete: boolean;
}

export interface PrintedPlot {
  id: string;
  total: PrintedFigures;
  layers: PrintedLayerBlock[];
  /** Not covered by any layer (plot − ∪ layers), rounded on its own: it is not part of one block. */
  uncovered: PrintedFigures;
  complete: boolean;
}

const round = (v: number, digits: number): number => Math.round(Math.max(0, v) * 10 ** digits) / 10 ** digits;
const printed = (a: AreaFigures, d: TableDigits): PrintedFigures => ({
  planarM2: round(a.planarM2, d.m2),
  ellipsoidalM2: round(a.ellipsoidalM2, d.m2),
  mu: round(a.mu, d.mu),
});

/** One plot's overlay result as printed figures that add up (see the module comment). */
export function printedPlot(p: OverlayPlotResult, digits: TableDigits = TABLE_DIGITS): PrintedPlot {
  const layers = p.byLayer.map((l): PrintedLayerBlock => {
    const pieces = p.overlaps.filter((o) => o.layer === l.layer);
    const all = [...pieces.map((o) => o.area), l.uncovered];
    const column = (get: (a: AreaFigures) => number, total: number, d: number) => apportion(total, all.map(get), d);
    const planar = column((a) => a.planarM2, p.area.planarM2, digits.m2);
    const ell = column((a) => a.ellipsoidalM2, p.area.ellipsoidalM2, digits.m2);
    const mu = column((a) => a.mu, p.area.mu, digits.mu);
    const at = (i: number): PrintedFigures => ({ planarM2: planar[i] as number, ellipsoidalM2: ell[i] as number, mu: mu[i] as number });
    const groups = pieces.map((o, i) => ({ group: o.group, area: at(i) }));
    const sum = (get: (f: PrintedFigures) => number, d: number) => Math.round(groups.reduce((s, g) => s + get(g.area), 0) * 10 ** d) / 10 ** d;
    return {
      layer: l.layer,
      groups,
      remainder: at(pieces.length),
      covered: {
        planarM2: sum((f) => f.planarM2, digits.m2),
        ellipsoidalM2: sum((f) => f.ellipsoidalM2, digits.m2),
        mu: sum((f) => f.mu, digits.mu),
      },
      complete: l.complete,
    };
  });
  return { id: p.id, total: printed(p.area, digits), layers, uncovered: printed(p.uncovered, digits), complete: p.complete };
}
