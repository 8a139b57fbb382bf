/** What the identify panel shows: attribute values as text and the two labelled areas (m² and 亩). */
import { toMu, type AreaFigures, type SquareMetres } from '../../../shared/domain/units/area';
import { formatMu, formatSquareMetres } from '../../../shared/domain/units/format';
import { formatValue } from '../../data/attribute-text';

export { formatValue };

export interface AreaLine {
  kind: 'ellipsoidal' | 'planar';
  m2: string;
  mu: string;
}

/** m² with 2 decimals, 亩 with 4 (1 亩 = 666.67 m²: 4 decimals ≈ 0.07 m²). Both figures carry their own 亩. */
export function areaLines(a: AreaFigures): AreaLine[] {
  const line = (kind: AreaLine['kind'], m2: SquareMetres): AreaLine => ({
    kind,
    m2: formatSquareMetres(m2, { thousands: true }),
    mu: formatMu(toMu(m2), { thousands: true }),
  });
  return [line('ellipsoidal', a.ellipsoidalM2), line('planar', a.planarM2)];
}
