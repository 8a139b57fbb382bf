import { describe, expect, it } from 'vitest';
import { squareMetres, toMu } from '../../../shared/domain/units/area';
import { areaLines, formatValue } from './identify.logic';

describe('identify', () => {
  it('formats values', () => {
    expect(formatValue('旱地')).toBe('旱地');
    expect(formatValue(null)).toBe('');
    expect(formatValue(12)).toBe('12');
    expect(formatValue(0.1 + 0.2)).toBe('0.3');
    // As banzhucun's DBF writes them (Slope N 19.11): small and long values keep their digits.
    expect(formatValue(0.00000827459)).toBe('0.00000827459');
    expect(formatValue(23.1946601868)).toBe('23.1946601868');
    expect(formatValue(666.672400015)).toBe('666.672400015');
    expect(formatValue(true, ['是', '否'])).toBe('是');
    expect(formatValue(false)).toBe('false');
  });
  it('labels both areas with m² and 亩 (1 亩 = 666.67 m²)', () => {
    const a = {
      ellipsoidalM2: squareMetres(1000),
      planarM2: squareMetres(1000.5),
      mu: toMu(squareMetres(1000.5)),
      zone: { width: 3 as const, zone: 39, centralMeridian: 117 },
    };
    expect(areaLines(a)).toEqual([
      { kind: 'ellipsoidal', m2: '1,000.00', mu: '1.5000' },
      { kind: 'planar', m2: '1,000.50', mu: '1.5008' },
    ]);
  });
});
