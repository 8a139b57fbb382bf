import { describe, expect, it } from 'vitest';
import { makeSweepScratch, ringSelfIntersects } from './self-intersection';

function check(pts: number[][], pairs = 1e9): boolean {
  const xs = new Float64Array(pts.map((p) => p[0] as number));
  const ys = new Float64Array(pts.map((p) => p[1] as number));
  return ringSelfIntersects(xs, ys, pts.length, makeSweepScratch(), { pairs });
}

describe('ringSelfIntersects', () => {
  it('bowtie crosses; square, L-shape and triangle do not', () => {
    expect(check([[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]])).toBe(true);
    expect(check([[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]])).toBe(false);
    expect(check([[0, 0], [0, 10], [5, 10], [5, 5], [10, 5], [10, 0], [0, 0]])).toBe(false);
    expect(check([[0, 0], [0, 10], [10, 0], [0, 0]])).toBe(false);
  });

  it('pentagram (all turns one way, winds twice) crosses', () => {
    const star = [0, 2, 4, 1, 3, 0].map((k) => [Math.cos((k * 2 * Math.PI) / 5) * 100, Math.sin((k * 2 * Math.PI) / 5) * 100]);
    expect(check(star)).toBe(true);
  });

  it('a ring touching itself at a vertex is not a proper crossing', () => {
    expect(check([[0, 0], [0, 10], [5, 5], [10, 10], [10, 0], [5, 5], [0, 0]])).toBe(false);
  });

  it('a large non-convex ring with one crossing far from the start (sweep path, > 64 segments)', () => {
    const pts: number[][] = [];
    for (let i = 0; i <= 200; i++) pts.push([i, i % 2 === 0 ? 0 : 3]); // zig-zag base
    pts.push([200, 50], [120, 50], [80, -10], [0, 50], [0, 0]); // the [120,50]→[80,-10] edge cuts the zig-zag
    expect(check(pts)).toBe(true);
    expect(check(pts, 5)).toBe(false); // out of budget: unchecked, not reported
  });
});
