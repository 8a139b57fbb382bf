import { describe, expect, it } from 'vitest';
import { AttributeStore } from '../../data/attribute-store';
import {
  cellText,
  columnsOf,
  compareValues,
  distinctValues,
  featureAttributes,
  nextSort,
  rowsData,
  searchIndex,
  storeStateOf,
  visibleRows,
} from './attributes.logic';

const store = new AttributeStore({
  v: 1,
  fields: ['DLMC', 'TBMJ'],
  fids: [0, 1, 2, 3],
  rows: [
    ['水田', 100],
    ['旱地', 20.5],
    [null, 3],
    ['乔木林地', null],
  ],
  areas: [[100, 101, 3, 39, 117], null, [3, 3, 3, 39, 117], [7, 7, 3, 39, 117]],
  bboxes: [null, [117, 35, 117.01, 35.01], null, null],
});

describe('attribute table', () => {
  const cols = columnsOf(store);
  const idx = searchIndex(store);
  it('adds the three area columns when there are areas', () => {
    expect(cols).toHaveLength(5);
  });
  it('sorts numbers numerically with nulls last', () => {
    expect(visibleRows(store, idx, cols, '', { column: 1, dir: 'asc' })).toEqual([2, 1, 0, 3]);
    expect(visibleRows(store, idx, cols, '', { column: 1, dir: 'desc' })).toEqual([0, 1, 2, 3]);
  });
  it('sorts Chinese by zh-CN collation (pinyin)', () => {
    // 旱 han < 乔 qiao < 水 shui
    expect(visibleRows(store, idx, cols, '', { column: 0, dir: 'asc' })).toEqual([1, 3, 0, 2]);
  });
  it('filters across all fields', () => {
    expect(visibleRows(store, idx, cols, '林', null)).toEqual([3]);
    expect(visibleRows(store, idx, cols, '20.5', null)).toEqual([1]);
  });
  it('compares mixed values deterministically', () => {
    expect(compareValues(1, 'a')).toBeLessThan(0);
    expect(compareValues(null, 'a')).toBeGreaterThan(0);
  });
  it('cycles sort asc → desc → none', () => {
    expect(nextSort(null, 2)).toEqual({ column: 2, dir: 'asc' });
    expect(nextSort({ column: 2, dir: 'asc' }, 2)).toEqual({ column: 2, dir: 'desc' });
    expect(nextSort({ column: 2, dir: 'desc' }, 2)).toBeNull();
  });
  it('sends the rows in view with their cells per column, 亩 from the planar figure, skipping rows it does not have', () => {
    const rows = rowsData(store, cols, [3, 1, 99, -1]);
    expect(rows.map((r) => r.row)).toEqual([3, 1]);
    expect(rows[0]).toEqual({ row: 3, fid: 3, cells: ['乔木林地', null, 7, 7, 7 * 0.0015], bbox: null });
    expect(rows[1]).toEqual({ row: 1, fid: 1, cells: ['旱地', 20.5, null, null, null], bbox: [117, 35, 117.01, 35.01] });
  });
  it('gives a clicked feature its fields, values and both labelled areas, or null for an fid it does not have', () => {
    const f = featureAttributes(store, 0)!;
    expect(f.fields).toEqual(['DLMC', 'TBMJ']);
    expect(f.values).toEqual(['水田', 100]);
    expect(f.area).toMatchObject({ ellipsoidalM2: 100, planarM2: 101, zone: { width: 3, zone: 39, centralMeridian: 117 } });
    expect(f.area!.mu).toBeCloseTo(101 * 0.0015, 12);
    expect(featureAttributes(store, 42)).toBeNull();
  });
  it('writes cells as the identify panel does: fields to 12 significant digits, areas to 0.01 m² and 0.0001 亩', () => {
    expect(cellText(0.00000827459, { kind: 'field', index: 0 })).toBe('0.00000827459');
    expect(cellText(0.1 + 0.2, { kind: 'field', index: 0 })).toBe('0.3');
    expect(cellText(true, { kind: 'field', index: 0 }, ['是', '否'])).toBe('是');
    expect(cellText(666.672400015, { kind: 'area', which: 'planarM2' })).toBe('666.67');
    expect(cellText(1.000008, { kind: 'area', which: 'mu' })).toBe('1.0000');
    expect(cellText(null, { kind: 'area', which: 'mu' })).toBe('');
  });
});

describe('storeStateOf', () => {
  it('reads the version asked for', () => {
    expect(storeStateOf(1, true, 1)).toBe('read');
  });
  it('is stale, not unreadable, when the layer was re-written after the UI read its record', () => {
    expect(storeStateOf(2, true, 1)).toBe('stale');
  });
  it('is gone when the layer or its data is missing, or the version is one the UI cannot have', () => {
    expect(storeStateOf(null, false, 1)).toBe('gone');
    expect(storeStateOf(1, false, 1)).toBe('gone');
    expect(storeStateOf(1, true, 2)).toBe('gone');
  });
});

describe('distinctValues', () => {
  const dltb = new AttributeStore({
    v: 1,
    fields: ['DLBM', 'DLMC'],
    fids: [0, 1, 2, 3, 4, 5],
    rows: [
      ['0101', '水田'],
      ['0103', '旱地'],
      ['0101', '水田'],
      ['0101', '水田 '],
      [' 0103', '旱 地'],
      [null, null],
    ],
    areas: [null, null, null, null, null, null],
    bboxes: [null, null, null, null, null, null],
  });
  it('counts each value (trimmed; null as empty) and gives it its most frequent name', () => {
    expect(distinctValues(dltb, 'DLBM', 'DLMC')).toEqual([
      ['0101', 3, '水田'],
      ['0103', 2, '旱地'],
      ['', 1, null],
    ]);
  });
  it('works without a naming field, and says null for a field the store does not have', () => {
    expect(distinctValues(dltb, 'DLMC', null)).toEqual([
      ['水田', 3, null],
      ['旱地', 1, null],
      ['旱 地', 1, null],
      ['', 1, null],
    ]);
    expect(distinctValues(dltb, 'TBBH', null)).toBeNull();
  });
});
