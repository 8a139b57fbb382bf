import { expect, it } from 'vitest';
import { formatDegrees, formatMetres, formatMu, formatSquareMetres, JSON_DIGITS, PRINT_DIGITS, roundTo, spreadsheetFormat } from './format';
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

it('rounds JSON figures as their printed text reads, and names the spreadsheet format of each precision', () => {
  expect(roundTo(7102035.4876, JSON_DIGITS.m2)).toBe(7102035.488);
  // 1.0005 is 1.000499999… as a double: the printed text says 1.000, and so does the number.
  expect(formatSquareMetres(squareMetres(1.0005), { decimals: 3 })).toBe('1.000');
  expect(roundTo(1.0005, 3)).toBe(1);
  expect(roundTo(-0.0004, 3)).toBe(0);
  expect(Object.is(roundTo(-0.0004, 3), 0)).toBe(true); // never -0 in JSON
  expect(roundTo(NaN, 2)).toBeNaN();
  expect(roundTo(105.123456789, JSON_DIGITS.degrees)).toBe(105.12345679);
  expect([PRINT_DIGITS.m2, PRINT_DIGITS.mu].map(spreadsheetFormat)).toEqual(['0.00', '0.0000']);
  expect(spreadsheetFormat(0)).toBe('0');
});
