/**
 * Repaired boundaries through the whole import: figures are those of the boundary GEOS MakeValid makes,
 * checked against shapely's make_valid on the same file (tests/oracles/repair.json, scripts/make-oracles.py).
 */
import { describe, expect, it } from 'vitest';
import oracle from '../../tests/oracles/repair.json';
import { fixtureBytes, realBytes } from '../../tests/fixtures/read-fixture';
import { importFiles } from './import';
import type { InputFile } from './types';

const files = (name: string, exts: string[], read: (p: string) => Uint8Array, dir: string): InputFile[] =>
  exts.map((e) => ({ path: `${name}.${e}`, bytes: read(`${dir}${name}.${e}`) }));

describe('import repairs invalid boundaries the GEOS way and says so', () => {
  it('bowtie fixture: record 2 is repaired to both lobes (shapely 5 000 m², not the 0 m² its shoelace gives)', async () => {
    const r = await importFiles(files('bowtie', ['shp', 'shx', 'dbf', 'prj'], fixtureBytes, 'shp/'));
    const layer = r.layers[0]!;
    expect(layer.issues.filter((i) => i.code.startsWith('geometry.'))).toEqual([
      { code: 'geometry.repaired', severity: 'warning', file: 'bowtie.shp', params: { count: 1, records: '2' } },
    ]);
    for (const ref of oracle.bowtieFixture) {
      const f = layer.features[ref.record - 1]!;
      expect(f.area?.planarM2).toBeCloseTo(ref.area, 6);
      expect(f.area?.ellipsoidalM2).toBeGreaterThan(0);
      expect(f.area?.boundary).toBe(ref.valid ? undefined : 'repaired');
    }
    expect(layer.features[1]!.geometry?.type).toBe('MultiPolygon'); // the two lobes
  });

  it('banzhucun (real, 10 653 parcels, all valid to shapely): nothing repaired, the total is GDAL’s 7 102 035.487 m²', async () => {
    const dir = 'banzhucun/';
    const name = '斑竹村10000';
    const r = await importFiles(files(name, ['shp', 'shx', 'dbf', 'prj', 'cpg'], realBytes, dir));
    const layer = r.layers[0]!;
    expect(layer.issues.map((i) => i.code).filter((c) => c.startsWith('geometry.'))).toEqual([]);
    expect(layer.features.some((f) => f.area?.boundary === 'repaired')).toBe(false);
    const total = layer.features.reduce((s, f) => s + (f.area?.planarM2 ?? 0), 0);
    expect(total).toBeCloseTo(7_102_035.487, 2);
  });
});

describe('repairRecords when GEOS can neither check nor repair a record', () => {
  it('a polygon with a NaN corner in its hole comes in without geometry and is named; the others import', async () => {
    const { repairRecords } = await import('./import');
    const { loadGeometryEngine } = await import('../domain/geometry/engine/load');
    const square = (x: number, s: number) => [
      [x, 0],
      [x + s, 0],
      [x + s, s],
      [x, s],
      [x, 0],
    ];
    const records = [
      {
        index: 0,
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            square(0, 10),
            [
              [2, 2],
              [NaN, 3],
              [3, 3],
              [2, 2],
            ],
          ],
        },
        check: true as const,
      },
      {
        index: 1,
        geometry: {
          type: 'Polygon' as const,
          coordinates: [
            [
              [0, 0],
              [10, 10],
              [10, 0],
              [0, 10],
              [0, 0],
            ],
          ],
        },
        check: true as const,
      },
    ];
    const issues: import('./types').Issue[] = [];
    const repaired = await repairRecords(records, loadGeometryEngine, 'x.shp', issues);
    expect(records[0]!.geometry).toBeNull();
    expect([...repaired]).toEqual([1]);
    expect(issues.map((i) => [i.code, i.params])).toEqual([
      ['geometry.repaired', { count: 1, records: '2' }],
      ['geometry.unrepairable', { count: 1, records: '1' }],
    ]);
  });
});
