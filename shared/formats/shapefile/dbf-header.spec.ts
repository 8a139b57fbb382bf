import { describe, expect, it } from 'vitest';
import { fixtureBundle, realBytes } from '../../../tests/fixtures/read-fixture';
import { completeRecordCount, readDbfHeader } from './dbf-header';

describe('readDbfHeader', () => {
  it('reads counts, lengths, LDID and field layout (ae102 Road.dbf)', () => {
    const r = readDbfHeader(realBytes('ae102-demo/Road.dbf'));
    if (!r.ok) throw new Error(r.reason);
    const h = r.header;
    expect([h.version, h.recordCount, h.headerLength, h.recordLength, h.ldid]).toEqual([3, 11, 129, 76, 0x4d]);
    expect(h.fields.map((f) => [new TextDecoder().decode(f.nameBytes), f.type, f.length, f.decimals, f.offset])).toEqual([
      ['Id', 'N', 6, 0, 1],
      ['Width', 'F', 19, 11, 7],
      ['YSDM', 'C', 50, 0, 26],
    ]);
  });

  it('rejects short, zero-field and inconsistent headers', () => {
    expect(readDbfHeader(new Uint8Array(10))).toEqual({ ok: false, reason: 'short' });
    const b = (fixtureBundle('gbk_ldid').dbf as Uint8Array).slice();
    new DataView(b.buffer).setUint16(10, 5, true); // record length smaller than the fields
    expect(readDbfHeader(b)).toEqual({ ok: false, reason: 'fieldsExceedRecord' });
  });

  it('counts only complete records in a cut file', () => {
    const b = fixtureBundle('gbk_ldid').dbf as Uint8Array;
    const r = readDbfHeader(b);
    if (!r.ok) throw new Error(r.reason);
    expect(completeRecordCount(b, r.header)).toBe(3);
    expect(completeRecordCount(b.subarray(0, b.length - 20), r.header)).toBe(2);
  });
});
