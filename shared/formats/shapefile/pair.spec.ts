import { describe, expect, it } from 'vitest';
import { fixtureBundle } from '../../../tests/fixtures/read-fixture';
import { readDbf } from './dbf';
import { pairRecords } from './pair';
import { readShp } from './shp';

describe('pairRecords', () => {
  it('equal counts → no issue', () => {
    expect(pairRecords(3, 3, 'a.shp')).toEqual({ paired: 3, skipped: 0, issues: [] });
  });

  it('count_mismatch fixture: .shp 3, .dbf 4 → first 3 paired, 1 skipped, warned', () => {
    const b = fixtureBundle('count_mismatch');
    const shp = readShp(b.shp as Uint8Array, 'count_mismatch.shp');
    const dbf = readDbf(b.dbf as Uint8Array, 'count_mismatch.dbf', 'utf-8');
    expect(pairRecords(shp.recordCount, dbf.rows.length, 'count_mismatch.shp')).toEqual({
      paired: 3,
      skipped: 1,
      issues: [{ code: 'shp.recordCountMismatch', severity: 'warning', file: 'count_mismatch.shp', params: { shp: 3, dbf: 4, skipped: 1 } }],
    });
  });
});
