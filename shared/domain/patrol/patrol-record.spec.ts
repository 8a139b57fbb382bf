import { describe, expect, it } from 'vitest';
import {
  amendPatrol,
  createPatrol,
  deletePatrol,
  newPatrolId,
  restoreDeletedPatrol,
  restorePatrol,
  sameValue,
  validatePatrol,
  type Patrol,
} from './patrol-record';

const T0 = Date.UTC(2026, 3, 20, 0, 30); // 08:30 in Beijing
const officers = [
  { name: '王芳', certNo: '鲁执 3701001' },
  { name: '李强', certNo: '' },
];

function morning(): Patrol {
  return createPatrol(
    {
      id: 'P1',
      number: 'XC20260420001',
      startedAt: T0,
      endedAt: T0 + 2 * 3600_000,
      officers,
      areaIds: ['cell-01', 'cell-02'],
      route: [
        [
          [117.1, 36.6, T0],
          [117.11, 36.61, T0 + 600_000],
        ],
      ],
      routeSource: { kind: 'import', file: 'morning.gpx', format: 'gpx', datum: 'wgs84' },
      nothingFound: true,
    },
    '王芳',
    T0 + 3 * 3600_000,
  );
}

describe('createPatrol', () => {
  it('gives a new patrol its defaults and a created entry, and validates as it is', () => {
    const p = morning();
    expect(p).toMatchObject({
      v: 2,
      id: 'P1',
      date: '2026-04-20',
      findings: '',
      measures: '',
      notes: '',
      suspect: { check: '', party: '', contact: '' },
      opinion: '',
      review: '',
      followUp: '',
      attachments: [],
      deletedAt: null,
      createdAt: T0 + 3 * 3600_000,
    });
    expect(p.history).toEqual([{ at: T0 + 3 * 3600_000, by: '王芳', kind: 'created', change: [] }]);
    expect(validatePatrol(p)).toEqual({ ok: true, value: p });
  });

  it('refuses what the form should have refused', () => {
    const base = { id: 'P2', number: 'XC20260420002', startedAt: T0 };
    expect(() => createPatrol({ ...base, endedAt: T0 - 1 }, 'x', T0)).toThrow(/ends before it starts/);
    expect(() => createPatrol({ ...base, number: 'XC1' }, 'x', T0)).toThrow(/badNumber/);
    expect(() => createPatrol({ ...base, officers: [{ name: '', certNo: '' }] }, 'x', T0)).toThrow(/officers/);
    expect(() => createPatrol({ ...base, route: [[[200, 36, null]]] }, 'x', T0)).toThrow(/route/);
    expect(() => createPatrol({ ...base, attachments: [{ name: 'a.jpg', mime: 'image/jpeg', size: 1, sha256: 'ABC' }] }, 'x', T0)).toThrow(
      /attachments/,
    );
  });

  it('makes ids that differ by time and chance', () => {
    expect(newPatrolId(T0, () => 0)).toBe(`P${T0.toString(36)}000000`);
    expect(newPatrolId(T0, () => 0.5)).not.toBe(newPatrolId(T0, () => 0.25));
  });
});

describe('validatePatrol', () => {
  const good = morning();

  it.each([
    ['null', null, 'notObject'],
    ['no version', { ...good, v: undefined }, 'badVersion'],
    ['no id', { ...good, id: '' }, 'missingId'],
    ['a bad number', { ...good, number: 'XC-1' }, 'badNumber'],
    ['no start', { ...good, startedAt: 'morning' }, 'badStartedAt'],
  ])('rejects %s', (_what, raw, reason) => {
    expect(validatePatrol(raw)).toMatchObject({ ok: false, reason });
  });

  it('keeps what is good and lists what it repaired', () => {
    const raw = {
      ...good,
      endedAt: T0 - 5, // before the start
      officers: [...officers, { name: 3 }],
      areaIds: ['cell-01', 'cell-01', ''],
      route: [[[117.1, 36.6, T0], [117.1, 95, null], 'x'], [], 'line'],
      routeSource: { kind: 'import', file: 'a.kml', format: 'kml', datum: 'mars' },
      findings: null,
      nothingFound: 'yes',
      attachments: [{ name: 'a.jpg', mime: 'image/jpeg', size: 10, sha256: 'a'.repeat(64) }, { name: 'b.jpg' }],
      history: [...good.history, { at: 'then' }],
      updatedAt: undefined,
    };
    const r = validatePatrol(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      endedAt: null,
      officers,
      areaIds: ['cell-01'],
      route: [[[117.1, 36.6, T0]]],
      routeSource: null,
      findings: '',
      nothingFound: false,
      attachments: [{ name: 'a.jpg', mime: 'image/jpeg', size: 10, sha256: 'a'.repeat(64) }],
      history: good.history,
      updatedAt: good.createdAt,
    });
    expect(r.repaired).toEqual(
      expect.arrayContaining(
        ['endedAt', 'officers', 'areaIds', 'route', 'routeSource', 'findings', 'nothingFound', 'attachments', 'history', 'updatedAt'].map((path) =>
          expect.objectContaining({ path }),
        ),
      ),
    );
  });

  it('restores only versioned records', () => {
    expect(restorePatrol(good)).toEqual({ ok: true, value: good });
    expect(restorePatrol({ ...good, v: undefined })).toMatchObject({ ok: false, reason: 'badVersion' });
    expect(restorePatrol({ ...good, v: 3 })).toMatchObject({ ok: false, reason: 'badVersion' });
  });

  it('migrates a version-1 record (before the ledger columns) to version 2 with those fields empty, nothing else changed', () => {
    const { suspect: _s, opinion: _o, review: _r, followUp: _f, ...v1 } = { ...good, v: 1 };
    const r = restorePatrol(v1);
    expect(r).toEqual({ ok: true, value: { ...good, suspect: { check: '', party: '', contact: '' }, opinion: '', review: '', followUp: '' } });
    // A version-2 record whose new fields are unusable keeps the patrol, the fields emptied and said so.
    const bad = validatePatrol({ ...good, suspect: { party: 3 }, opinion: null });
    expect(bad.ok && bad.repaired).toEqual([
      { path: 'suspect', code: 'defaulted' },
      { path: 'opinion', code: 'defaulted' },
    ]);
  });
});

