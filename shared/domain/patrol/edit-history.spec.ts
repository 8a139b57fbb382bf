import { describe, expect, it } from 'vitest';
import { editEntryGuard, markDeleted, markRestored, patchChanges, sameValue } from './edit-history';

interface Rec {
  name: string;
  tags: string[];
  note: string;
  deletedAt: number | null;
  updatedAt: number;
  history: { at: number; by: string; kind: string; change: { field: string; before: unknown; after: unknown }[] }[];
}
const rec: Rec = {
  name: '杏园工业园',
  tags: ['a'],
  note: '',
  deletedAt: null,
  updatedAt: 1,
  history: [{ at: 1, by: '张三', kind: 'created', change: [] }],
};

describe('the shared edit history', () => {
  it('lists only the fields that change, with before and after, and nothing for an unchanged patch', () => {
    expect(patchChanges(rec, { name: '杏园工业园', tags: ['a'] }, ['name', 'tags', 'note'])).toBeNull();
    const e = patchChanges(rec, { name: '杏园园区', tags: ['a'], note: undefined }, ['name', 'tags', 'note']);
    expect(e?.change).toEqual([{ field: 'name', before: '杏园工业园', after: '杏园园区' }]);
    expect(e?.next.name).toBe('杏园园区');
    expect(rec.name).toBe('杏园工业园');
  });

  it('deletes and restores by entries on deletedAt, never touching the old entries', () => {
    const d = markDeleted(rec, '李四', 5);
    expect(d).toMatchObject({ deletedAt: 5, updatedAt: 5 });
    expect(d.history[1]).toEqual({ at: 5, by: '李四', kind: 'deleted', change: [{ field: 'deletedAt', before: null, after: 5 }] });
    expect(d.history[0]).toBe(rec.history[0]);
    expect(markDeleted(d, '李四', 6)).toBe(d);
    const r = markRestored(d, '王五', 7);
    expect(r.history[2]).toEqual({ at: 7, by: '王五', kind: 'restored', change: [{ field: 'deletedAt', before: 5, after: null }] });
    expect(markRestored(rec, '王五', 7)).toBe(rec);
  });

  it('guards stored entries by their kinds and fields, and compares values structurally', () => {
    const ok = editEntryGuard(['created', 'amended'], ['name']);
    expect(ok({ at: 1, by: 'x', kind: 'amended', change: [{ field: 'name', before: 'a', after: 'b' }] })).toBe(true);
    expect(ok({ at: 1, by: 'x', kind: 'amended', change: [{ field: 'deletedAt', before: null, after: 2 }] })).toBe(true);
    expect(ok({ at: 1, by: 'x', kind: 'closed', change: [] })).toBe(false);
    expect(ok({ at: 1, by: 'x', kind: 'amended', change: [{ field: 'other', before: 1, after: 2 }] })).toBe(false);
    expect(ok({ at: 1, by: 'x', kind: 'amended', change: [{ field: 'name', after: 2 }] })).toBe(false);
    expect(sameValue({ a: [1, { b: 2 }], c: undefined }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });
});
