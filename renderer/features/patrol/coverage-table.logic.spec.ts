import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea, type NewGridArea } from '../../../shared/domain/grid/area-record';
import type { CellCoverage } from '../../../shared/domain/patrol/coverage';
import {
  coverageFeatures,
  coverageRows,
  DEFAULT_THRESHOLDS,
  isCovered,
  overridesFor,
  patrolUnits,
  sortCoverageRows,
  tickedIds,
  toggleTick,
} from './coverage-table.logic';

const cell = (id: string, insideMetres: number, insideSeconds: number | null): CellCoverage => ({
  id,
  name: id,
  insideMetres,
  insideSeconds,
  covered: false,
});
const COVERAGE = [cell('c-2', 150, 400), cell('c-10', 260, null), cell('c-1', 40, 60), cell('c-3', 199.9, 299)];
const names = new Map<string, string>();

describe('thresholds', () => {
  it('covered from the metres or the minutes (default 200 m / 5 min), whichever is reached', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ minMetres: 200, minMinutes: 5 });
    expect(COVERAGE.map((c) => isCovered(c, DEFAULT_THRESHOLDS))).toEqual([true, true, false, false]);
    // Raising the metres leaves what time covers; a cell without times is then not covered.
    expect(COVERAGE.map((c) => isCovered(c, { minMetres: 300, minMinutes: 5 }))).toEqual([true, false, false, false]);
    expect(COVERAGE.map((c) => isCovered(c, { minMetres: 100, minMinutes: 1 }))).toEqual([true, true, true, true]);
  });
});

describe('coverageRows', () => {
  it("ticks what is covered, keeps the officer's overrides, adds areas ticked by hand", () => {
    const rows = coverageRows(COVERAGE, DEFAULT_THRESHOLDS, { 'c-2': false, 'c-1': true, other: true }, new Map([['other', '青石村-05']]));
    expect(rows.map((r) => [r.id, r.covered, r.ticked, r.overridden])).toEqual([
      ['c-2', true, false, true],
      ['c-10', true, true, false],
      ['c-1', false, true, true],
      ['c-3', false, false, false],
      ['other', false, true, true],
    ]);
    expect(rows[0]!.insideMinutes).toBeCloseTo(400 / 60, 12);
    expect(rows[1]!.insideMinutes).toBeNull();
    expect(rows[4]).toMatchObject({ name: '青石村-05', insideMetres: 0 });
    expect(tickedIds(rows)).toEqual(['c-10', 'c-1', 'other']);
  });

  it('a threshold change moves the areas the officer did not touch, not the ones he did', () => {
    const overrides = { 'c-3': true };
    const strict = coverageRows(COVERAGE, { minMetres: 1000, minMinutes: 60 }, overrides, names);
    expect(tickedIds(strict)).toEqual(['c-3']);
    const lax = coverageRows(COVERAGE, { minMetres: 10, minMinutes: 1 }, overrides, names);
    expect(tickedIds(lax)).toEqual(['c-2', 'c-10', 'c-1', 'c-3']);
  });

  it('toggling back to what the thresholds say removes the override', () => {
    const [row] = coverageRows([cell('c-2', 300, null)], DEFAULT_THRESHOLDS, {}, names);
    const off = toggleTick({}, row!);
    expect(off).toEqual({ 'c-2': false });
    const [again] = coverageRows([cell('c-2', 300, null)], DEFAULT_THRESHOLDS, off, names);
    expect(toggleTick(off, again!)).toEqual({});
  });

  it('a stored patrol reopens with exactly its stored areas ticked', () => {
    const stored = ['c-10', 'c-1', 'far'];
    const o = overridesFor(stored, COVERAGE, DEFAULT_THRESHOLDS);
    expect(o).toEqual({ 'c-2': false, 'c-1': true, far: true });
    expect(tickedIds(coverageRows(COVERAGE, DEFAULT_THRESHOLDS, o, names)).sort()).toEqual([...stored].sort());
  });
});

describe('sortCoverageRows', () => {
  const rows = coverageRows(COVERAGE, DEFAULT_THRESHOLDS, {}, names);
  it('by metres, minutes (no time last going down), covered, name with numbers by value', () => {
    expect(sortCoverageRows(rows, 'metres', true).map((r) => r.id)).toEqual(['c-10', 'c-3', 'c-2', 'c-1']);
    expect(sortCoverageRows(rows, 'metres', false).map((r) => r.id)).toEqual(['c-1', 'c-2', 'c-3', 'c-10']);
    expect(sortCoverageRows(rows, 'minutes', true).map((r) => r.id)).toEqual(['c-2', 'c-3', 'c-1', 'c-10']);
    expect(sortCoverageRows(rows, 'covered', true).map((r) => r.id)).toEqual(['c-2', 'c-10', 'c-1', 'c-3']);
    expect(sortCoverageRows(rows, 'name', false).map((r) => r.id)).toEqual(['c-1', 'c-2', 'c-3', 'c-10']);
    expect(rows.map((r) => r.id)).toEqual(['c-2', 'c-10', 'c-1', 'c-3']); // not sorted in place
  });
});

const edit = { at: 1_700_000_000_000, by: 'test' };
function area(init: NewGridArea): GridArea {
  const r = createGridArea(init, edit);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}
const square = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

describe('patrolUnits and the map features', () => {
  const town = area({ id: 'T', level: 'township', parentId: null, name: '石桥镇', geometry: square(117, 35, 0.05) });
  const v1 = area({ id: 'V1', level: 'village', parentId: 'T', name: '青石村', geometry: square(117, 35, 0.02) });
  const v2 = area({ id: 'V2', level: 'village', parentId: 'T', name: '柳河村', geometry: square(117.02, 35, 0.02) });
  const c1 = area({ id: 'C1', level: 'cell', parentId: 'V1', name: '青石村-01', geometry: square(117, 35) });
  const c2 = area({ id: 'C2', level: 'cell', parentId: 'V1', name: '青石村-02', geometry: square(117.01, 35) });
  it('are the cells, and villages not divided into cells', () => {
    expect(patrolUnits([town, v1, v2, c1, c2]).map((a) => a.id)).toEqual(['V2', 'C1', 'C2']);
  });
  it('split into covered (green) and open (red) by the ticks', () => {
    const f = coverageFeatures(patrolUnits([town, v1, v2, c1, c2]), new Set(['C2']));
    expect(f.covered.features.map((x) => x.properties)).toEqual([{ fid: 2, id: 'C2', name: '青石村-02', covered: true }]);
    expect(f.open.features.map((x) => x.properties?.id)).toEqual(['V2', 'C1']);
  });
});
