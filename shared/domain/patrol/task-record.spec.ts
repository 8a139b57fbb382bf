import { describe, expect, it } from 'vitest';
import type { DateKey } from './calendar';
import { amendTask, createTask, deleteTask, nextPointId, restoreDeletedTask, restoreTask, type PatrolTask } from './task-record';

const d = (s: string) => s as DateKey;
const task = createTask(
  {
    id: 'T1',
    date: d('2026-12-01'),
    officers: [{ name: '李晓燕', certNo: '鲁执 37010001' }],
    areaIds: ['R1', 'A2'],
    points: [
      { id: 'P1', name: 'JCBH 3701122026001', lngLat: [117.05, 36.68], note: '', source: { layerId: 'L1', featureId: 4 } },
      { id: 'P2', name: '砖厂', lngLat: [117.06, 36.67], note: '东侧', source: null },
    ],
    plannedRoute: {
      type: 'LineString',
      coordinates: [
        [117.04, 36.69],
        [117.05, 36.68],
        [117.06, 36.67],
      ],
    },
  },
  '李晓燕',
  1000,
);

describe('task records', () => {
  it('createTask stores what it was given with a created entry, planned', () => {
    expect(task).toMatchObject({
      v: 1,
      id: 'T1',
      date: '2026-12-01',
      status: 'planned',
      notes: '',
      deletedAt: null,
      createdAt: 1000,
      updatedAt: 1000,
    });
    expect(task.history).toEqual([{ at: 1000, by: '李晓燕', kind: 'created', change: [] }]);
    expect(restoreTask(JSON.parse(JSON.stringify(task)))).toEqual({ ok: true, value: task });
  });

  it('createTask throws on what a form must not let through (a caller bug, not data)', () => {
    expect(() => createTask({ id: 'T', date: d('2026-02-30') }, 'x', 1)).toThrow(/badDate/);
    expect(() => createTask({ id: 'T', date: d('2026-12-01'), officers: [{ name: '', certNo: '' }] }, 'x', 1)).toThrow(/officers/);
    expect(() =>
      createTask({ id: 'T', date: d('2026-12-01'), points: [{ id: 'P1', name: '', lngLat: [200, 0], note: '', source: null }] }, 'x', 1),
    ).toThrow(/points/);
  });

  it('amendTask appends one entry with each changed field; done is an amendment of status', () => {
    const moved = amendTask(task, { date: d('2026-12-02'), status: 'done', areaIds: ['R1', 'A2'] }, '王强', 2000);
    expect(moved.history).toHaveLength(2);
    expect(moved.history[1]).toEqual({
      at: 2000,
      by: '王强',
      kind: 'amended',
      change: [
        { field: 'date', before: '2026-12-01', after: '2026-12-02' },
        { field: 'status', before: 'planned', after: 'done' },
      ],
    });
    expect(task.date).toBe('2026-12-01');
    expect(amendTask(task, { notes: '' }, 'x', 3)).toBe(task);
    expect(() => amendTask(task, { date: d('2026-13-01') }, 'x', 3)).toThrow(RangeError);
  });

  it('deletion keeps the task and its history; restore brings it back', () => {
    const gone = deleteTask(task, 'x', 5);
    expect(gone.deletedAt).toBe(5);
    expect(restoreDeletedTask(gone, 'y', 6).history.map((h) => h.kind)).toEqual(['created', 'deleted', 'restored']);
  });

  it('restoreTask repairs what is incomplete and rejects what has no id or day', () => {
    const raw = {
      ...JSON.parse(JSON.stringify(task)),
      officers: [{ name: '李晓燕', certNo: '鲁执 37010001' }, { name: 3 }],
      areaIds: ['R1', 'R1', ''],
      points: [
        ...task.points,
        { id: 'P1', name: 'dup', lngLat: [117, 36], note: '', source: null },
        { id: 'P9', lngLat: [117, 36], source: { layerId: '' } },
      ],
      plannedRoute: { type: 'LineString', coordinates: [[117, 36]] },
      status: 'started',
      notes: null,
    };
    const r = restoreTask(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v: PatrolTask = r.value;
    expect(v.officers).toHaveLength(1);
    expect(v.areaIds).toEqual(['R1']);
    expect(v.points.map((p) => p.id)).toEqual(['P1', 'P2', 'P9']);
    expect(v.points[2]).toEqual({ id: 'P9', name: '', lngLat: [117, 36], note: '', source: null });
    expect(v.plannedRoute).toBeNull();
    expect(v.status).toBe('planned');
    expect(r.repaired!.map((x) => x.path).sort()).toEqual(
      ['areaIds', 'notes', 'officers', 'plannedRoute', 'points', 'points.3.name', 'points.3.note', 'points.3.source', 'status'].sort(),
    );
    expect(restoreTask({ ...raw, id: '' })).toMatchObject({ ok: false, reason: 'missingId' });
    expect(restoreTask({ ...raw, date: '12/01' })).toMatchObject({ ok: false, reason: 'badDate' });
    expect(restoreTask({ ...raw, v: undefined })).toMatchObject({ ok: false, reason: 'badVersion' });
  });

  it('nextPointId numbers after the highest', () => {
    expect(nextPointId([])).toBe('P1');
    expect(nextPointId(task.points)).toBe('P3');
    expect(
      nextPointId([
        { ...task.points[0]!, id: 'P7' },
        { ...task.points[0]!, id: 'x' },
      ]),
    ).toBe('P8');
  });
});
