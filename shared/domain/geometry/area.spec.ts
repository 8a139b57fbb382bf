import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import * as turf from '@turf/turf';
import { ellipsoidalAreaM2, featureAreas, geodesicAreaM2Exact, planarAreaM2, LONG_EDGE_METRES, type AreaGeometry } from './area';
import { makeGkToLngLat } from '../crs/transform';
import { readPolygonShp } from '../../../tests/oracles/read-shapefile';
import { REAL_DATA } from '../../../tests/fixtures/read-fixture';
import type { GkZoneRef } from '../units/area';

// Oracles: scripts/make-oracles.py — pyproj.Geod(ellps='GRS80').geometry_area_perimeter (GeographicLib C),
// shapely (GEOS) planar areas, PROJ for the reprojection of the real data.
const BANZHUCUN_SHP = `${REAL_DATA}/banzhucun/斑竹村10000.shp`;
const bz = JSON.parse(readFileSync('tests/oracles/area-banzhucun.json', 'utf8')) as {
  count: number;
  totalEllipsoidalM2: number;
  totalPlanarM2: number;
  totalShapeAreaM2: number;
  samples: { index: number; ellipsoidalM2: number; planarM2: number }[];
};
const syn = JSON.parse(readFileSync('tests/oracles/area-synthetic.json', 'utf8')) as {
  cases: { name: string; lat: number; zone: number; geometry: AreaGeometry; gkGeometry: AreaGeometry; ellipsoidalM2: number; planarM2: number }[];
};

const ZONE35: GkZoneRef = { width: 3, zone: 35, centralMeridian: 105 };
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

function loadBanzhucun(): { gk: Polygon[]; lngLat: Polygon[] } {
  const toLngLat = makeGkToLngLat(ZONE35, true);
  const gk = readPolygonShp(BANZHUCUN_SHP).map((rings): Polygon => ({ type: 'Polygon', coordinates: rings }));
  const lngLat = gk.map((p): Polygon => ({
    type: 'Polygon',
    coordinates: p.coordinates.map((r) => r.map((q) => toLngLat(q[0] as number, q[1] as number))),
  }));
  return { gk, lngLat };
}

describe('areas on the real banzhucun layer (EPSG:4523, 10 653 polygons)', () => {
  const { gk, lngLat } = loadBanzhucun();

  it('planar total equals the ArcGIS Shape_Area sum 7 102 035.487 m² (GEOS-checked) to 1e-3 m²', () => {
    expect(gk.length).toBe(bz.count);
    let total = 0;
    gk.forEach((g, i) => (total += featureAreas(lngLat[i] as Polygon, { zone: ZONE35, zonePrefix: true, planarGeometry: g }).planarM2));
    expect(Math.abs(total - 7_102_035.487)).toBeLessThan(1e-3);
    expect(Math.abs(total - bz.totalPlanarM2)).toBeLessThan(1e-3);
    expect(Math.abs(total - bz.totalShapeAreaM2)).toBeLessThan(1e-3);
  });

  it('fast ellipsoidal area matches GeographicLib (pyproj.Geod) to 1e-9 relative, total and per polygon', () => {
    let total = 0;
    for (const p of lngLat) total += ellipsoidalAreaM2(p);
    expect(rel(total, bz.totalEllipsoidalM2)).toBeLessThan(1e-9);
    for (const s of bz.samples) {
      const p = lngLat[s.index] as Polygon;
      // Per parcel: 1e-9 relative, floored at 1e-5 m² — the reference itself (GeographicLib accumulates
      // per-edge areas to the equator) is only that good in absolute terms on a 600 m² parcel.
      expect(Math.abs(ellipsoidalAreaM2(p) - s.ellipsoidalM2)).toBeLessThan(Math.max(1e-9 * s.ellipsoidalM2, 1e-5));
      // GeographicLib (JS here, C in pyproj) accumulates per-edge areas to the equator, so two
      // implementations agree to ~1e-6 m² absolute, not 1e-9 of a 600 m² parcel.
      expect(Math.abs(geodesicAreaM2Exact(p) - s.ellipsoidalM2)).toBeLessThan(Math.max(1e-9 * s.ellipsoidalM2, 1e-5));
      // GEOS sums products of raw 8-digit coordinates (35 600 000 m): its own rounding is ~1e-9 of a
      // small parcel, so the planar check per polygon is 1e-8 (the total above is to 1e-3 m²).
      expect(rel(planarAreaM2(gk[s.index] as Polygon), s.planarM2)).toBeLessThan(1e-8);
    }
  });
});

