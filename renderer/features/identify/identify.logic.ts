/** What the identify panel shows: attribute values as text and the two labelled areas (m² and 亩). */
import { toMu, type AreaFigures, type SquareMetres } from '../../../shared/domain/units/area';
import { formatMu, formatSquareMetres } from '../../../shared/domain/units/format';
import type { AttributeValue } from '../../../shared/formats/types';

/**
 * An attribute as text, the same in the identify panel and the attribute table: numbers to 12 significant
 * digits, which is every digit a DBF number field holds in practice (Slope 0.00000827459 stays whole) while float
 * noise from computed values goes (0.1 + 0.2 → 0.3).
 */
export function formatValue(v: AttributeValue | undefined, yesNo: [string, string] = ['true', 'false']): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? yesNo[0] : yesNo[1];
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  return v;
}

export interface AreaLine {
  kind: 'ellipsoidal' | 'planar';
  m2: string;
  mu: string;
}

/** m² with 2 decimals, 亩 with 4 (1 亩 = 666.67 m²: 4 decimals ≈ 0.07 m²). Both figures carry their own 亩. */
export function areaLines(a: AreaFigures): AreaLine[] {
  const line = (kind: AreaLine['kind'], m2: SquareMetres): AreaLine => ({ kind, m2: formatSquareMetres(m2, { thousands: true }), mu: formatMu(toMu(m2), { thousands: true }) });
  return [line('ellipsoidal', a.ellipsoidalM2), line('planar', a.planarM2)];
}
