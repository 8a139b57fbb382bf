import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { crsFromEpsg } from './zones';
import { parsePrj } from './prj';
import { detectCrsFromCoordinates } from './detect';
import { checkPlausibility } from './plausibility';
import { gkZoneForLongitude, makeGkToLngLat, makeLngLatToGk, makeToLngLat } from './transform';
import { REAL_DATA } from '../../../tests/fixtures/read-fixture';

// Oracles from scripts/make-oracles.py: PROJ 9 via pyproj (EPSG parameters, forward values, WKT in
// GDAL WKT1 / ESRI WKT1 / WKT2_2019 flavours) and OGR extents of the real ae102 demo.
const crsOracle = JSON.parse(readFileSync('tests/oracles/crs.json', 'utf8')) as {
  entries: { epsg: number; name: string; geographic: boolean; lon0?: number; x0?: number; a?: number; invf?: number }[];
  points: { epsg: number; lon: number; lat: number; easting: number; northing: number }[];
};
const wktOracle = JSON.parse(readFileSync('tests/oracles/wkt.json', 'utf8')) as {
  crs: { epsg: number; name: string; wkt1Gdal: string; wkt1Esri: string; wkt2: string }[];
};
const ae102 = JSON.parse(readFileSync('tests/oracles/ae102.json', 'utf8')) as { extents: Record<string, [number, number, number, number]> };

describe('EPSG catalogue (zones.ts) equals PROJ', () => {
  for (const e of crsOracle.entries) {
    it(`EPSG:${e.epsg} ${e.name}`, () => {
      const crs = crsFromEpsg(e.epsg);
      expect(crs).not.toBeNull();
      if (!crs) return;
      expect(crs.kind).toBe(e.geographic ? 'geographic' : 'projected');
      if (e.geographic) return;
      expect(crs.gk?.centralMeridian).toBe(e.lon0);
      expect(crs.gk?.falseEasting).toBe(e.x0);
      expect(crs.proj4).not.toMatch(/towgs84/);
      const a = Number(/\+a=([0-9.]+)/.exec(crs.proj4)?.[1] ?? (crs.proj4.includes('GRS80') ? 6378137 : 6378245));
      expect(a).toBe(e.a);
    });
  }
});

describe('GK forward/inverse equal PROJ to 1 mm, all four CGCS2000 families + Xian80/Beijing54', () => {
  it('forward values and round trips, incl. 1.5° (3°) and 3° (6°) from the CM at 18–53°N', () => {
    let worst = 0;
    for (const p of crsOracle.points) {
      const crs = crsFromEpsg(p.epsg);
      if (!crs?.gk) throw new Error(`EPSG:${p.epsg}`);
      const [lon, lat] = makeToLngLat(crs)(p.easting, p.northing);
      expect(Math.abs(lon - p.lon)).toBeLessThan(1e-8); // ≈ 1 mm
      expect(Math.abs(lat - p.lat)).toBeLessThan(1e-8);
      if (crs.datum === 'CGCS2000' && crs.gk.zone !== null) {
        const zone = { width: crs.gk.width, zone: crs.gk.zone, centralMeridian: crs.gk.centralMeridian };
        const xy = makeLngLatToGk(zone, crs.gk.zonePrefix)(p.lon, p.lat);
        worst = Math.max(worst, Math.abs(xy.y - p.easting), Math.abs(xy.x - p.northing));
        const back = makeGkToLngLat(zone, crs.gk.zonePrefix)(xy.y, xy.x);
        expect(Math.abs(back[0] - p.lon) + Math.abs(back[1] - p.lat)).toBeLessThan(1e-10);
      }
    }
    expect(worst).toBeLessThan(1e-3);
  });
  it('gkZoneForLongitude', () => {
    expect(gkZoneForLongitude(117.2)).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    expect(gkZoneForLongitude(118.49)).toEqual({ width: 3, zone: 39, centralMeridian: 117 });
    expect(gkZoneForLongitude(118.5)).toEqual({ width: 3, zone: 40, centralMeridian: 120 });
    expect(gkZoneForLongitude(117.2, 6)).toEqual({ width: 6, zone: 20, centralMeridian: 117 });
    expect(gkZoneForLongitude(105.5, 6)).toEqual({ width: 6, zone: 18, centralMeridian: 105 });
  });
});