describe('synthetic polygons at 18°N, 35°N, 53°N (holes, multiparts, 30–60 km rings)', () => {
  for (const c of syn.cases) {
    it(`${c.name}: ellipsoidal to 1e-9 rel (fast and exact), planar to 1e-9 rel`, () => {
      expect(rel(ellipsoidalAreaM2(c.geometry), c.ellipsoidalM2)).toBeLessThan(1e-9);
      expect(rel(geodesicAreaM2Exact(c.geometry), c.ellipsoidalM2)).toBeLessThan(1e-9);
      const zone: GkZoneRef = { width: 3, zone: c.zone, centralMeridian: 3 * c.zone };
      const projected = featureAreas(c.geometry, { zone });
      expect(rel(projected.planarM2, c.planarM2)).toBeLessThan(1e-9);
      const fromSource = featureAreas(c.geometry, { zone, planarGeometry: c.gkGeometry });
      expect(rel(fromSource.planarM2, c.planarM2)).toBeLessThan(1e-9);
      expect(fromSource.mu).toBeCloseTo(fromSource.planarM2 * 0.0015, 9);
    });
  }

  it(`the straight-edge error of the fast path stays < 1e-9 for edges up to LONG_EDGE_METRES (${LONG_EDGE_METRES} m)`, () => {
    // A ring of ~1 km edges at 53°N (largest meridian convergence in China): fast vs GeographicLib.
    for (const lat of [18, 35, 53]) {
      const ring: number[][] = [];
      const n = 60;
      const rLat = 9.5 / 111; // ≈ 9.5 km radius → 60 edges of ≈ 0.99 km
      for (let k = 0; k <= n; k++) {
        const t = (2 * Math.PI * (k % n)) / n;
        ring.push([110 + (rLat * Math.cos(t)) / Math.cos((lat * Math.PI) / 180), lat + rLat * Math.sin(t)]);
      }
      const g: Polygon = { type: 'Polygon', coordinates: [ring] };
      expect(rel(ellipsoidalAreaM2(g), geodesicAreaM2Exact(g))).toBeLessThan(1e-9);
    }
  });
});

// Domain rule 1 (README) gives the drift as "−0.3 % at 18°N, near 0 at 35°N, +0.4 % at 53°N". Measured against
// GeographicLib the magnitudes agree but the signs are the other way round: turf's sphere (R = a) has
// a larger area element than GRS80 near the equator and a smaller one towards the pole, so turf.area
// over-reports by ~0.3 % at 18°N and under-reports by ~0.4 % at 53°N. The data wins (the rule's own figures are rounded).
describe('why not turf.area (sphere of radius a: ~0.3 % off at 18°N, ≈ 0 at 35°N, ~0.4 % at 53°N)', () => {
  const at = (name: string) => syn.cases.find((c) => c.name === name) as (typeof syn.cases)[number];
  const drift = (name: string): number => {
    const c = at(name);
    const feature = { type: 'Feature' as const, properties: {}, geometry: c.geometry as Polygon | MultiPolygon };
    return turf.area(feature) / c.ellipsoidalM2 - 1;
  };
  it('drifts by the documented magnitudes', () => {
    const d18 = drift('irregular1km@18.3');
    const d35 = drift('irregular1km@35.0');
    const d53 = drift('irregular1km@53.0');
    console.log(`turf.area drift: 18°N ${(d18 * 100).toFixed(3)} %, 35°N ${(d35 * 100).toFixed(4)} %, 53°N ${(d53 * 100).toFixed(3)} %`);
    expect(d18).toBeGreaterThan(0.002);
    expect(d18).toBeLessThan(0.004);
    expect(Math.abs(d35)).toBeLessThan(2e-4);
    expect(d53).toBeLessThan(-0.003);
    expect(d53).toBeGreaterThan(-0.005);
  });
});
