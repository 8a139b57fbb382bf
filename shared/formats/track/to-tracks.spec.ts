import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { tracksFromGeoJson } from './to-tracks';

const T = '2026-04-20T01:00:00Z';
const T1 = '2026-04-20T01:00:10Z';
const fc = (features: FeatureCollection<Geometry | null>['features']): FeatureCollection<Geometry | null> => ({
  type: 'FeatureCollection',
  features,
});
const line = (coordinates: number[][], properties: Record<string, unknown> = {}) => ({
  type: 'Feature' as const,
  properties,
  geometry: { type: 'LineString' as const, coordinates },
});

describe('tracksFromGeoJson', () => {
  it('pairs each point with its time', () => {
    const r = tracksFromGeoJson(
      fc([
        line(
          [
            [117, 36, 30],
            [117.1, 36.1],
          ],
          { name: '晨巡', coordinateProperties: { times: [T, T1] } },
        ),
      ]),
      'file',
    );
    expect(r.tracks).toEqual([
      {
        name: '晨巡',
        points: [
          [117, 36, Date.parse(T)],
          [117.1, 36.1, Date.parse(T1)],
        ],
      },
    ]);
    expect(r).toMatchObject({ badPoints: 0, timesMismatched: [], timesWithoutZone: 0, othersIgnored: 0 });
  });

  it('splits segments into numbered tracks, each with its own times', () => {
    const multi = {
      type: 'Feature' as const,
      properties: {
        name: 'a',
        coordinateProperties: {
          times: [
            [T, T1],
            [T1, T],
          ],
        },
      },
      geometry: {
        type: 'MultiLineString' as const,
        coordinates: [
          [
            [1, 1],
            [2, 2],
          ],
          [
            [3, 3],
            [4, 4],
          ],
        ],
      },
    };
    const r = tracksFromGeoJson(fc([multi]), 'file');
    expect(r.tracks.map((t) => [t.name, t.points.map((p) => p[2])])).toEqual([
      ['a (1/2)', [Date.parse(T), Date.parse(T1)]],
      ['a (2/2)', [Date.parse(T1), Date.parse(T)]],
    ]);
  });

  it('reads a line without times when its times cannot be paired one to one', () => {
    // togeojson lists the times of timed points only: 3 points, 2 times.
    const r = tracksFromGeoJson(
      fc([
        line(
          [
            [1, 1],
            [2, 2],
            [3, 3],
          ],
          { name: 'gap', coordinateProperties: { times: [T, T1] } },
        ),
      ]),
      'file',
    );
    expect(r.tracks[0]!.points.map((p) => p[2])).toEqual([null, null, null]);
    expect(r.timesMismatched).toEqual(['gap']);
    // Two segments, only one timed: the list of lists is shorter than the segments.
    const multi = {
      type: 'Feature' as const,
      properties: { coordinateProperties: { times: [[T, T1]] } },
      geometry: {
        type: 'MultiLineString' as const,
        coordinates: [
          [
            [1, 1],
            [2, 2],
          ],
          [
            [3, 3],
            [4, 4],
          ],
        ],
      },
    };
    expect(tracksFromGeoJson(fc([multi]), 'f').tracks.flatMap((t) => t.points.map((p) => p[2]))).toEqual([null, null, null, null]);
  });

  it('drops points outside lon/lat ranges, counts times without a zone, ignores what is not a line', () => {
    const r = tracksFromGeoJson(
      fc([
        line(
          [
            [1, 1],
            [500, 1],
            [2, 95],
            [3, 3],
          ],
          { coordinateProperties: { times: ['2026-04-20T09:00:00', T, T, 'bad'] } },
        ),
        { type: 'Feature', properties: { name: 'wpt' }, geometry: { type: 'Point', coordinates: [1, 1] } },
        { type: 'Feature', properties: {}, geometry: null },
      ]),
      '0420',
    );
    expect(r.tracks).toEqual([
      {
        name: '0420',
        points: [
          [1, 1, Date.UTC(2026, 3, 20, 9)],
          [3, 3, null],
        ],
      },
    ]);
    expect(r).toMatchObject({ badPoints: 2, timesWithoutZone: 1, othersIgnored: 2 });
  });

  it('names unnamed tracks after the file, numbered when there are several', () => {
    const r = tracksFromGeoJson(
      fc([
        line([
          [1, 1],
          [2, 2],
        ]),
        line(
          [
            [1, 1],
            [2, 2],
          ],
          { name: ' 命名 ' },
        ),
        line([
          [3, 3],
          [4, 4],
        ]),
      ]),
      '0420',
    );
    expect(r.tracks.map((t) => t.name)).toEqual(['0420 1', '命名', '0420 2']);
  });

  it('takes the lines of a mixed collection', () => {
    const mixed = {
      type: 'Feature' as const,
      properties: { name: 'm' },
      geometry: {
        type: 'GeometryCollection' as const,
        geometries: [
          { type: 'Point' as const, coordinates: [0, 0] },
          {
            type: 'LineString' as const,
            coordinates: [
              [1, 1],
              [2, 2],
            ],
          },
        ],
      },
    };
    expect(tracksFromGeoJson(fc([mixed]), 'f').tracks).toEqual([
      {
        name: 'm',
        points: [
          [1, 1, null],
          [2, 2, null],
        ],
      },
    ]);
  });
});
