import { describe, expect, it } from 'vitest';
// Grid area records as a schema-4 database holds them (origin: tests/fixtures/db/README.md).
import fixture from '../../../tests/fixtures/db/grid-areas-v1.json';
import {
  amendGridArea,
  changedFields,
  createGridArea,
  GRID_AREA_RECORD_VERSION,
  isGridAreaId,
  migrateGridArea,
  newGridAreaId,
  restoreGridArea,
  validateGridArea,
  type GridArea,
} from './area-record';

const byId = (id: string): Record<string, unknown> => fixture.gridAreas.find((a) => a.id === id)! as Record<string, unknown>;
const GOOD = ['A0county', 'A0town', 'A0village', 'A0cell01'];

describe('the v1 fixture through restore', () => {
  it('keeps a good record exactly as stored (nothing repaired)', () => {
    for (const id of GOOD) expect(restoreGridArea(byId(id)), id).toEqual({ ok: true, value: byId(id) });
  });

  it('repairs what is obviously repairable and says what it repaired', () => {
    const r = restoreGridArea(byId('repairable'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.value;
    expect(a).toMatchObject({
      v: 1,
      id: 'repairable',
      level: 'cell',
      parentId: 'A0village',
      code: null,
      name: '杏园村-02',
      duties: '',
      keyArea: { kind: '其他' },
      createdAt: 1764590004000,
      updatedAt: 1764590004000,
    });
    expect(a.zone).toEqual({ width: 3, zone: 39, centralMeridian: 117 }); // from the boundary's centre
    expect(a.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [117.105, 36.6],
          [117.11, 36.6],
          [117.11, 36.605],
          [117.105, 36.605],
          [117.105, 36.6],
        ],
      ],
    });
    expect(a.people).toEqual([{ name: '周婷', role: '网格员', lawEnforcementCertNo: '', phone: '' }]);
    expect(a.ruleIds).toEqual(['R-township-2-week']);
    expect(a.history).toEqual([{ at: 1764590004000, by: '李晓燕', change: 'generated', fields: [] }]);
    expect('extra' in a).toBe(false);
    expect(r.repaired).toEqual([
      { path: 'zone', code: 'defaulted' },
      { path: 'people.0', code: 'defaulted' },
      { path: 'people', code: 'filtered' },
      { path: 'duties', code: 'defaulted' },
      { path: 'ruleIds', code: 'filtered' },
      { path: 'keyArea.kind', code: 'defaulted' },
      { path: 'updatedAt', code: 'defaulted' },
      { path: 'history', code: 'filtered' },
    ]);
  });

  it.each([
    ['no-version', 'badVersion', 'v'],
    ['from-the-future', 'badVersion', 'v'],
    ['bad-code', 'codeNotTwelveDigits', 'code'],
    ['village-code-as-township', 'codeLevelMismatch', 'code'],
    ['cell-without-boundary', 'badGeometry', 'geometry'],
    ['open-ring', 'badGeometry', 'geometry.coordinates'],
    ['bad-zone', 'badZone', 'zone.centralMeridian'],
    ['county-with-parent', 'badParent', 'parentId'],
  ])('rejects %s: %s at %s', (id, reason, path) => {
    expect(restoreGridArea(byId(id))).toMatchObject({ ok: false, reason, path });
  });

  it('has nothing to migrate at version 1, and no step from elsewhere', () => {
    expect(migrateGridArea(byId('A0town'), 1)).toEqual({ ok: true, value: byId('A0town') });
    expect(migrateGridArea(byId('A0town'), 0)).toMatchObject({ ok: false, reason: 'badVersion' });
  });
});

describe('validateGridArea', () => {
  const good = byId('A0village');
  it.each([
    ['null', null, 'notObject'],
    ['an array', [], 'notObject'],
    ['no id', { ...good, id: '' }, 'missingId'],
    ['an unknown level', { ...good, level: 'province' }, 'badLevel'],
    ['itself as parent', { ...good, parentId: 'A0village' }, 'badParent'],
    ['a number as parent', { ...good, parentId: 7 }, 'badParent'],
    ['a blank name', { ...good, name: '  ' }, 'missingName'],
    ['a numeric code', { ...good, code: 370112001203 }, 'codeNotTwelveDigits'],
    ['a code on a cell', { ...byId('A0cell01'), code: '370112001203' }, 'codeOnCell'],
    ['a point as boundary', { ...good, geometry: { type: 'Point', coordinates: [117, 36] } }, 'badGeometry'],
  ])('rejects %s', (_what, raw, reason) => {
    expect(validateGridArea(raw)).toMatchObject({ ok: false, reason });
  });

  it('takes a missing parent as none (the top of what the office holds)', () => {
    const { parentId: _drop, ...rest } = good;
    expect(validateGridArea(rest)).toMatchObject({ ok: true, value: { parentId: null } });
  });
});

