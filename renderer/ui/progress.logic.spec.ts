import { describe, expect, it } from 'vitest';
import { ariaPercent, barWidth, fractionOf, hasCounts } from './progress.logic';

describe('progress', () => {
  it('is done / total, clamped to [0, 1]', () => {
    expect(fractionOf({ done: 5, total: 10 })).toBe(0.5);
    expect(fractionOf({ done: 12, total: 10 })).toBe(1);
    expect(fractionOf({ done: -1, total: 10 })).toBe(0);
  });
  it('is indeterminate until a total is known', () => {
    expect(fractionOf(null)).toBeNull();
    expect(fractionOf(undefined)).toBeNull();
    expect(fractionOf({ done: 5, total: 0 })).toBeNull();
    expect(fractionOf({ done: 0, total: Number.NaN })).toBeNull();
    expect(fractionOf({ done: Number.NaN, total: 3 })).toBeNull();
    expect(hasCounts({ done: 0, total: 0 })).toBe(false);
    expect(hasCounts({ done: 0, total: 3 })).toBe(true);
    expect(hasCounts(null)).toBe(false);
  });
  it('draws the bar to 0.1 % and says whole percent to a screen reader', () => {
    expect(barWidth(1 / 3)).toBe('33.3%');
    expect(barWidth(1)).toBe('100.0%');
    expect(barWidth(null)).toBe('30%');
    expect(barWidth(1.5)).toBe('100.0%');
    expect(ariaPercent(0.426)).toBe(43);
    expect(ariaPercent(null)).toBeUndefined();
  });
});
