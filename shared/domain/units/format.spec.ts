import { expect, it } from 'vitest';
import { formatDegrees, formatMetres, formatMu, formatSquareMetres } from './format';
import { squareMetres, toMu } from './area';

it('formats areas, coordinates and degrees at the documented precision', () => {
  expect(formatSquareMetres(squareMetres(7102035.487))).toBe('7102035.49');
  expect(formatSquareMetres(squareMetres(7102035.487), { thousands: true })).toBe('7,102,035.49');
  expect(formatMu(toMu(squareMetres(666.6667)))).toBe('1.0000');
  expect(formatMetres(35607725.7603)).toBe('35607725.760');
  expect(formatDegrees(105.123456789)).toBe('105.1234568');
  expect(formatSquareMetres(squareMetres(-0.001))).toBe('0.00');
  expect(formatSquareMetres(squareMetres(NaN))).toBe('—');
});