describe('createGridArea', () => {
  const edit = { at: 1764600000000, by: '李晓燕' };
  const geometry = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [117.1, 36.6],
        [117.11, 36.6],
        [117.11, 36.61],
        [117.1, 36.6],
      ],
    ],
  };

  it('gives a new area its defaults and opens its history, and validates as it is', () => {
    const r = createGridArea({ id: 'A1', level: 'village', parentId: 'A0town', name: '青石村', code: '370112001201', geometry }, edit);
    expect(r).toEqual({
      ok: true,
      value: {
        v: GRID_AREA_RECORD_VERSION,
        id: 'A1',
        level: 'village',
        parentId: 'A0town',
        code: '370112001201',
        name: '青石村',
        geometry,
        zone: { width: 3, zone: 39, centralMeridian: 117 },
        people: [],
        duties: '',
        ruleIds: [],
        keyArea: null,
        createdAt: edit.at,
        updatedAt: edit.at,
        history: [{ at: edit.at, by: '李晓燕', change: 'created', fields: [] }],
      },
    });
    expect(validateGridArea(r.ok && r.value)).toEqual(r);
  });

  it("records how it came about, and keeps only the record's fields", () => {
    const r = createGridArea(
      { id: 'A2', level: 'cell', parentId: 'A0village', name: '杏园村-05', geometry, ...{ extra: 1 } },
      { ...edit, change: 'generated', note: '500 米方格' },
    );
    expect(r.ok && r.value.history).toEqual([{ at: edit.at, by: '李晓燕', change: 'generated', fields: [], note: '500 米方格' }]);
    expect(r.ok && 'extra' in r.value).toBe(false);
  });

  it('says why it refuses what a user typed, and throws on an empty id (a caller bug)', () => {
    expect(createGridArea({ id: 'A3', level: 'township', name: '某镇', code: '37011200100' }, edit)).toMatchObject({
      ok: false,
      reason: 'codeNotTwelveDigits',
    });
    expect(createGridArea({ id: 'A3', level: 'cell', name: '杏园村-09' }, edit)).toMatchObject({ ok: false, reason: 'badGeometry' });
    expect(() => createGridArea({ id: '', level: 'village', name: 'x' }, edit)).toThrow(RangeError);
  });

  it('makes ids that are distinct and branded-valid', () => {
    let k = 0;
    const seq = () => ((k++ * 7) % 36) / 36;
    const a = newGridAreaId(1764600000000, seq);
    const b = newGridAreaId(1764600000000, seq);
    expect(a).toMatch(/^A[0-9a-z]+$/);
    expect(a).not.toBe(b);
    expect(isGridAreaId(a)).toBe(true);
    expect(isGridAreaId('')).toBe(false);
  });
});

describe('amendGridArea: the history is appended, never rewritten', () => {
  const town = restoreGridArea(byId('A0town'));
  const old = (town.ok ? town.value : null) as GridArea;

  it('appends one entry naming the fields that changed', () => {
    const people = [...old.people, { name: '钱多', role: '网格员', lawEnforcementCertNo: '', phone: '13800000009' }];
    const r = amendGridArea(old, { name: '青石镇', people, duties: '每周至少巡查三次' }, { at: 1764700000000, by: '赵磊', note: '换人' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.history.slice(0, old.history.length)).toEqual(old.history); // old entries as they were
    expect(r.value.history.at(-1)).toEqual({ at: 1764700000000, by: '赵磊', change: 'edited', fields: ['people', 'duties'], note: '换人' });
    expect(r.value).toMatchObject({ updatedAt: 1764700000000, createdAt: old.createdAt, people, duties: '每周至少巡查三次' });
    expect(old.history).toHaveLength(2); // the old record is not touched
  });

  it('gives the same record back when nothing changed', () => {
    expect(amendGridArea(old, { name: old.name, people: structuredClone(old.people) }, { at: 1, by: 'x' })).toEqual({ ok: true, value: old });
    expect(changedFields(old, { zone: { width: 3, zone: 39, centralMeridian: 117 } })).toEqual([]);
  });

  it('validates what it makes: a bad code is refused, the old record kept', () => {
    expect(amendGridArea(old, { code: '370112001203' }, { at: 2, by: 'x' })).toMatchObject({ ok: false, reason: 'codeLevelMismatch' });
    const r = amendGridArea(old, { keyArea: { kind: '开发区' } }, { at: 3, by: 'x' });
    expect(r.ok && r.value.history.at(-1)?.fields).toEqual(['keyArea']);
    const cleared = amendGridArea(r.ok ? r.value : old, { keyArea: null }, { at: 4, by: 'x' });
    expect(cleared.ok && [cleared.value.keyArea, cleared.value.history.length]).toEqual([null, 4]);
  });
});
