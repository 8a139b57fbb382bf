import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { DateKey } from './calendar';
import {
  amendPatrolArea,
  closeStopNotice,
  createPatrolArea,
  deletePatrolArea,
  isOpenSite,
  newPatrolAreaId,
  restoreDeletedPatrolArea,
  restorePatrolArea,
  validatePatrolArea,
  type PatrolArea,
} from './patrol-area-record';

const SQUARE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [117.04, 36.66],
      [117.05, 36.66],
      [117.05, 36.67],
      [117.04, 36.67],
      [117.04, 36.66],
    ],
  ],
};
const ZONE = { width: 3 as const, zone: 39, centralMeridian: 117 };
const d = (s: string) => s as DateKey;

const made = (r: ReturnType<typeof createPatrolArea>): PatrolArea => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const park = made(
  createPatrolArea(
    {
      id: 'R1',
      kind: 'keyArea',
      keyAreaKind: '工业集中区',
      name: ' 杏园工业园 ',
      geometry: SQUARE,
      ruleIds: ['default.key-area-weekly', 'default.key-area-weekly'],
    },
    '李晓燕',
    1000,
  ),
);
const site = made(
  createPatrolArea(
    {
      id: 'R2',
      kind: 'stopNoticeSite',
      name: '砖厂违建',
      geometry: SQUARE,
      site: { centre: [117.045, 36.665], radiusMetres: 50 },
      stopNotice: { noticeNo: '历城国土〔2026〕018号', noticeDate: d('2026-11-20'), closedDate: null },
    },
    '李晓燕',
    2000,
  ),
);

describe('createPatrolArea', () => {
  it('stores what the form gave, the zone from the boundary, one created entry, rule ids once', () => {
    expect(park).toMatchObject({
      v: 1,
      id: 'R1',
      kind: 'keyArea',
      keyAreaKind: '工业集中区',
      name: '杏园工业园',
      zone: ZONE,
      corridor: null,
      stopNotice: null,
    });
    expect(park.ruleIds).toEqual(['default.key-area-weekly']);
    expect(park.history).toEqual([{ at: 1000, by: '李晓燕', kind: 'created', change: [] }]);
    expect(park.deletedAt).toBeNull();
  });

  it('refuses, by name, what a kind needs and the form did not give', () => {
    const no = (init: Parameters<typeof createPatrolArea>[0]) => {
      const r = createPatrolArea(init, 'x', 1);
      return r.ok ? 'ok' : r.reason;
    };
    expect(no({ id: 'a', kind: 'keyArea', name: '园区', geometry: SQUARE })).toBe('badKeyAreaKind');
    expect(no({ id: 'a', kind: 'corridor', name: '河道', geometry: SQUARE })).toBe('badCorridor');
    expect(
      no({
        id: 'a',
        kind: 'corridor',
        name: '河道',
        geometry: SQUARE,
        corridor: {
          centreLine: {
            type: 'LineString',
            coordinates: [
              [117, 36],
              [117.1, 36],
            ],
          },
          widthMetres: 0,
        },
      }),
    ).toBe('badCorridor');
    expect(no({ id: 'a', kind: 'stopNoticeSite', name: '砖厂', geometry: SQUARE })).toBe('badStopNotice');
    expect(
      no({
        id: 'a',
        kind: 'stopNoticeSite',
        name: '砖厂',
        geometry: SQUARE,
        stopNotice: { noticeNo: '', noticeDate: d('2026-11-20'), closedDate: d('2026-11-19') },
      }),
    ).toBe('badStopNotice');
    expect(no({ id: 'a', kind: 'other', name: '  ', geometry: SQUARE })).toBe('missingName');
    expect(
      no({
        id: 'a',
        kind: 'other',
        name: '区',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [117, 36],
              [117.1, 36],
              [117, 36],
            ],
          ],
        },
      }),
    ).toBe('badGeometry');
    expect(() => createPatrolArea({ id: '', kind: 'other', name: '区', geometry: SQUARE }, 'x', 1)).toThrow(RangeError);
  });

  it('a corridor keeps its centre line and width', () => {
    const c = made(
      createPatrolArea(
        {
          id: 'R3',
          kind: 'corridor',
          name: '小清河',
          geometry: SQUARE,
          corridor: {
            centreLine: {
              type: 'LineString',
              coordinates: [
                [117.04, 36.66, 12],
                [117.05, 36.67],
              ],
            },
            widthMetres: 60,
          },
        },
        'x',
        1,
      ),
    );
    expect(c.corridor).toEqual({
      centreLine: {
        type: 'LineString',
        coordinates: [
          [117.04, 36.66],
          [117.05, 36.67],
        ],
      },
      widthMetres: 60,
    });
  });

  it('ids are R + time + six base-36 digits', () => {
    expect(newPatrolAreaId(36 ** 3, () => 0.5)).toMatch(/^R1000[0-9a-z]{6}$/);
  });
});

