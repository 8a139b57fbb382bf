import { describe, expect, it } from 'vitest';
import { fixtureBundle, realBytes } from '../../../tests/fixtures/read-fixture';
import { detectEncoding } from './detect';

function detect(name: string) {
  const b = fixtureBundle(name);
  const input: Parameters<typeof detectEncoding>[0] = { dbfBytes: b.dbf as Uint8Array, dbfPath: `${name}.dbf` };
  if (b.cpg !== undefined) input.cpgText = b.cpg;
  return detectEncoding(input);
}

describe('detectEncoding: .cpg, then LDID, then content', () => {
  it('GBK flagged by LDID 0x4D only', () => {
    const r = detect('gbk_ldid');
    expect(r.info).toEqual({ encoding: 'gbk', source: 'ldid', ldid: 0x4d });
    expect(r.issues).toEqual([]);
  });

  it("ArcGIS's bare 936 .cpg (with CRLF)", () => {
    const r = detect('gbk_cpg936');
    expect(r.info).toMatchObject({ encoding: 'gbk', source: 'cpg', cpgDeclared: '936' });
    expect(r.issues).toEqual([]);
  });

  it('UTF-8 with .cpg', () => {
    expect(detect('utf8_cpg').info).toMatchObject({ encoding: 'utf-8', source: 'cpg', cpgDeclared: 'UTF-8' });
  });

  it('UTF-8 without .cpg or LDID: content, with a note that it was assumed', () => {
    const r = detect('utf8_no_cpg');
    expect(r.info).toMatchObject({ encoding: 'utf-8', source: 'content' });
    expect(r.issues.map((i) => i.code)).toEqual(['encoding.assumed']);
  });

  it('a .cpg that says UTF-8 over GBK bytes: the bytes win, with encoding.cpgConflict', () => {
    const r = detect('cpg_lies');
    expect(r.info).toMatchObject({ encoding: 'gbk', source: 'content', cpgDeclared: 'UTF-8' });
    expect(r.issues).toEqual([
      { code: 'encoding.cpgConflict', severity: 'warning', file: 'cpg_lies.dbf', params: { declared: 'UTF-8', used: 'gbk' } },
    ]);
  });

  it('a 936 .cpg over valid multi-byte UTF-8: UTF-8 wins, with encoding.cpgConflict', () => {
    const b = fixtureBundle('utf8_cpg');
    const r = detectEncoding({ dbfBytes: b.dbf as Uint8Array, cpgText: '936', dbfPath: 'x.dbf' });
    expect(r.info.encoding).toBe('utf-8');
    expect(r.issues[0]?.code).toBe('encoding.cpgConflict');
  });

  it('LDID "current ANSI" 0x57 over GBK bytes: content wins (Chinese Windows ANSI is 936)', () => {
    const dbf = (fixtureBundle('gbk_ldid').dbf as Uint8Array).slice();
    dbf[29] = 0x57;
    const r = detectEncoding({ dbfBytes: dbf });
    expect(r.info.encoding).toBe('gbk');
    expect(r.issues[0]).toMatchObject({ code: 'encoding.assumed', params: { used: 'gbk', evidence: 'ldid:0x57' } });
  });

  it('an unreadable .cpg falls through to the LDID', () => {
    const b = fixtureBundle('gbk_ldid');
    expect(detectEncoding({ dbfBytes: b.dbf as Uint8Array, cpgText: 'xyz' }).info).toMatchObject({ encoding: 'gbk', source: 'ldid' });
  });

  it('ASCII-only, nothing declared → utf-8 by default, no warning', () => {
    const dbf = realBytes('ae102-demo/DLTB.dbf').slice();
    dbf[29] = 0;
    const r = detectEncoding({ dbfBytes: dbf });
    expect(r.info).toMatchObject({ encoding: 'utf-8', source: 'default' });
    expect(r.issues).toEqual([]);
    expect(r.needsUser).toBe(false);
  });

  it('real ae102 DLTB: GBK via LDID 0x4D', () => {
    expect(detectEncoding({ dbfBytes: realBytes('ae102-demo/DLTB.dbf') }).info).toMatchObject({ encoding: 'gbk', source: 'ldid', ldid: 0x4d });
  });

  it('real banzhucun: UTF-8 via .cpg', () => {
    const r = detectEncoding({ dbfBytes: realBytes('banzhucun/斑竹村10000.dbf'), cpgText: 'UTF-8' });
    expect(r.info).toMatchObject({ encoding: 'utf-8', source: 'cpg' });
    expect(r.issues).toEqual([]);
  });

  it('empty or tiny bytes never throw', () => {
    expect(() => detectEncoding({ dbfBytes: new Uint8Array(0) })).not.toThrow();
    expect(detectEncoding({ dbfBytes: new Uint8Array(0) }).info.source).toBe('default');
  });
});
