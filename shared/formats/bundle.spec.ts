import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../tests/fixtures/read-fixture';
import { groupBundles } from './bundle';
import type { InputFile } from './types';

const file = (path: string, fixture?: string): InputFile => ({ path, bytes: fixture ? fixtureBytes(fixture) : new Uint8Array([1]) });

describe('groupBundles', () => {
  it('groups by folder + base name, extensions case-insensitive, Chinese names', () => {
    const r = groupBundles([
      file('UPPER.SHP', 'shp/UPPER.SHP'),
      file('UPPER.SHX', 'shp/UPPER.SHX'),
      file('upper.dbf', 'shp/UPPER.DBF'),
      file('UPPER.PRJ', 'shp/UPPER.PRJ'),
      file('县/永久基本农田.shp'),
      file('县/永久基本农田.shx'),
      file('县/永久基本农田.dbf'),
      file('县/永久基本农田.cpg'),
      file('乡/永久基本农田.shp'),
      file('乡/永久基本农田.shx'),
      file('乡/永久基本农田.dbf'),
      file('UPPER.shp.xml'),
      file('UPPER.sbn'),
    ]);
    expect(r.issues).toEqual([]);
    expect(r.bundles.map((b) => [b.source, b.name, !!b.shx, !!b.dbf, !!b.prj, !!b.cpg, b.issues.length])).toEqual([
      ['UPPER.SHP', 'UPPER', true, true, true, false, 0],
      ['县/永久基本农田.shp', '永久基本农田', true, true, false, true, 0],
      ['乡/永久基本农田.shp', '永久基本农田', true, true, false, false, 0],
    ]);
  });

  it('missing parts, orphans, empty and unsupported files are reported', () => {
    const r = groupBundles([
      file('a.shp'),
      file('b.shp'),
      file('b.shx'),
      file('c.dbf'),
      file('c.prj'),
      { path: 'd.shp', bytes: new Uint8Array(0) },
      file('d.shx'),
      file('d.dbf'),
      file('notes.docx'),
      file('folder\\e.txt'),
    ]);
    const a = r.bundles.find((b) => b.name === 'a');
    expect(a?.issues.map((i) => [i.code, i.severity, i.file])).toEqual([
      ['file.missingShx', 'error', 'a.shp'],
      ['file.missingDbf', 'error', 'a.shp'],
    ]);
    expect(r.bundles.find((b) => b.name === 'b')?.issues.map((i) => i.code)).toEqual(['file.missingDbf']);
    expect(r.bundles.map((b) => b.name).sort()).toEqual(['a', 'b']);
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([
      ['file.unsupported', 'notes.docx'],
      ['file.unsupported', 'folder/e.txt'],
      ['file.missingShp', 'c.dbf'],
      ['file.missingShp', 'c.prj'],
      ['file.empty', 'd.shp'],
    ]);
  });

  it('zips are opened first; their issues come along', () => {
    const r = groupBundles([
      { path: 'gbk_names.zip', bytes: fixtureBytes('zip/gbk_names.zip') },
      { path: 'mixed.zip', bytes: fixtureBytes('zip/mixed.zip') },
      { path: 'nested.zip', bytes: fixtureBytes('zip/nested.zip') },
      { path: 'empty.zip', bytes: new Uint8Array(0) },
    ]);
    expect(r.bundles.map((b) => b.source)).toEqual([
      'gbk_names.zip/县级数据/永久基本农田.shp',
      'mixed.zip/data/地类图斑.SHP',
      'nested.zip/inner.zip/inner/points.shp',
    ]);
    expect(r.bundles.every((b) => b.shx && b.dbf && b.issues.length === 0)).toBe(true);
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([
      ['zip.unsafePath', 'mixed.zip/../evil.shp'],
      ['zip.unsafePath', 'mixed.zip//abs/evil.dbf'],
      ['zip.unsafePath', 'mixed.zip/C:/evil.prj'],
      ['zip.nested', 'nested.zip/inner.zip/inner/deeper.zip'],
      ['file.empty', 'empty.zip'],
    ]);
  });
});
