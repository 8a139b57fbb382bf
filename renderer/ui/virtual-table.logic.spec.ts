import { describe, expect, it } from 'vitest';
import { columnTemplate, positionsOf, sameRange, windowOf } from './virtual-table.logic';

describe('windowOf', () => {
  it('renders the rows in view plus the overscan, clamped to the list', () => {
    expect(windowOf(0, 100, 24, 50000)).toEqual({ start: 0, end: 13 }); // ceil(100/24) = 5, + 8 overscan
    expect(windowOf(24 * 1000, 240, 24, 50000, 0)).toEqual({ start: 1000, end: 1010 });
    expect(windowOf(24 * 1000, 240, 24, 50000)).toEqual({ start: 992, end: 1018 });
    expect(windowOf(0, 100, 24, 3)).toEqual({ start: 0, end: 3 });
  });
  it('keeps a part-scrolled row at the top in the window', () => {
    // Scrolled 10 px into row 5: rows 5..(5 + 240/24) are (partly) visible, so 5 to 16 exclusive.
    expect(windowOf(5 * 24 + 10, 240, 24, 100, 0)).toEqual({ start: 5, end: 16 });
  });
  it('stays inside the list at the bottom and after the list shrank under a stale scroll position', () => {
    expect(windowOf(24 * 49990, 240, 24, 50000)).toEqual({ start: 49982, end: 50000 });
    // A search left 12 rows while the body was still scrolled far down: an empty range at the end, not negative.
    expect(windowOf(24 * 1000, 240, 24, 12)).toEqual({ start: 12, end: 12 });
  });
  it('gives an empty range for an empty list, a zero row height or a negative (elastic) scroll', () => {
    expect(windowOf(0, 240, 24, 0)).toEqual({ start: 0, end: 0 });
    expect(windowOf(0, 240, 0, 100)).toEqual({ start: 0, end: 0 });
    expect(windowOf(-30, 48, 24, 100, 0)).toEqual({ start: 0, end: 2 });
  });
  it('renders 50,000 rows as a few dozen elements whatever the position', () => {
    for (const top of [0, 24 * 12345 + 7, 24 * 49999]) {
      const r = windowOf(top, 400, 24, 50000);
      expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(400 / 24) + 1 + 2 * 8);
    }
  });
});

describe('range helpers', () => {
  it('lists positions and compares ranges', () => {
    expect(positionsOf({ start: 3, end: 6 })).toEqual([3, 4, 5]);
    expect(positionsOf({ start: 4, end: 4 })).toEqual([]);
    expect(sameRange({ start: 1, end: 2 }, { start: 1, end: 2 })).toBe(true);
    expect(sameRange({ start: 1, end: 2 }, { start: 1, end: 3 })).toBe(false);
  });
  it('writes one column template for the header and the rows', () => {
    expect(columnTemplate([64, 128, 128])).toBe('64px 128px 128px');
    expect(columnTemplate([64, '1fr'])).toBe('64px 1fr');
    expect(columnTemplate([])).toBe('');
  });
});
