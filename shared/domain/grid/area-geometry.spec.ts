import { describe, expect, it } from 'vitest';
import { defaultZoneOf, validateAreaGeometry, validateZone } from './area-geometry';

const square = [
  [117.1, 36.6],
  [117.11, 36.6],
  [117.11, 36.61],
  [117.1, 36.61],
  [117.1, 36.6],
];

describe('validateAreaGeometry', () => {
  it('keeps a polygon and a multipolygon with holes as they are', () => {
    const hole = [
      [117.102, 36.602],
      [117.102, 36.604],
      [117.104, 36.604],
      [117.102, 36.602],
    ];
    const p = { type: 'Polygon', coordinates: [square, hole] };
    expect(validateAreaGeometry(p)).toEqual({ ok: true, value: p });
    const m = { type: 'MultiPolygon', coordinates: [[square], [square.map(([x, y]) => [x! + 0.02, y!])]] };
    expect(validateAreaGeometry(m)).toEqual({ ok: true, value: m });
  });

  it('drops heights (an area has none) and nothing else', () => {
    const r = validateAreaGeometry({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 31.5])] });
    expect(r).toEqual({ ok: true, value: { type: 'Polygon', coordinates: [square] } });
  });

  it.each([
    ['null', null, ''],
    ['a point', { type: 'Point', coordinates: [117, 36] }, 'type'],
    ['a polygon of no rings', { type: 'Polygon', coordinates: [] }, 'coordinates'],
    ['a multipolygon of nothing', { type: 'MultiPolygon', coordinates: [] }, 'coordinates'],
    ['a ring of three positions', { type: 'Polygon', coordinates: [square.slice(0, 3)] }, 'coordinates'],
    ['an open ring', { type: 'Polygon', coordinates: [square.slice(0, 4).concat([[117.1, 36.605]])] }, 'coordinates'],
    [
      'GK metres instead of degrees',
      {
        type: 'Polygon',
        coordinates: [
          [
            [39_500_000, 4_050_000],
            [39_500_100, 4_050_000],
            [39_500_100, 4_050_100],
            [39_500_000, 4_050_000],
          ],
        ],
      },
      'coordinates',
    ],
    [
      'a NaN',
      {
        type: 'Polygon',
        coordinates: [
          [
            [NaN, 36],
            [117, 36],
            [117, 37],
            [NaN, 36],
          ],
        ],
      },
      'coordinates',
    ],
  ])('refuses %s', (_what, raw, path) => {
    expect(validateAreaGeometry(raw)).toMatchObject({ ok: false, reason: 'badGeometry', path });
  });
});

describe('zones', () => {
  it('takes the 3° zone of the box centre by default (as overlay and measure do)', () => {
    expect(defaultZoneOf({ type: 'Polygon', coordinates: [square] })).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    // 118.49°E is still zone 39 (116.5–118.5); 118.51°E is zone 40.
    const at = (lon: number) =>
      defaultZoneOf({
        type: 'Polygon',
        coordinates: [
          [
            [lon - 0.001, 36],
            [lon + 0.001, 36],
            [lon, 36.001],
            [lon - 0.001, 36],
          ],
        ],
      });
    expect(at(118.49).zone).toBe(39);
    expect(at(118.51).zone).toBe(40);
  });

  it("accepts China's 3° and 6° zones with their central meridians, nothing else", () => {
    expect(validateZone({ width: 3, zone: 39, centralMeridian: 117 })).toEqual({ ok: true, value: { width: 3, zone: 39, centralMeridian: 117 } });
    expect(validateZone({ width: 6, zone: 20, centralMeridian: 117 }).ok).toBe(true);
    expect(validateZone({ width: 3, zone: 39, centralMeridian: 114 })).toMatchObject({ ok: false, reason: 'badZone', path: 'centralMeridian' });
    expect(validateZone({ width: 3, zone: 50, centralMeridian: 150 })).toMatchObject({ ok: false, reason: 'badZone', path: 'zone' });
    expect(validateZone({ width: 4, zone: 39, centralMeridian: 117 })).toMatchObject({ ok: false, reason: 'badZone', path: 'width' });
    expect(validateZone('39')).toMatchObject({ ok: false, reason: 'badZone' });
  });
});
