import { describe, expect, it } from 'vitest';
import { makeSweepScratch, ringSelfContacts } from './self-intersection';

function check(pts: number[][], pairs = 1e9): boolean {
  const xs = new Float64Array(pts.map((p) => p[0] as number));
  const ys = new Float64Array(pts.map((p) => p[1] as number));
  return ringSelfContacts(xs, ys, pts.length, makeSweepScratch(), { pairs });
}

describe('ringSelfContacts', () => {
  it('bowtie crosses; square, L-shape and triangle do not', () => {
    expect(
      check([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
        [0, 0],
      ]),
    ).toBe(true);
    expect(
      check([
        [0, 0],
        [0, 10],
        [10, 10],
        [10, 0],
        [0, 0],
      ]),
    ).toBe(false);
    expect(
      check([
        [0, 0],
        [0, 10],
        [5, 10],
        [5, 5],
        [10, 5],
        [10, 0],
        [0, 0],
      ]),
    ).toBe(false);
    expect(
      check([
        [0, 0],
        [0, 10],
        [10, 0],
        [0, 0],
      ]),
    ).toBe(false);
  });

  it('pentagram (all turns one way, winds twice) crosses', () => {
    const star = [0, 2, 4, 1, 3, 0].map((k) => [Math.cos((k * 2 * Math.PI) / 5) * 100, Math.sin((k * 2 * Math.PI) / 5) * 100]);
    expect(check(star)).toBe(true);
  });

  it('a ring touching itself at a vertex (figure-8) or with a vertex on another edge counts: GEOS decides', () => {
    expect(
      check([
        [0, 0],
        [0, 10],
        [5, 5],
        [10, 10],
        [10, 0],
        [5, 5],
        [0, 0],
      ]),
    ).toBe(true);
    expect(
      check([
        [0, 0],
        [10, 0],
        [10, 10],
        [5, 10],
        [7, 5],
        [3, 5],
        [5, 10],
        [0, 10],
        [0, 0],
      ]),
    ).toBe(true);
    expect(
      check([
        [0, 0],
        [10, 0],
        [10, 10],
        [4, 0],
        [0, 10],
        [0, 0],
      ]),
    ).toBe(true); // (4, 0) lies on the first edge
  });

  it('collinear overlap of two non-adjacent edges counts; a plain non-convex ring does not', () => {
    expect(
      check([
        [0, 0],
        [10, 0],
        [10, 5],
        [2, 5],
        [2, 0],
        [8, 0],
        [8, -5],
        [0, -5],
        [0, 0],
      ]),
    ).toBe(true); // (2,0)–(8,0) runs along (0,0)–(10,0)
    expect(
      check([
        [0, 0],
        [10, 0],
        [10, 10],
        [5, 5],
        [0, 10],
        [0, 0],
      ]),
    ).toBe(false);
  });

  it('a large non-convex ring with one crossing far from the start (sweep path, > 64 segments)', () => {
    const pts: number[][] = [];
    for (let i = 0; i <= 200; i++) pts.push([i, i % 2 === 0 ? 0 : 3]); // zig-zag base
    pts.push([200, 50], [120, 50], [80, -10], [0, 50], [0, 0]); // the [120,50]→[80,-10] edge cuts the zig-zag
    expect(check(pts)).toBe(true);
    expect(check(pts, 5)).toBe(true); // out of budget: unchecked, so sent to GEOS rather than trusted
  });
});
