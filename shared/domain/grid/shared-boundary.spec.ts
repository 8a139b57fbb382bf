import { describe, expect, it } from 'vitest';
import { sharedBoundaryMetres } from './shared-boundary';

const rect = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
];

describe('sharedBoundaryMetres', () => {
  it('is the length of the common edge of two neighbours, whichever way their rings run', () => {
    expect(sharedBoundaryMetres(rect(0, 0, 10, 10), rect(10, 2, 20, 7))).toBeCloseTo(5, 12);
    const reversed = rect(10, 2, 20, 7).map((p) => p.map((r) => [...r].reverse()));
    expect(sharedBoundaryMetres(rect(0, 0, 10, 10), reversed)).toBeCloseTo(5, 12);
  });
  it('counts an edge split in pieces on the other side in full, and two sides of an L', () => {
    const split = [
      [
        [
          [10, 0],
          [10, 3],
          [10, 6],
          [10, 10],
          [20, 10],
          [20, 0],
          [10, 0],
        ],
      ],
    ];
    expect(sharedBoundaryMetres(rect(0, 0, 10, 10), split)).toBeCloseTo(10, 12);
    const l = [
      [
        [
          [10, 0],
          [20, 0],
          [20, -5],
          [0, -5],
          [0, 0],
          [10, 0],
        ],
      ],
    ]; // below: shares 0..10 of y = 0
    expect(sharedBoundaryMetres(rect(0, 0, 10, 10), l)).toBeCloseTo(10, 12);
  });
  it('is 0 for polygons that touch at a corner only, or lie apart, or are parallel a millimetre off', () => {
    expect(sharedBoundaryMetres(rect(0, 0, 10, 10), rect(10, 10, 20, 20))).toBe(0);
    expect(sharedBoundaryMetres(rect(0, 0, 10, 10), rect(30, 0, 40, 10))).toBe(0);
    expect(sharedBoundaryMetres(rect(0, 0, 10, 10), rect(10.001, 0, 20, 10))).toBe(0);
  });
});
