import { describe, expect, it } from 'vitest';
import { pointInRing, signedAreaFlat } from './ring-geometry';

describe('ring geometry', () => {
  it('signed area: CCW positive, CW negative, exact on zone-prefixed eastings', () => {
    const xs = new Float64Array([39_500_000.1, 39_500_000.2, 39_500_000.2, 39_500_000.1, 39_500_000.1]);
    const ys = new Float64Array([3_800_000.1, 3_800_000.1, 3_800_000.2, 3_800_000.2, 3_800_000.1]);
    expect(signedAreaFlat(xs, ys, 5)).toBeCloseTo(0.01, 8); // a 10 cm square: 0.01 m² (inputs carry ~7e-9 m ulp)
    expect(signedAreaFlat(xs.slice().reverse(), ys.slice().reverse(), 5)).toBeCloseTo(-0.01, 8);
  });

  it('point in ring', () => {
    const ring = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    expect(pointInRing(5, 5, ring)).toBe(true);
    expect(pointInRing(15, 5, ring)).toBe(false);
  });
});
