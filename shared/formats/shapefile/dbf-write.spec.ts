import { describe, expect, it } from 'vitest';
import { readWithGdal } from '../../../tests/oracles/read-with-gdal';
import { parseCpg } from '../encoding/cpg';
import { encodeText } from '../encoding/text-encode';
import { readDbf } from './dbf';
import { cpgText, writeDbf, type DbfFieldSpec } from './dbf-write';
import { writePolygonShapefile } from './shp-write';

const FIELDS: DbfFieldSpec[] = [
  { name: '名称', type: 'C' },
  { name: '负责人', type: 'C' },
  { name: '上级名称', type: 'C' },
  { name: '平面面积', type: 'N', decimals: 2 },
  { name: 'COUNT', type: 'N' },
];
const ROWS = [
  ['杏园村-01', '王芳(执法监察员,鲁370300123,13800000000)', '杏园村', 250000.5, 3],
  ['青石村北片', '李强(网格员,,13900000000)；张伟(负责人,鲁370300124,)', '青石村', 1234.56, null],
  ['镕堃喆村', null, null, null, 12],
];
const DATE = { year: 2026, month: 12, day: 1 };
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [117, 36],
      [117.01, 36],
      [117.01, 36.01],
      [117, 36.01],
      [117, 36],
    ],
  ],
};

describe('writeDbf', () => {
  it('writes a dBASE III header our reader takes: version, date, counts, LDID 0x4D for GBK, 0 for UTF-8', () => {
    const g = writeDbf(FIELDS, ROWS, 'gbk', DATE);
    expect([...g.bytes.subarray(0, 4)]).toEqual([0x03, 126, 12, 1]);
    expect(g.bytes[29]).toBe(0x4d);
    expect(g.bytes[g.bytes.length - 1]).toBe(0x1a);
    expect(writeDbf(FIELDS, ROWS, 'utf-8', DATE).bytes[29]).toBe(0);
    // Widths from the data: 名称 is at most 5 GBK characters = 10 bytes; 负责人's longest value has 12 Chinese
    // characters (24 bytes) and 28 ASCII ones; 平面面积 "250000.50" = 9.
    expect(g.fields.map((f) => [f.written, f.length, f.decimals])).toEqual([
      ['名称', 10, 0],
      ['负责人', 52, 0],
      ['上级名称', 6, 0],
      ['平面面积', 9, 2],
      ['COUNT', 2, 0],
    ]);
  });

  for (const encoding of ['gbk', 'utf-8'] as const) {
    it(`${encoding}: read back by our reader with the encoding the .cpg names`, () => {
      const w = writeDbf(FIELDS, ROWS, encoding, DATE);
      const enc = parseCpg(cpgText(encoding)) as string;
      const r = readDbf(w.bytes, 't.dbf', enc);
      expect(r.issues).toEqual([]);
      expect(r.fields.map((f) => f.name)).toEqual(w.fields.map((f) => f.written));
      expect(r.rows).toEqual(ROWS.map((row) => Object.fromEntries(w.fields.map((f, k) => [f.written, row[k] ?? null]))));
    });

    it(`${encoding}: read back by GDAL (the .cpg honoured): Chinese names and values intact`, () => {
      const { shp, shx } = writePolygonShapefile(ROWS.map(() => square));
      const w = writeDbf(FIELDS, ROWS, encoding, DATE);
      const g = readWithGdal({ 't.shp': shp, 't.shx': shx, 't.dbf': w.bytes, 't.cpg': encodeText(cpgText(encoding), 'utf-8').bytes }, 't.shp');
      expect(g.encoding).toBe(encoding === 'gbk' ? 'GBK' : 'UTF-8');
      expect(g.fields.map((f) => [f.name, f.type, f.width, f.precision])).toEqual(
        w.fields.map((f) => [f.written, f.type === 'C' ? 'String' : f.decimals > 0 ? 'Real' : 'Integer', f.length, f.decimals]),
      );
      expect(g.features.map((f) => Object.values(f.properties))).toEqual(ROWS);
    });
  }

  it('an N column of empty values still has room for its decimals', () => {
    const w = writeDbf([{ name: 'A', type: 'N', decimals: 2 }], [[null], [null]], 'gbk', DATE);
    expect(w.fields[0]).toMatchObject({ length: 4, decimals: 2 });
    expect(readDbf(w.bytes, 't.dbf', 'gbk').rows).toEqual([{ A: null }, { A: null }]);
  });

  it('field names: cut to 10 bytes between characters and made unique', () => {
    const w = writeDbf(
      [
        { name: '一二三四五六', type: 'C' },
        { name: '一二三四五七', type: 'C' },
      ],
      [['a', 'b']],
      'gbk',
      DATE,
    );
    expect(w.fields.map((f) => f.written)).toEqual(['一二三四五', '一二三四_2']);
    // UTF-8: 3 bytes a character, so three of them fit.
    expect(writeDbf([{ name: '上级名称', type: 'C' }], [['x']], 'utf-8', DATE).fields[0]!.written).toBe('上级名');
  });

  it('a text over 254 bytes is cut between characters and reported; a character GBK lacks is ? and counted', () => {
    const w = writeDbf([{ name: 'N', type: 'C' }], [['青'.repeat(200)], ['𠀀村']], 'gbk', DATE);
    expect(w.cut).toEqual([{ row: 0, field: 'N' }]);
    expect(w.unmappable).toBe(1);
    const r = readDbf(w.bytes, 't.dbf', 'gbk');
    expect(r.rows[0]).toEqual({ N: '青'.repeat(127) });
    expect(r.rows[1]).toEqual({ N: '?村' });
  });
});