describe('edits append to the history', () => {
  it('an amendment lists each changed field before and after and leaves the old record untouched', () => {
    const r = amendPatrolArea(
      park,
      { name: '杏园工业集中区', notes: '东扩', people: [{ name: '王强', role: '负责人', lawEnforcementCertNo: '', phone: '' }] },
      '王强',
      3000,
    );
    expect(r.ok).toBe(true);
    const next = (r as { value: PatrolArea }).value;
    expect(next.history).toHaveLength(2);
    expect(next.history[0]).toBe(park.history[0]);
    expect(next.history[1]).toMatchObject({ at: 3000, by: '王强', kind: 'amended' });
    expect(next.history[1]!.change.map((c) => [c.field, c.before, c.after])).toEqual([
      ['name', '杏园工业园', '杏园工业集中区'],
      ['people', [], [{ name: '王强', role: '负责人', lawEnforcementCertNo: '', phone: '' }]],
      ['notes', '', '东扩'],
    ]);
    expect(park.name).toBe('杏园工业园');
    expect(park.history).toHaveLength(1);
    expect(amendPatrolArea(park, { name: '杏园工业园' }, 'x', 4000)).toEqual({ ok: true, value: park }); // nothing changed
  });

  it('结案 closes the site with a day, recorded as closed; a day before the notice is refused', () => {
    const closed = closeStopNotice(site, d('2026-12-01'), '李晓燕', 5000);
    expect(closed.ok && closed.value.stopNotice).toEqual({ noticeNo: '历城国土〔2026〕018号', noticeDate: '2026-11-20', closedDate: '2026-12-01' });
    expect(closed.ok && closed.value.history.at(-1)?.kind).toBe('closed');
    expect(closeStopNotice(site, d('2026-11-01'), 'x', 1)).toMatchObject({ ok: false, reason: 'badStopNotice' });
    expect(closeStopNotice(park, d('2026-12-01'), 'x', 1)).toMatchObject({ ok: false, reason: 'badStopNotice' });
    expect(isOpenSite(site, d('2026-11-30'))).toBe(true);
    expect(isOpenSite(site, d('2026-11-19'))).toBe(false);
    expect(closed.ok && isOpenSite(closed.value, d('2026-12-01'))).toBe(false);
    expect(closed.ok && isOpenSite(closed.value, d('2026-11-30'))).toBe(true);
  });

  it('deletion marks and keeps the record; restoring brings it back; both are history', () => {
    const gone = deletePatrolArea(park, 'x', 6000);
    expect(gone.deletedAt).toBe(6000);
    expect(gone.history.at(-1)).toEqual({ at: 6000, by: 'x', kind: 'deleted', change: [{ field: 'deletedAt', before: null, after: 6000 }] });
    expect(deletePatrolArea(gone, 'x', 7000)).toBe(gone);
    const back = restoreDeletedPatrolArea(gone, 'y', 8000);
    expect(back.deletedAt).toBeNull();
    expect(back.history.map((h) => h.kind)).toEqual(['created', 'deleted', 'restored']);
    expect(restorePatrolArea(JSON.parse(JSON.stringify(gone)))).toEqual({ ok: true, value: gone });
  });
});

describe('restorePatrolArea (every read)', () => {
  it('reads back exactly what was written', () => {
    for (const a of [park, site]) expect(restorePatrolArea(JSON.parse(JSON.stringify(a)))).toEqual({ ok: true, value: a });
  });

  it('repairs what is only incomplete, and says so', () => {
    const raw = {
      ...JSON.parse(JSON.stringify(park)),
      zone: undefined,
      corridor: { centreLine: null, widthMetres: 5 }, // another kind's field
      people: [{ name: '李晓燕' }, { role: '网格员' }, 'x'],
      ruleIds: ['a', 'a', 3, ''],
      notes: 7,
      history: [...park.history, { at: 'yesterday', by: 'x', kind: 'amended', change: [] }],
      updatedAt: undefined,
    };
    const r = restorePatrolArea(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.zone).toEqual(ZONE);
    expect(r.value.corridor).toBeNull();
    expect(r.value.people).toEqual([{ name: '李晓燕', role: '负责人', lawEnforcementCertNo: '', phone: '' }]);
    expect(r.value.ruleIds).toEqual(['a']);
    expect(r.value.notes).toBe('');
    expect(r.value.history).toEqual(park.history);
    expect(r.value.updatedAt).toBe(park.createdAt);
    expect(r.repaired!.map((x) => x.path).sort()).toEqual(['corridor', 'history', 'notes', 'people', 'ruleIds', 'updatedAt', 'zone']);
  });

  it('rejects what cannot be a patrol area, each with its reason', () => {
    const base = JSON.parse(JSON.stringify(site)) as Record<string, unknown>;
    const reason = (patch: Record<string, unknown>) => {
      const r = restorePatrolArea({ ...base, ...patch });
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason({ v: undefined })).toBe('badVersion');
    expect(reason({ v: 2 })).toBe('badVersion');
    expect(reason({ id: '' })).toBe('missingId');
    expect(reason({ kind: 'park' })).toBe('badKind');
    expect(reason({ geometry: null })).toBe('badGeometry');
    expect(reason({ zone: { width: 3, zone: 39, centralMeridian: 114 } })).toBe('badZone');
    expect(reason({ stopNotice: { noticeDate: '2026-02-30' } })).toBe('badStopNotice');
    expect(reason({ site: { centre: [117, 36], radiusMetres: -1 } })).toBe('badSite');
    expect(validatePatrolArea('x')).toEqual({ ok: false, reason: 'notObject' });
  });
});
