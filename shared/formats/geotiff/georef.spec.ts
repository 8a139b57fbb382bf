import { describe, expect, it } from 'vitest';
import { crsFromGeoKeys, decideGeoref, parseAuxXml, parseWorldFile, transformFromTags } from './georef';

describe('geotransform', () => {
  it('from tiepoint + pixel scale, and half a pixel up-left for PixelIsPoint (as GDAL reads it)', () => {
    const tags = { modelTiepoint: [0, 0, 0, 39_560_000, 4_061_000, 0], modelPixelScale: [2, 2, 0] };
    expect(transformFromTags(tags)).toEqual({ ok: true, value: [39_560_000, 2, 0, 4_061_000, 0, -2] });
    expect(transformFromTags({ ...tags, geoKeys: { GTRasterTypeGeoKey: 2 } })).toEqual({ ok: true, value: [39_559_999, 2, 0, 4_061_001, 0, -2] });
  });
  it('from a ModelTransformation matrix; GCPs only are refused', () => {
    const m = [2, 0, 0, 39_560_000, 0, -2, 0, 4_061_000, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(transformFromTags({ modelTransformation: m })).toEqual({ ok: true, value: [39_560_000, 2, 0, 4_061_000, 0, -2] });
    expect(transformFromTags({ modelTiepoint: [0, 0, 0, 1, 2, 0, 10, 10, 0, 3, 4, 0] }).ok).toBe(false);
  });
  it('a world file names the centre of the upper-left pixel', () => {
    expect(parseWorldFile('2.0\n0.0\n0.0\n-2.0\n39560001.0\n4060999.0\n')).toEqual([39_560_000, 2, 0, 4_061_000, 0, -2]);
    expect(parseWorldFile('garbage')).toBeNull();
  });
  it('GDAL’s .aux.xml: GeoTransform and the SRS WKT with its entities decoded', () => {
    const aux = parseAuxXml(
      '<PAMDataset><SRS>GEOGCS[&quot;CGCS2000&quot;]</SRS><GeoTransform> 117.6, 1e-5, 0, 36.67, 0, -1e-5</GeoTransform></PAMDataset>',
    );
    expect(aux).toEqual({ transform: [117.6, 1e-5, 0, 36.67, 0, -1e-5], wkt: 'GEOGCS["CGCS2000"]' });
  });
  it('a rotated transform is refused', () => {
    expect(decideGeoref({ geoKeys: { ProjectedCSTypeGeoKey: 4527 } }, { auxXml: '<GeoTransform>0,2,0.5,0,0.5,-2</GeoTransform>' })).toMatchObject({
      ok: false,
      reason: 'rotated',
    });
  });
});

describe('CRS from GeoKeys', () => {
  it('EPSG codes: every CGCS2000 GK block and the geographic CRS', () => {
    for (const [epsg, label] of [
      [4527, 'zone 39'],
      [4548, 'CM 117E'],
      [4498, 'zone 20'],
      [4509, 'CM 117E'],
    ] as const) {
      const r = crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: epsg });
      expect(r.ok && r.value?.epsg).toBe(epsg);
      expect(r.ok && r.value?.label).toContain(label);
    }
    const g = crsFromGeoKeys({ GTModelTypeGeoKey: 2, GeographicTypeGeoKey: 4490 });
    expect(g.ok && g.value?.epsg).toBe(4490);
  });
  it('a user-defined CGCS2000 transverse Mercator (k = 1, origin on the equator) is a GK zone; its EPSG code found from CM and false easting', () => {
    const keys = {
      GTModelTypeGeoKey: 1,
      ProjectedCSTypeGeoKey: 32767,
      ProjCoordTransGeoKey: 1,
      GeographicTypeGeoKey: 4490,
      ProjNatOriginLongGeoKey: 117,
      ProjNatOriginLatGeoKey: 0,
      ProjFalseEastingGeoKey: 39_500_000,
      ProjFalseNorthingGeoKey: 0,
      ProjScaleAtNatOriginGeoKey: 1,
    };
    const r = crsFromGeoKeys(keys);
    expect(r.ok && r.value?.epsg).toBe(4527);
    expect(crsFromGeoKeys({ ...keys, ProjScaleAtNatOriginGeoKey: 0.9996 })).toMatchObject({ ok: false, reason: 'unknownCrs' });
    expect(crsFromGeoKeys({ ...keys, GeographicTypeGeoKey: 4326 })).toMatchObject({ ok: false, reason: 'unknownCrs' });
  });
  it('UTM, Web Mercator: unknown', () => {
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 32650 })).toMatchObject({ ok: false, reason: 'unknownCrs' });
    expect(crsFromGeoKeys({ GTModelTypeGeoKey: 1, ProjectedCSTypeGeoKey: 3857 })).toMatchObject({ ok: false, reason: 'unknownCrs' });
  });
  it('a transform without any CRS (no keys, no .prj) is refused as noCrs; a .prj supplies it', () => {
    const tfw = '2\n0\n0\n-2\n39560001\n4060999\n';
    expect(decideGeoref({}, { tfw })).toMatchObject({ ok: false, reason: 'noCrs' });
    const prj =
      'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    const r = decideGeoref({}, { tfw, prj });
    expect(r.ok && [r.value.crs.epsg, r.value.transformFrom, r.value.crsFrom]).toEqual([4527, 'tfw', 'prj']);
  });
});
