import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createGridArea, type GridArea } from '../../../shared/domain/grid/area-record';
import { drawnArea, drawnLevelOf, editablePolygon, mergeRecords, nextName, placementRefusal, siblingsOf, splitRecords } from './grid-edit.logic';

const square = (x: number, y: number, d = 0.01): Polygon => ({
  type: 'Polygon',
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
const E0 = { at: 1000, by: '王芳' };
const make = (
  id: string,
  level: GridArea['level'],
  name: string,
  parentId: string | null,
  geometry: Polygon,
  extra: Partial<GridArea> = {},
): GridArea => {
  const r = createGridArea({ id, level, name, parentId, geometry, ...extra }, E0);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const village = make('V', 'village', '青石村', 'T', square(117, 35, 0.02));
const person = { name: '李强', role: '网格员', lawEnforcementCertNo: '鲁370300001', phone: '13900000000' };
const cell = make('C1', 'cell', '青石村-01', 'V', square(117, 35), {
  people: [person],
  duties: '巡查耕地\n制止违建',
  ruleIds: ['weekly' as never],
  keyArea: { kind: '工业集中区' },
});
const cell2 = make('C2', 'cell', '青石村-02', 'V', square(117.01, 35), { people: [person, { ...person, name: '赵敏', lawEnforcementCertNo: '' }] });

describe('drawn areas', () => {
  it('are one level below their parent (a township at the top), in its zone, with a creation entry', () => {
    expect(drawnLevelOf(null)).toBe('township');
    expect(drawnLevelOf(village)).toBe('cell');
    expect(drawnLevelOf(cell)).toBeNull();
    const r = drawnArea({ id: 'N', parent: village, name: ' 新单元 ', geometry: square(117.005, 35.01) }, { at: 2000, by: '王芳' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value).toMatchObject({ level: 'cell', parentId: 'V', name: '新单元', zone: village.zone });
    expect(r.value.history).toEqual([{ at: 2000, by: '王芳', change: 'created', fields: [] }]);
    expect(drawnArea({ id: 'N', parent: cell, name: 'x', geometry: square(117, 35) }, E0)).toMatchObject({ ok: false, reason: 'noLevel' });
  });
  it('are refused outside the parent or over a sibling beyond 1 m², outside first', () => {
    const area = { planarM2: 1, ellipsoidalM2: 1, mu: 0.0015, zone: village.zone! } as never;
    expect(placementRefusal({ area, outsideM2: 0.9, overlaps: [{ id: 'C1', name: '青石村-01', m2: 0.99 }] })).toBeNull();
    expect(placementRefusal({ area, outsideM2: 3, overlaps: [{ id: 'C1', name: '青石村-01', m2: 5 }] })).toEqual({ kind: 'outside', m2: 3 });
    expect(placementRefusal({ area, outsideM2: 0, overlaps: [{ id: 'C1', name: '青石村-01', m2: 5 }] })).toEqual({
      kind: 'overlap',
      name: '青石村-01',
      m2: 5,
    });
  });
  it("are checked against the parent's other children only", () => {
    expect(siblingsOf([village, cell, cell2], 'V', 'C1').map((a) => a.id)).toEqual(['C2']);
    expect(nextName('青石村-01', new Set(['青石村-01-2']))).toBe('青石村-01-3');
  });
});

describe('editable polygons', () => {
  it('are one ring of three distinct vertices with area: not a collapsed boundary, not a multipolygon', () => {
    expect(editablePolygon(cell)).toBe(cell.geometry);
    const p = [116.99452018939589, 35.0397246025844];
    const collapsed: GridArea = { ...cell, geometry: { type: 'Polygon', coordinates: [[p, p, [p[0]!, 35.0397246025845], p]] } };
    expect(editablePolygon(collapsed)).toBeNull();
    expect(editablePolygon({ ...cell, geometry: { type: 'MultiPolygon', coordinates: [cell.geometry!.coordinates as never] } })).toBeNull();
  });
});

describe('a split', () => {
  const pieces = [square(117, 35, 0.008), square(117.008, 35, 0.002)];
  it('keeps the original for the first piece and copies people, duties, rules and key area to the others', () => {
    const r = splitRecords(cell, pieces, ['北片', '南片'], ['C9'], false, { at: 3000, by: '王芳' });
    if (!r.ok) throw new Error(r.reason);
    const [a, b] = r.value;
    expect(a).toMatchObject({ id: 'C1', name: '北片', geometry: pieces[0], people: [person] });
    expect(a!.history.at(-1)).toEqual({ at: 3000, by: '王芳', change: 'edited', fields: ['name', 'geometry'] });
    expect(a!.history).toHaveLength(2);
    expect(b).toMatchObject({
      id: 'C9',
      level: 'cell',
      parentId: 'V',
      name: '南片',
      geometry: pieces[1],
      people: [person],
      duties: cell.duties,
      ruleIds: ['weekly'],
      keyArea: { kind: '工业集中区' },
      zone: cell.zone,
    });
    expect(b!.history).toEqual([{ at: 3000, by: '王芳', change: 'created', fields: [] }]);
    // The copy is a copy: editing one piece's people leaves the other's.
    expect(b!.people[0]).not.toBe(a!.people[0]);
  });
  it('is refused for an area with children, an empty or repeated name, or fewer than two pieces', () => {
    expect(splitRecords(cell, pieces, ['a', 'b'], ['C9'], true, E0)).toMatchObject({ ok: false, reason: 'hasChildren' });
    expect(splitRecords(cell, pieces, ['a', ' '], ['C9'], false, E0)).toMatchObject({ ok: false, reason: 'missingName' });
    expect(splitRecords(cell, pieces, ['a', 'a '], ['C9'], false, E0)).toMatchObject({ ok: false, reason: 'duplicateName' });
    expect(splitRecords(cell, pieces.slice(0, 1), ['a'], [], false, E0)).toMatchObject({ ok: false, reason: 'notSplit' });
  });
});

describe('a merge', () => {
  it('keeps the selected area with the union, both people lists without repeats, both duties and rules, and deletes the other', () => {
    const union = square(117, 35, 0.02);
    const r = mergeRecords(cell, cell2, union, [], { at: 4000, by: '王芳' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.deleteIds).toEqual(['C2']);
    const [kept] = r.value.put;
    expect(kept).toMatchObject({ id: 'C1', geometry: union, duties: cell.duties, keyArea: { kind: '工业集中区' } });
    expect(kept!.people.map((p) => p.name)).toEqual(['李强', '赵敏']);
    expect(kept!.history.at(-1)).toMatchObject({ at: 4000, change: 'edited', fields: ['geometry', 'people'] });
  });
  it("moves the other's children to the kept area and refuses areas of different parents", () => {
    const v2 = make('V2', 'village', '柳河村', 'T', square(117.02, 35, 0.02), { duties: '巡查河道' });
    const child = make('K', 'cell', '柳河村-01', 'V2', square(117.02, 35));
    const r = mergeRecords(village, v2, square(117, 35, 0.04), [child], E0);
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.put.map((a) => [a.id, a.parentId])).toEqual([
      ['V', 'T'],
      ['K', 'V'],
    ]);
    expect(r.value.put[0]!.duties).toBe('巡查河道');
    expect(mergeRecords(cell, village, square(117, 35), [], E0)).toMatchObject({ ok: false, reason: 'notSiblings' });
  });
});
