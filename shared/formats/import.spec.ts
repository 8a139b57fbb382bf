/**
 * The import pipeline on whole bundles: an empty layer, and a layer whose CRS cannot be decided (described
 * without one). Expected facts come from GDAL's `ogrinfo` run on the same files.
 */
import { describe, expect, it } from 'vitest';
import { fixtureBytes, realBytes, REAL_DATA } from '../../tests/fixtures/read-fixture';
import { ogrinfoSummary, type OgrinfoSummary } from '../../tests/oracles/ogrinfo';
import { importFiles } from './import';
import type { FieldDef, InputFile } from './types';

const FIXTURES = new URL('../../tests/fixtures/shp/', import.meta.url).pathname;

const fixtureFiles = (name: string, exts: string[]): InputFile[] =>
  exts.map((e) => ({ path: `${name}.${e}`, bytes: fixtureBytes(`shp/${name}.${e}`) }));

/** Our field definitions in ogrinfo's terms: C → String, N/F with decimals → Real, else Integer. */
const asOgr = (fields: FieldDef[]): OgrinfoSummary['fields'] =>
  fields.map((f) => ({
    name: f.name,
    type: f.type === 'C' ? 'String' : f.decimals > 0 || f.type === 'F' ? 'Real' : 'Integer',
    width: f.length,
    precision: f.decimals,
  }));

describe('importFiles: a shapefile with zero records', () => {
  const files = fixtureFiles('empty', ['shp', 'shx', 'dbf', 'prj', 'cpg']);

  it('is an empty layer with a note, not a false-origin warning or a failure — as GDAL reads it', async () => {
    const gdal = ogrinfoSummary(`${FIXTURES}empty.shp`);
    expect(gdal.featureCount).toBe(0);
    expect(gdal.extent).toEqual([0, 0, 0, 0]); // the header box a writer leaves for no records

    const r = await importFiles(files);
    expect(r.failed).toEqual([]);
    expect(r.pending).toEqual([]);
    expect(r.layers).toHaveLength(1);
    const layer = r.layers[0]!;
    expect(layer.features).toEqual([]);
    expect(layer.geometryKind).toBe('polygon');
    expect(asOgr(layer.fields)).toEqual(gdal.fields);
    expect(layer.crs).toMatchObject({ epsg: 4527, source: 'prj' });
    expect(layer.encoding).toMatchObject({ encoding: 'utf-8', source: 'cpg' });
    expect(layer.bboxLngLat).toBeNull(); // nothing to zoom to
    expect(layer.issues).toEqual([{ code: 'layer.empty', severity: 'info', file: 'empty.shp' }]);
  });

  it('without its .prj it still has no false extent: the CRS is asked for, and the description says 0 features', async () => {
    const r = await importFiles(files.filter((f) => !f.path.endsWith('.prj')));
    expect(r.layers).toEqual([]);
    expect(r.pending).toHaveLength(1);
    expect(r.pending[0]!.description).toMatchObject({ featureCount: 0, bboxNative: null, firstRows: [] });
  });

  it('records that exist but cannot be used stay an error (layer.noFeatures)', async () => {
    // No shapes, but the .dbf holds three rows: a broken pair, not an empty layer.
    const r = await importFiles([...files.filter((f) => !f.path.endsWith('.dbf')), { path: 'empty.dbf', bytes: fixtureBytes('shp/zone39_prj.dbf') }]);
    expect(r.layers).toEqual([]);
    expect(r.failed[0]!.issues.map((i) => [i.code, i.severity])).toContainEqual(['layer.noFeatures', 'error']);
  });
});

describe('importFiles: a CRS that cannot be decided is pending, with what could be read', () => {
  it('6-digit eastings without .prj (fixture): fields, rows, encoding, native extent as GDAL says', async () => {
    const gdal = ogrinfoSummary(`${FIXTURES}no_prj_6digit.shp`);
    expect(gdal.srsUnknown).toBe(true);
    const r = await importFiles(fixtureFiles('no_prj_6digit', ['shp', 'shx', 'dbf', 'cpg']));
    expect(r.layers).toEqual([]);
    expect(r.failed).toEqual([]);
    const [p] = r.pending;
    expect(p?.crsGuess?.reason).toBe('no-prj-6-digit-easting');
    // The candidates: CGCS2000 3° zones without prefix, CM 75–135°E (EPSG:4534–4554).
    expect(p?.crsGuess?.candidates.map((c) => c.epsg)).toEqual(Array.from({ length: 21 }, (_, i) => 4534 + i));
    const d = p!.description!;
    expect(d.featureCount).toBe(gdal.featureCount);
    expect(d.bboxNative).toEqual(gdal.extent);
    expect(asOgr(d.fields)).toEqual(gdal.fields);
    expect(d.geometryKind).toBe('polygon');
    expect(d.encoding).toMatchObject({ encoding: 'utf-8', source: 'cpg' });
    expect(d.firstRows).toEqual([
      { DLMC: '旱地', TBBH: '0001', TBMJ: 2500 },
      { DLMC: '永久基本农田', TBBH: '0002', TBMJ: 1600 },
      { DLMC: '农村宅基地', TBBH: '0003', TBMJ: 900 },
    ]);
    expect(d.issues).toEqual([]);
  });

  it('ae102 Polygon (real, no .prj, northing ≈ 0): described from its bytes, GBK by LDID', async () => {
    const gdal = ogrinfoSummary(`${REAL_DATA}/ae102-demo/Polygon.shp`);
    const r = await importFiles(['shp', 'shx', 'dbf'].map((e) => ({ path: `Polygon.${e}`, bytes: realBytes(`ae102-demo/Polygon.${e}`) })));
    const [p] = r.pending;
    expect(p?.crsGuess?.reason).toBe('no-prj-unrecognised');
    const d = p!.description!;
    expect(d.featureCount).toBe(gdal.featureCount); // 5
    expect(d.bboxNative!.map((v) => Math.round(v * 1e6) / 1e6)).toEqual(gdal.extent); // (499205.304430, -749.934517) - (500969.925417, 477.844435)
    expect(asOgr(d.fields)).toEqual(gdal.fields); // Id Integer (9.0), Width Real (19.11), YSDM String (254.0)
    expect(d.encoding).toMatchObject({ encoding: 'gbk', source: 'ldid' });
    expect(d.firstRows[0]).toEqual({ Id: 0, Width: 15, YSDM: '1' });
  });
});
