import { describe, expect, it } from 'vitest';
import { formatLength, measure, measureZone, planarLengths, type LngLat } from './measure.logic';
import type { GkZoneRef } from '../../../shared/domain/units/area';
import oracleJson from '../../../tests/oracles/measure.json';
import surveyOracle from '../../../tests/oracles/survey.json';

/** Figures from PROJ (pyproj), GEOS (shapely) and GeographicLib (pyproj.Geod): /usr/bin/python3 scripts/make-measure-oracle.py */
interface OracleCase {
  name: string;
  mode: 'length' | 'area';
  vertices: LngLat[];
  dataZone: GkZoneRef | null;
  zone: { width: 3 | 6; zone: number };
  segmentsMetres: number[];
  totalMetres: number;
  planarM2?: number;
  ellipsoidalM2?: number;
  mu?: number;
}
const oracle = oracleJson as unknown as { cases: OracleCase[] };

describe('measure against PROJ, GEOS and GeographicLib', () => {
  for (const c of oracle.cases) {
    it(c.name, () => {
      const f = measure(c.mode, c.vertices, c.dataZone)!;
      expect(f.zone.zone).toMatchObject({ width: c.zone.width, zone: c.zone.zone });
      expect(f.zone.source).toBe(c.dataZone ? 'data' : 'vertices');
      // proj4 agrees with PROJ far below a millimetre in these zones.
      expect(f.length.segmentsMetres).toHaveLength(c.segmentsMetres.length);
      f.length.segmentsMetres.forEach((d, i) => expect(Math.abs(d - c.segmentsMetres[i]!)).toBeLessThan(1e-3));
      expect(Math.abs(f.length.totalMetres - c.totalMetres)).toBeLessThan(1e-3);
      if (c.mode === 'area') {
        const a = f.area!;
        expect(Math.abs(a.planarM2 - c.planarM2!)).toBeLessThan(0.001); // the 0.01 m² a table prints, with margin
        expect(Math.abs(a.mu - c.mu!)).toBeLessThan(0.001 * 0.0015);
        // area.ts: straight edges in an equal-area plane (< 1e-9 relative for short edges), GeographicLib for long ones.
        expect(Math.abs(a.ellipsoidalM2 - c.ellipsoidalM2!) / c.ellipsoidalM2!).toBeLessThan(1e-8);
      } else expect(f.area).toBeNull();
    });
  }

  it('the oracle itself spans what matters: a clockwise ring, both zone widths, long edges, no data zone', () => {
    const names = oracle.cases.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['parcel-zone-edge-clockwise', 'parcel-6-degree', 'large-triangle', 'no-data-zone']));
    // Far from the central meridian the GK plane enlarges: planar area exceeds the ellipsoidal one by ~2 × 1.4²/2 ‰.
    const edge = oracle.cases.find((c) => c.name === 'parcel-zone-edge-clockwise')!;
    expect(edge.planarM2! / edge.ellipsoidalM2! - 1).toBeGreaterThan(3e-4);
  });
});

describe('measure while drawing', () => {
  const zone39: GkZoneRef = { width: 3, zone: 39, centralMeridian: 117 };
  it('has nothing to say before the first vertex, and no area below three', () => {
    expect(measure('length', [], zone39)).toBeNull();
    expect(measure('area', [], null)).toBeNull();
    const two = measure(
      'area',
      [
        [117, 36],
        [117.001, 36],
      ],
      zone39,
    )!;
    expect(two.area).toBeNull();
    // The perimeter of two vertices is there and back along the one edge.
    expect(two.length.segmentsMetres).toHaveLength(1);
  });
  it('closes the perimeter of a polygon and not of a line', () => {
    const v: LngLat[] = [
      [117, 36],
      [117.001, 36],
      [117.001, 36.001],
    ];
    expect(planarLengths(v, zone39).segmentsMetres).toHaveLength(2);
    expect(planarLengths(v, zone39, true).segmentsMetres).toHaveLength(3);
  });
  it('takes the data zone when there is one, else the zone of the mean longitude', () => {
    expect(measureZone([[113.7, 34.7]], zone39)).toEqual({ zone: zone39, source: 'data' });
    expect(
      measureZone(
        [
          [113.7, 34.7],
          [113.72, 34.7],
        ],
        null,
      ),
    ).toEqual({ zone: { width: 3, zone: 38, centralMeridian: 114 }, source: 'vertices' });
    expect(measureZone([], null)).toBeNull();
  });
});

describe('formatLength', () => {
  it('gives metres to the centimetre below a kilometre and kilometres to the metre above', () => {
    expect(formatLength(535.0832)).toEqual({ value: '535.08', unit: 'm' });
    expect(formatLength(1657.9131)).toEqual({ value: '1.658', unit: 'km' });
    expect(formatLength(0)).toEqual({ value: '0.00', unit: 'm' });
  });
});

describe('the bearing of a two-point distance (tests/oracles/survey.json: PROJ GK atan2 and pyproj.Geod azimuths)', () => {
  const w = surveyOracle.waypoints as unknown as { lngLat: [number, number][]; bearings: number[]; azimuths: number[] };
  const zone39: GkZoneRef = { width: 3, zone: 39, centralMeridian: 117 };
  it('gives the 坐标方位角 from grid north and the geodesic azimuth from true north, side by side', () => {
    w.lngLat.forEach((a, i) => {
      const b = w.lngLat[(i + 1) % w.lngLat.length]!;
      const f = measure('length', [a, b], zone39)!;
      expect(f.bearing!.gridDegrees).toBeCloseTo(w.bearings[i]!, 6);
      expect(f.bearing!.trueDegrees).toBeCloseTo(w.azimuths[i]!, 6);
      // They differ by the meridian convergence γ ≈ (λ − λ0) sin φ (≈ 0.074° here, 12 km east of 117°E).
      const gamma = (a[0] - 117) * Math.sin((a[1] * Math.PI) / 180);
      expect(f.bearing!.trueDegrees - f.bearing!.gridDegrees).toBeCloseTo(gamma, 3);
    });
  });
  it('says no bearing for a polyline of more points, an area, or two clicks at one place', () => {
    const [a, b, c] = w.lngLat as [[number, number], [number, number], [number, number]];
    expect(measure('length', [a, b, c], zone39)!.bearing).toBeNull();
    expect(measure('area', [a, b], zone39)!.bearing).toBeNull();
    expect(measure('length', [a, a], zone39)!.bearing).toBeNull();
  });
});
