import { describe, expect, it } from 'vitest';
import { parseDbfNumber } from './dbf-number';

const parse = (s: string): number | null => {
  const b = new TextEncoder().encode(s);
  return parseDbfNumber(b, 0, b.length);
};

describe('parseDbfNumber', () => {
  it.each([
    ['        12', 12],
    ['  -3.25', -3.25],
    ['666.67240001500', 666.672400015],
    ['1.50000000000e+001', 15],
    ['5.00000000000e-002', 0.05],
    ['+7', 7],
    ['1,5', 1.5],
    ['.5', 0.5],
    ['12345678901234567890', 1.2345678901234567e19], // > 15 digits: parseFloat fallback
  ])('%j → %d', (s, v) => {
    expect(parse(s)).toBe(v);
  });

  it.each(['', '      ', '*****', '-', '.', '12abc', '1e', '\u0000\u0000'])('%j → null', (s) => {
    expect(parse(s)).toBeNull();
  });

  it('gives exactly the double parseFloat gives, for many values', () => {
    let seed = 11;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const s = (rand() * 10 ** Math.floor(rand() * 9) * (rand() < 0.5 ? -1 : 1)).toFixed(Math.floor(rand() * 12));
      expect(parse(s.padStart(19))).toBe(parseFloat(s));
    }
  });
});
