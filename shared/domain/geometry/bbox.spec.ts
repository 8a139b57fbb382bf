import { describe, expect, it } from 'vitest';
import { forEachPosition, geometriesBbox } from './bbox';

describe('bbox', () => {
  it('covers every geometry type, holes and collections included', () => {
    expect(
      geometriesBbox([
        { type: 'Point', coordinates: [117, 35] },
        {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [116, 34],
                [118, 34],
                [118, 36],
                [116, 34],
              ],
              [
                [116.5, 34.5],
                [117, 34.5],
                [117, 35],
                [116.5, 34.5],
              ],
            ],
          ],
        },
        {
          type: 'GeometryCollection',
          geometries: [
            {
              type: 'LineString',
              coordinates: [
                [115, 33.5],
                [115.5, 33],
              ],
            },
          ],
        },
        null,
      ]),
    ).toEqual([115, 33, 118, 36]);
  });
  it('is null when there is no position', () => {
    expect(geometriesBbox([null, { type: 'MultiPoint', coordinates: [] }])).toBeNull();
  });
  it('visits positions in order, by reference (callers may rewrite them in place)', () => {
    const line = {
      type: 'LineString' as const,
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    };
    forEachPosition(line, (p) => {
      p[0] = (p[0] as number) * 10;
    });
    expect(line.coordinates).toEqual([
      [10, 2],
      [30, 4],
    ]);
  });
});
