import { describe, expect, it } from 'vitest';
// GeographicLib (pyproj.Geod, GRS80) and PROJ figures for the GPX waypoints: scripts/make-survey-fixtures.py.
import oracle from '../../../tests/oracles/survey.json';
import { measureArea, measureBearing, measureDistance } from './measure';

const ll = oracle.waypoints.lngLat as [number, number][];
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe('measuring on the map (lon/lat)', () => {
  it('distance: geodesic as GeographicLib, planar in the zone as PROJ + GEOS give it', () => {
    const d = measureDistance([...ll, ll[0]!]);
    expect(d.zone).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    expect(Math.abs(d.geodesicMetres - sum(oracle.waypoints.sidesGeodesic))).toBeLessThan(0.001);
    expect(Math.abs(d.planarMetres - sum(oracle.waypoints.sides))).toBeLessThan(0.001);
  });

  it('area: ellipsoidal and planar to 1e-6, 亩 from the planar figure', () => {
    const a = measureArea(ll);
    expect(Math.abs(a.ellipsoidalM2 / oracle.waypoints.ellipsoidalM2 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(a.planarM2 / oracle.waypoints.planarM2 - 1)).toBeLessThan(1e-6);
    expect(a.mu).toBeCloseTo(a.planarM2 * 0.0015, 9);
  });

  it('bearing: grid bearing in the zone and true azimuth, differing by the meridian convergence', () => {
    ll.forEach((a, i) => {
      const b = measureBearing(a, ll[(i + 1) % ll.length]!);
      expect(Math.abs(b.gridDegrees - (oracle.waypoints.bearings[i] as number))).toBeLessThan(1e-5);
      expect(Math.abs(b.trueDegrees - (oracle.waypoints.azimuths[i] as number))).toBeLessThan(1e-7);
      // γ ≈ Δλ·sin φ (≈ 0.13° east of CM 117° at 34.5°N → ≈ 0.074°); grid = true − γ.
      const gamma = (a[0] - 117) * Math.sin((a[1] * Math.PI) / 180);
      expect(b.trueDegrees - b.gridDegrees).toBeCloseTo(gamma, 3);
    });
  });
});