describe('amendPatrol', () => {
  it('appends one entry with each changed field before and after, never rewriting the old ones', () => {
    const old = morning();
    const frozenHistory = structuredClone(old.history);
    const at = T0 + 5 * 3600_000;
    const next = amendPatrol(
      old,
      { findings: '杏园村东发现新建地基一处', nothingFound: false, areaIds: ['cell-01', 'cell-02'], notes: undefined },
      '张队',
      at,
    );
    expect(next).not.toBe(old);
    expect(next.findings).toBe('杏园村东发现新建地基一处');
    expect(next.updatedAt).toBe(at);
    expect(next.history.slice(0, 1)).toEqual(frozenHistory);
    expect(next.history[1]).toEqual({
      at,
      by: '张队',
      kind: 'amended',
      change: [
        { field: 'findings', before: '', after: '杏园村东发现新建地基一处' },
        { field: 'nothingFound', before: true, after: false },
      ], // areaIds equal to what was there: not a change
    });
    // The old record is as it was.
    expect(old.findings).toBe('');
    expect(old.history).toEqual(frozenHistory);
    expect(validatePatrol(next)).toEqual({ ok: true, value: next });
  });

  it('returns the patrol itself when nothing changes', () => {
    const old = morning();
    expect(amendPatrol(old, { officers: structuredClone(officers) }, 'x', T0 + 1)).toBe(old);
    expect(amendPatrol(old, {}, 'x', T0 + 1)).toBe(old);
  });

  it('keeps the day in step with the start, in Beijing time', () => {
    const old = morning();
    // 23:30 in Beijing on the 21st is 15:30 UTC.
    const next = amendPatrol(old, { startedAt: Date.UTC(2026, 3, 21, 15, 30), endedAt: Date.UTC(2026, 3, 21, 16, 30) }, 'x', T0 + 1);
    expect(next.date).toBe('2026-04-21');
    expect(next.history.at(-1)!.change.map((c) => c.field)).toEqual(['startedAt', 'endedAt']);
    // A stored day that disagrees with the start is recomputed, and the repair said.
    expect(validatePatrol({ ...old, date: '2026-01-01' })).toEqual({ ok: true, value: old, repaired: [{ path: 'date', code: 'defaulted' }] });
  });

  it('refuses an edit that breaks the record', () => {
    const old = morning();
    expect(() => amendPatrol(old, { endedAt: T0 - 1 }, 'x', T0 + 1)).toThrow(RangeError);
    expect(() => amendPatrol(old, { officers: [{ name: '', certNo: '' }] }, 'x', T0 + 1)).toThrow(RangeError);
  });

  it('keeps a chain of edits in order', () => {
    let p = morning();
    p = amendPatrol(p, { notes: 'a' }, 'u1', T0 + 10);
    p = amendPatrol(p, { notes: 'b' }, 'u2', T0 + 20);
    expect(p.history.map((h) => [h.kind, h.by, h.change.map((c) => `${String(c.before)}→${String(c.after)}`).join()])).toEqual([
      ['created', '王芳', ''],
      ['amended', 'u1', '→a'],
      ['amended', 'u2', 'a→b'],
    ]);
  });
});

describe('deletePatrol', () => {
  it('marks, keeps and can bring back, each step in the history', () => {
    const p = morning();
    const gone = deletePatrol(p, '张队', T0 + 100);
    expect(gone.deletedAt).toBe(T0 + 100);
    expect(gone.history.at(-1)).toEqual({
      at: T0 + 100,
      by: '张队',
      kind: 'deleted',
      change: [{ field: 'deletedAt', before: null, after: T0 + 100 }],
    });
    expect(deletePatrol(gone, 'x', T0 + 200)).toBe(gone);
    const back = restoreDeletedPatrol(gone, '王芳', T0 + 300);
    expect(back.deletedAt).toBeNull();
    expect(back.history.map((h) => h.kind)).toEqual(['created', 'deleted', 'restored']);
    expect(validatePatrol(back)).toEqual({ ok: true, value: back });
  });
});

describe('sameValue', () => {
  it('compares JSON-like values by structure', () => {
    expect(sameValue({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
