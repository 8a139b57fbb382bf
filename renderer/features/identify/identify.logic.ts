/** What the identify panel shows: attribute values as text and the two labelled areas (m² and 亩). */
import type { AreaFigures } from '../../../shared/domain/units/area';
import { toMu } from '../../../shared/domain/units/area';
import type { AttributeValue } from '../../../shared/formats/types';

export function formatValue(v: AttributeValue | undefined, yesNo: [string, string] = ['true', 'false']): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? yesNo[0] : yesNo[1];
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
  return v;
}

export interface AreaLine {
  kind: 'ellipsoidal' | 'planar';
  m2: string;
  mu: string;
}

/** m² with 2 decimals, 亩 with 4 (1 亩 = 666.67 m²: 4 decimals ≈ 0.07 m²). Both figures carry their own 亩. */
export function areaLines(a: AreaFigures): AreaLine[] {
  const fmt = (v: number, d: number) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  return [
    { kind: 'ellipsoidal', m2: fmt(a.ellipsoidalM2, 2), mu: fmt(toMu(a.ellipsoidalM2), 4) },
    { kind: 'planar', m2: fmt(a.planarM2, 2), mu: fmt(toMu(a.planarM2), 4) },
  ];
}
