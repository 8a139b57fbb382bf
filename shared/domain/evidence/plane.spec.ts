import { describe, expect, it } from 'vitest';
import { boxOf, insideRings, labelCandidates, reachesBox, signedArea2, type Pt } from './plane';

const square = (x: number, y: number, s: number): Pt[] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];

describe('plane helpers', () => {
  it('signed area: counter-clockwise positive in a y-up plane', () => {
    expect(signedArea2(square(0, 0, 10))).toBe(200);
    expect(signedArea2([...square(0, 0, 10)].reverse())).toBe(-200);
  });

  it('even-odd inside: a hole is outside', () => {
    const rings = [square(0, 0, 10), square(3, 3, 4)];
    expect(insideRings([1, 1], rings)).toBe(true);
    expect(insideRings([5, 5], rings)).toBe(false);
    expect(insideRings([11, 5], rings)).toBe(false);
    expect(boxOf(rings)).toEqual([0, 0, 10, 10]);
  });

  it('reaches a box by a vertex, a crossing side, or (polygons) by containing it', () => {
    const big = [square(0, 0, 100)];
    expect(reachesBox(big, [40, 40, 60, 60], true)).toBe(true); // the box inside the polygon
    expect(reachesBox(big, [40, 40, 60, 60], false)).toBe(false); // as a line: nothing inside the box
    expect(reachesBox([square(0, 0, 10)], [5, -5, 6, 15], false)).toBe(true); // sides cross the box
    expect(reachesBox([square(0, 0, 10)], [20, 20, 30, 30], true)).toBe(false);
    expect(reachesBox([square(0, 0, 10)], [9, 9, 12, 12], true)).toBe(true); // a vertex inside
  });

  it('label candidates lie inside the polygon, widest first, within the clip', () => {
    const rings = [square(0, 0, 100), square(40, 0, 20)]; // a notch from the bottom edge up to y = 20
    const c = labelCandidates(rings, [0, 0, 100, 100]);
    expect(c.length).toBeGreaterThan(0);
    for (const k of c) expect(insideRings(k.at, rings)).toBe(true);
    for (let i = 1; i < c.length; i++) expect(c[i]!.width).toBeLessThanOrEqual(c[i - 1]!.width);
    expect(c[0]!.width).toBe(100);
    const clipped = labelCandidates(rings, [50, 50, 70, 70]);
    for (const k of clipped) expect(k.at[0] >= 50 && k.at[0] <= 70 && k.at[1] >= 50 && k.at[1] <= 70).toBe(true);
  });
});