describe('parsePrj', () => {
  it('real banzhucun .prj (ESRI) → EPSG:4523, zone 35, prefix', () => {
    const g = parsePrj(readFileSync(`${REAL_DATA}/banzhucun/斑竹村10000.prj`, 'utf8'));
    expect(g.kind).toBe('known');
    if (g.kind !== 'known') return;
    expect(g.crs.epsg).toBe(4523);
    expect(g.crs.gk).toMatchObject({ width: 3, zone: 35, zonePrefix: true, centralMeridian: 105 });
    expect(g.warnings).toEqual([]);
  });
  it('real ae102 DLTB.prj → Xian 1980 3° CM 102E (EPSG:2379) with crs.localDatum, no made-up towgs84', () => {
    const g = parsePrj(readFileSync(`${REAL_DATA}/ae102-demo/DLTB.prj`, 'utf8'));
    expect(g.kind).toBe('known');
    if (g.kind !== 'known') return;
    expect(g.crs).toMatchObject({ epsg: 2379, datum: 'Xian1980' });
    expect(g.crs.gk).toMatchObject({ width: 3, zonePrefix: false, centralMeridian: 102 });
    expect(g.crs.proj4).not.toMatch(/towgs84/);
    expect(g.warnings.map((w) => w.code)).toEqual(['crs.localDatum']);
  });
  for (const c of wktOracle.crs) {
    for (const flavour of ['wkt1Gdal', 'wkt1Esri', 'wkt2'] as const) {
      for (const variant of ['plain', 'bom+crlf'] as const) {
        it(`EPSG:${c.epsg} ${flavour} ${variant}`, () => {
          let text = c[flavour];
          if (variant === 'bom+crlf') text = `\uFEFF  ${text.replace(/\n/g, '\r\n').replace(/,/g, ', ')}\r\n`;
          const g = parsePrj(text);
          expect(g.kind).toBe('known');
          if (g.kind === 'known') {
            expect(g.crs.epsg).toBe(c.epsg);
            expect(g.warnings.some((w) => w.code === 'crs.localDatum')).toBe(/Xian|Beijing/.test(c.name));
          }
        });
      }
    }
  }
  it('GK parameters matching no EPSG code still give a usable CRS', () => {
    const g = parsePrj(
      'PROJCS["custom",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",116.25],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    );
    expect(g.kind).toBe('known');
    if (g.kind === 'known') {
      expect(g.crs.epsg).toBeNull();
      expect(g.crs.proj4).toContain('+lon_0=116.25');
      expect(g.crs.proj4).toContain('+x_0=400000');
    }
  });
  it('unrecognised text asks the user', () => {
    expect(parsePrj('garbage')).toMatchObject({ kind: 'ask-user', reason: 'prj-unrecognised' });
    expect(
      parsePrj(
        'PROJCS["WGS_1984_UTM_Zone_50N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
      ),
    ).toMatchObject({ kind: 'ask-user' });
  });
});

describe('detectCrsFromCoordinates', () => {
  it('lon/lat in China → 4490 assumed', () => {
    expect(detectCrsFromCoordinates([105.1, 29.5, 105.2, 29.6])).toMatchObject({ kind: 'known', crs: { epsg: 4490, source: 'coordinates' } });
  });
  it('8-digit eastings: prefix 35 → 3° zone 35 (EPSG:4523); 19 → 6° zone 19 (EPSG:4497)', () => {
    expect(detectCrsFromCoordinates([35607725.7, 3274305.0, 35612631.5, 3277480.9])).toMatchObject({ kind: 'known', crs: { epsg: 4523 } });
    expect(detectCrsFromCoordinates([19500100, 3000000, 19501000, 3001000])).toMatchObject({ kind: 'known', crs: { epsg: 4497 } });
  });
  it('6-digit easting → ask the user, with CM candidates', () => {
    const g = detectCrsFromCoordinates([499000, 3274305, 501000, 3277480]);
    expect(g).toMatchObject({ kind: 'ask-user', reason: 'no-prj-6-digit-easting' });
    if (g.kind === 'ask-user') expect(g.candidates.map((c) => c.gk?.centralMeridian)).toContain(117);
  });
  it('anything else → no-prj-unrecognised', () => {
    expect(detectCrsFromCoordinates([-5, -5, 5, 5])).toMatchObject({ kind: 'ask-user', reason: 'no-prj-unrecognised' });
  });
});

describe('checkPlausibility', () => {
  const xian102 = crsFromEpsg(2379);
  const z35 = crsFromEpsg(4523);
  const z39 = crsFromEpsg(4527);
  it('ae102 demo (northing ≈ 0 around the false easting) is flagged near the false origin', () => {
    if (!xian102) throw new Error();
    for (const [minX, maxX, minY, maxY] of Object.values(ae102.extents)) {
      expect(checkPlausibility(xian102, [minX, minY, maxX, maxY]).map((w) => w.code)).toContain('crs.nearFalseOrigin');
    }
  });
  it('banzhucun is plausible in its own zone and a zone mismatch against zone 39', () => {
    if (!z35 || !z39) throw new Error();
    const bbox: [number, number, number, number] = [35607725.7, 3274305.0, 35612631.5, 3277480.9];
    expect(checkPlausibility(z35, bbox)).toEqual([]);
    expect(checkPlausibility(z39, bbox).map((w) => w.code)).toEqual(['crs.zoneMismatch']);
  });
  it('swapped X/Y and outside China', () => {
    if (!z35) throw new Error();
    expect(checkPlausibility(z35, [3274305.0, 35607725.7, 3277480.9, 35612631.5]).map((w) => w.code)).toEqual(['crs.swappedXY']);
    const wgs = crsFromEpsg(4326);
    if (!wgs) throw new Error();
    expect(checkPlausibility(wgs, [2.3, 48.8, 2.4, 48.9]).map((w) => w.code)).toEqual(['crs.outsideChina']);
  });
});
