import { describe, expect, it } from 'vitest';
import { checkEditGeometry, distinctVertices, ringSelfIntersects, segmentsMeet } from './edit-validation.logic';
import type { LngLat } from './tool-machine.logic';
import type { ToolGeometry } from './types';

const poly = (v: LngLat[]): ToolGeometry => ({ type: 'Polygon', coordinates: [[...v, v[0]!]] });
const square: LngLat[] = [
  [117, 35],
  [117.01, 35],
  [117.01, 35.01],
  [117, 35.01],
];

describe('a boundary that crosses itself is refused', () => {
  it('keeps a simple ring, refuses a bowtie, a figure 8 through one vertex and a spike', () => {
    expect(checkEditGeometry(poly(square))).toEqual({ ok: true });
    // The bowtie: the 2nd and 4th edges cross in the middle.
    expect(
      checkEditGeometry(
        poly([
          [117, 35],
          [117.01, 35.01],
          [117.01, 35],
          [117, 35.01],
        ]),
      ),
    ).toEqual({ ok: false, reason: 'selfIntersecting' });
    // Two loops meeting in one vertex (it comes twice, not one after the other).
    const eight: LngLat[] = [
      [117, 35],
      [117.01, 35],
      [117.005, 35.005],
      [117.01, 35.01],
      [117, 35.01],
      [117.005, 35.005],
    ];
    expect(checkEditGeometry(poly(eight))).toEqual({ ok: false, reason: 'selfIntersecting' });
    // A spike: out along an edge and back over it.
    const spike: LngLat[] = [
      [117, 35],
      [117.01, 35],
      [117.02, 35],
      [117.015, 35],
      [117.01, 35.01],
    ];
    expect(checkEditGeometry(poly(spike))).toEqual({ ok: false, reason: 'selfIntersecting' });
    // A vertex touching another edge from inside.
    const touch: LngLat[] = [
      [117, 35],
      [117.01, 35],
      [117.01, 35.01],
      [117.005, 35],
      [117, 35.01],
    ];
    expect(checkEditGeometry(poly(touch))).toEqual({ ok: false, reason: 'selfIntersecting' });
  });

  it('finds a crossing among many vertices (the indexed path)', () => {
    const n = 200;
    const circle: LngLat[] = Array.from(
      { length: n },
      (_, i) => [117 + 0.01 * Math.cos((2 * Math.PI * i) / n), 35 + 0.01 * Math.sin((2 * Math.PI * i) / n)] as LngLat,
    );
    expect(ringSelfIntersects(circle)).toBe(false);
    const crossed = [...circle];
    [crossed[50], crossed[150]] = [crossed[150]!, crossed[50]!];
    expect(ringSelfIntersects(crossed)).toBe(true);
  });

  it('counts distinct vertices: too few, no area, holes', () => {
    expect(
      checkEditGeometry(
        poly([
          [117, 35],
          [117.01, 35],
          [117.01, 35],
        ]),
      ),
    ).toEqual({ ok: false, reason: 'tooFewVertices' });
    expect(
      checkEditGeometry({
        type: 'Polygon',
        coordinates: [
          [...square, square[0]!],
          [
            [117.002, 35.002],
            [117.003, 35.002],
            [117.003, 35.003],
            [117.002, 35.002],
          ],
        ],
      }),
    ).toEqual({ ok: false, reason: 'holesNotSupported' });
    expect(
      checkEditGeometry({
        type: 'LineString',
        coordinates: [
          [117, 35],
          [117, 35],
        ],
      }),
    ).toEqual({ ok: false, reason: 'tooFewVertices' });
    // A line may cross itself (a patrol route does); a point is always fine.
    expect(
      checkEditGeometry({
        type: 'LineString',
        coordinates: [
          [117, 35],
          [117.01, 35.01],
          [117.01, 35],
          [117, 35.01],
        ],
      }),
    ).toEqual({ ok: true });
    expect(checkEditGeometry({ type: 'Point', coordinates: [117, 35] })).toEqual({ ok: true });
    expect(
      distinctVertices(
        [
          [1, 1],
          [1, 1],
          [2, 2],
          [1, 1],
        ],
        true,
      ),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('meets segments that cross, touch or overlap, and not ones that miss', () => {
    expect(segmentsMeet([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
    expect(segmentsMeet([0, 0], [2, 0], [1, 0], [1, 1])).toBe(true);
    expect(segmentsMeet([0, 0], [2, 0], [1, 0], [3, 0])).toBe(true);
    expect(segmentsMeet([0, 0], [2, 0], [3, 0], [4, 0])).toBe(false);
    expect(segmentsMeet([0, 0], [2, 0], [0, 1], [2, 1])).toBe(false);
  });
});
