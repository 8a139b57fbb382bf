import { readFileSync } from 'node:fs';
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { centralMeridianOfZone } from '../crs/zones';
import { planarAreaM2, projectToZone } from '../geometry/area';
import { loadGeometryEngine } from '../geometry/engine/load';
import { corridorPolygon, sitePolygon, type BufferedArea } from './corridor';

const engine = await loadGeometryEngine();

// Oracle: scripts/make-tasks-oracle.py (pyproj into the zone's CGCS2000 GK CRS, shapely's buffer in that plane).
const oracle = JSON.parse(readFileSync('tests/oracles/tasks.json', 'utf8')) as {
  corridors: { name: string; zone: number; line: [number, number][]; widthMetres: number; planarM2: number }[];
  sites: { name: string; zone: number; centre: [number, number]; radiusMetres: number; planarM2: number }[];
};
const zoneRef = (zone: number) => ({ width: 3 as const, zone, centralMeridian: centralMeridianOfZone(3, zone) });
const built = (r: BufferedArea | string): BufferedArea => {
  if (typeof r === 'string') throw new Error(r);
  return r;
};

describe('corridorPolygon', () => {
  it.each(oracle.corridors)('$name: the buffer in the GK plane has shapely’s area', (c) => {
    const r = built(corridorPolygon(engine, { type: 'LineString', coordinates: c.line }, c.widthMetres, zoneRef(c.zone)));
    // GEOS against GEOS (shapely 1.8 / GEOS 3.11 against geos-wasm 3.13), same plane: equal to far below a m².
    expect(Math.abs(r.planarM2 - c.planarM2)).toBeLessThan(1e-3);
    // The lon/lat polygon stored, projected back, keeps that area (the round trip through degrees is sub-millimetre).
    expect(Math.abs(planarAreaM2(projectToZone(r.geometry, zoneRef(c.zone))) - c.planarM2) / c.planarM2).toBeLessThan(1e-7);
    expect(r.geometry.type).toBe('Polygon');
  });

  it('a wider corridor covers more, about width × length for a straight line', () => {
    const c = oracle.corridors[0]!;
    const line: LineString = { type: 'LineString', coordinates: c.line };
    const narrow = built(corridorPolygon(engine, line, 50, zoneRef(39)));
    const wide = built(corridorPolygon(engine, line, 100, zoneRef(39)));
    expect(wide.planarM2 / narrow.planarM2).toBeCloseTo(2, 6); // flat caps: exactly proportional
  });

  it('refuses what cannot be buffered, by name', () => {
    const line: LineString = {
      type: 'LineString',
      coordinates: [
        [117, 36.6],
        [117, 36.6],
      ],
    };
    expect(corridorPolygon(engine, line, 50, zoneRef(39))).toBe('tooShort');
    expect(corridorPolygon(engine, { type: 'LineString', coordinates: [[117, 36.6]] }, 50, zoneRef(39))).toBe('tooShort');
    expect(
      corridorPolygon(
        engine,
        {
          type: 'LineString',
          coordinates: [
            [117, 36.6],
            [117.01, 36.6],
          ],
        },
        0,
        zoneRef(39),
      ),
    ).toBe('badWidth');
    expect(
      corridorPolygon(
        engine,
        {
          type: 'LineString',
          coordinates: [
            [117, 36.6],
            [117.01, 36.6],
          ],
        },
        Number.NaN,
        zoneRef(39),
      ),
    ).toBe('badWidth');
  });
});

describe('sitePolygon', () => {
  it.each(oracle.sites)('$name: the point buffer has shapely’s area', (s) => {
    const r = built(sitePolygon(engine, s.centre, s.radiusMetres, zoneRef(s.zone)));
    expect(Math.abs(r.planarM2 - s.planarM2)).toBeLessThan(1e-4);
    // 32 segments: 0.64 % short of the true circle, as every GIS's default buffer is.
    expect(r.planarM2 / (Math.PI * s.radiusMetres ** 2)).toBeCloseTo(0.9936, 3);
  });
  it('refuses a radius that is not positive', () => {
    expect(sitePolygon(engine, [117, 36.6], -5, zoneRef(39))).toBe('badWidth');
  });
});
