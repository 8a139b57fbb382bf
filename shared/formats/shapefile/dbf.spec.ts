import * as shapefile from 'shapefile';
import { describe, expect, it } from 'vitest';
import { fixtureBundle, realBytes } from '../../../tests/fixtures/read-fixture';
import { readDbf } from './dbf';

const dbfOf = (name: string): Uint8Array => fixtureBundle(name).dbf as Uint8Array;

describe('readDbf on fixtures', () => {
  it('GBK text decoded with gbk; numbers typed', () => {
    const r = readDbf(dbfOf('gbk_ldid'), 'gbk_ldid.dbf', 'gbk');
    expect(r.ldid).toBe(0x4d);
    expect(r.fields).toEqual([
      { name: 'DLMC', type: 'C', length: 20, decimals: 0 },
      { name: 'TBBH', type: 'C', length: 8, decimals: 0 },
      { name: 'TBMJ', type: 'N', length: 19, decimals: 4 },
    ]);
    expect(r.rows).toEqual([
      { DLMC: '旱地', TBBH: '0001', TBMJ: 2500 },
      { DLMC: '永久基本农田', TBBH: '0002', TBMJ: 1600 },
      { DLMC: '农村宅基地', TBBH: '0003', TBMJ: 900 },
    ]);
    expect(r.issues).toEqual([]);
  });

  it('UTF-8 text decoded with utf-8', () => {
    expect(readDbf(dbfOf('utf8_cpg'), 'u.dbf', 'utf-8').rows[1]).toEqual({ DLMC: '永久基本农田', TBBH: '0002', TBMJ: 1600 });
  });

  it('GBK text cut mid-character: whole characters kept, dbf.truncatedText names record and field', () => {
    const r = readDbf(dbfOf('cut_gbk'), 'cut_gbk.dbf', 'gbk');
    expect(r.rows.map((x) => x?.['DLMC'])).toEqual(['永久基', '旱地']);
    expect(r.issues).toEqual([
      { code: 'dbf.truncatedText', severity: 'warning', file: 'cut_gbk.dbf', params: { count: 1, record: 1, field: 'DLMC' } },
    ]);
  });

  it('UTF-8 text cut mid-character', () => {
    const r = readDbf(dbfOf('cut_utf8'), 'cut_utf8.dbf', 'utf-8');
    expect(r.rows.map((x) => x?.['DLMC'])).toEqual(['永久', '旱地']);
    expect(r.issues[0]).toMatchObject({ code: 'dbf.truncatedText', params: { count: 1, record: 1 } });
  });

  it('deleted records stay as null rows (pairing by position) and are counted', () => {
    const r = readDbf(dbfOf('damaged'), 'damaged.dbf', 'utf-8');
    expect(r.rows).toHaveLength(4);
    expect(r.rows[3]).toBeNull();
    expect(r.issues).toEqual([{ code: 'dbf.deletedRecords', severity: 'warning', file: 'damaged.dbf', params: { count: 1 } }]);
  });

  it('a truncated .dbf: complete rows + dbf.truncated', () => {
    const b = dbfOf('gbk_ldid');
    const r = readDbf(b.subarray(0, b.length - 20), 't.dbf', 'gbk');
    expect(r.rows).toHaveLength(2);
    expect(r.issues).toEqual([{ code: 'dbf.truncated', severity: 'warning', file: 't.dbf', params: { read: 2, declared: 3 } }]);
  });

  it('bad header → dbf.badHeader; random bytes never throw', () => {
    expect(readDbf(new Uint8Array(12), 'x.dbf', 'gbk').issues[0]?.code).toBe('dbf.badHeader');
    const src = dbfOf('gbk_ldid');
    let seed = 3;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 300; k++) {
      const b = src.slice(0, Math.floor(rand() * src.length) + 1);
      for (let j = 0; j < 4; j++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
      expect(() => readDbf(b, 'fuzz.dbf', 'gbk')).not.toThrow();
    }
  });
});

describe('readDbf on real data', () => {
  it('banzhucun: first row, 10,653 rows, Shape_Area sums to 7,102,035.487 m²', () => {
    const r = readDbf(realBytes('banzhucun/斑竹村10000.dbf'), '斑竹村10000.dbf', 'utf-8');
    expect(r.rows).toHaveLength(10_653);
    expect(r.rows[0]).toMatchObject({ GRID_ID: 'CS-120', DLMC: '旱地' });
    const sum = r.rows.reduce((s, row) => s + ((row?.['Shape_Area'] as number) ?? 0), 0);
    expect(Math.abs(sum - 7_102_035.487)).toBeLessThan(0.001);
    expect(r.issues).toEqual([]);
  });

  // The brief expected Chinese DLMC values in ae102 DLTB; the data has none: DLTB.dbf holds one field,
  // Id N(6), all 0, LDID 0x4D; Polygon/Road hold YSDM '1'…'3' (GDAL 3.6 ogrinfo, 2025). The data wins.
  it('ae102: GBK-flagged tables read as GDAL 3.6 ogrinfo shows them', () => {
    const dltb = readDbf(realBytes('ae102-demo/DLTB.dbf'), 'DLTB.dbf', 'gbk');
    expect(dltb.ldid).toBe(0x4d);
    expect(dltb.fields).toEqual([{ name: 'Id', type: 'N', length: 6, decimals: 0 }]);
    expect(dltb.rows).toEqual(Array.from({ length: 8 }, () => ({ Id: 0 })));
    const road = readDbf(realBytes('ae102-demo/Road.dbf'), 'Road.dbf', 'gbk');
    // Width is F(19,11) written by ArcGIS as "1.50000000000e+001"
    expect(road.rows[0]).toEqual({ Id: 0, Width: 15, YSDM: '1' });
    expect(road.rows.map((x) => x?.['YSDM'])).toEqual(['1', '1', '2', '1', '1', '1', '1', '2', '3', '3', '3']);
    const poly = readDbf(realBytes('ae102-demo/Polygon.dbf'), 'Polygon.dbf', 'gbk');
    expect(poly.rows).toEqual([
      { Id: 0, Width: 15, YSDM: '1' },
      { Id: 0, Width: 5, YSDM: '2' },
      { Id: 0, Width: 10, YSDM: '1' },
      { Id: 0, Width: 5, YSDM: '3' },
      { Id: 0, Width: 5, YSDM: '3' },
    ]);
  });

  it('banzhucun attributes equal the `shapefile` npm package (told utf-8)', async () => {
    const dbf = realBytes('banzhucun/斑竹村10000.dbf');
    const ours = readDbf(dbf, 'b.dbf', 'utf-8').rows;
    const source = await shapefile.openDbf(dbf.buffer.slice(dbf.byteOffset, dbf.byteOffset + dbf.byteLength) as ArrayBuffer, { encoding: 'utf-8' });
    let i = 0;
    let mismatches = 0;
    for (let f = await source.read(); !f.done; f = await source.read(), i++) {
      if (JSON.stringify(f.value) !== JSON.stringify(ours[i])) mismatches++;
    }
    expect(i).toBe(ours.length);
    expect(mismatches).toBe(0);
  });
});
