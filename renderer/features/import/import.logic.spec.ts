import { describe, expect, it } from 'vitest';
import { crsChoices, fileNameOf, matchBundleFiles, normaliseCollected, progressFraction } from './import.logic';

const f = (path: string) => ({ path });

describe('matchBundleFiles', () => {
  const files = [
    f('county.zip'),
    f('banzhucun/斑竹村10000.shp'),
    f('banzhucun/斑竹村10000.dbf'),
    f('banzhucun/斑竹村10000.cpg'),
    f('Road.shp'),
    f('Road.DBF'),
    f('other.shp'),
  ];
  it('keeps the zip a bundle came from', () => {
    expect(matchBundleFiles('county.zip/JBNT.shp', files)).toEqual([f('county.zip')]);
  });
  it('keeps the loose parts sharing the base path, case-insensitively', () => {
    expect(matchBundleFiles('banzhucun/斑竹村10000.shp', files).map((x) => x.path)).toEqual([
      'banzhucun/斑竹村10000.shp',
      'banzhucun/斑竹村10000.dbf',
      'banzhucun/斑竹村10000.cpg',
    ]);
    expect(matchBundleFiles('Road.shp', files).map((x) => x.path)).toEqual(['Road.shp', 'Road.DBF']);
  });
  it('falls back to the bare file name', () => {
    expect(matchBundleFiles('斑竹村10000.shp', files)).toHaveLength(3);
  });
});

describe('import helpers', () => {
  it('drops duplicates, index files and stray files', () => {
    const blob = new Uint8Array(1);
    expect(
      normaliseCollected([
        { path: 'a\\b.shp', data: blob },
        { path: 'a/b.shp', data: blob },
        { path: 'a/b.sbn', data: blob },
        { path: 'photo.jpg', data: blob },
      ]).map((x) => x.path),
    ).toEqual(['a/b.shp']);
  });
  it('computes progress and names', () => {
    expect(progressFraction({ done: 5, total: 10 })).toBe(0.5);
    expect(progressFraction({ done: 5, total: 0 })).toBeNull();
    expect(fileNameOf('a.zip/b/JBNT.shp')).toBe('JBNT.shp');
  });
  it('lists CRS candidates with an EPSG code', () => {
    const c = (epsg: number | null, label: string) => ({
      epsg,
      label,
      source: 'coordinates' as const,
      datum: 'CGCS2000' as const,
      kind: 'projected' as const,
      proj4: '',
    });
    expect(
      crsChoices({
        source: 's',
        name: 'n',
        crsGuess: { kind: 'ask-user', reason: 'no-prj-6-digit-easting', candidates: [c(4548, 'CM 117E'), c(null, '?')], warnings: [] },
      }),
    ).toEqual([{ epsg: 4548, label: 'CM 117E' }]);
  });
});
