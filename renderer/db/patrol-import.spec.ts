import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { amendPatrol, createPatrol } from '../../shared/domain/patrol/patrol-record';
import { LandPatrolDb } from './db';
import { addPatrol, importPatrols, listPatrols, planPatrolImport } from './patrol-repo';

const fresh = () => new LandPatrolDb('patrol-import', { indexedDB: new IDBFactory(), IDBKeyRange });
const at = Date.parse('2026-11-03T01:00:00Z');
const a = amendPatrol(
  createPatrol({ id: 'P1', number: 'XC20261103001', startedAt: at, findings: '新建地基' }, '王芳', at),
  { notes: '已拍照' },
  '王芳',
  at + 1,
);
const b = createPatrol({ id: 'P2', number: 'XC20261103002', startedAt: at + 3600_000, nothingFound: true }, '李强', at);

describe('importPatrols', () => {
  it('stores the records with their numbers and histories; the same file again stores nothing', async () => {
    const db = fresh();
    const r = await importPatrols([a, b], db);
    expect(r.ok && [r.value.added.length, r.value.same.length]).toEqual([2, 0]);
    expect(await listPatrols(db)).toEqual([a, b]);
    const again = await importPatrols([a, b], db);
    expect(again.ok && [again.value.added.length, again.value.same.length]).toEqual([0, 2]);
    // A patrol added here afterwards takes the next number of the day: imported numbers are never given again.
    const c = await addPatrol({ id: 'P3', startedAt: at }, '王芳', at, db);
    expect(c.ok && c.value.number).toBe('XC20261103003');
  });

  it('a stored patrol with other content is a conflict: refused with its id, nothing written', async () => {
    const db = fresh();
    await importPatrols([a], db);
    const changed = { ...a, findings: '改过的记录' };
    expect(await planPatrolImport([changed, b], db)).toMatchObject({ added: [b], same: [], conflicts: [{ incoming: changed }] });
    expect(await importPatrols([b, changed], db)).toMatchObject({ ok: false, reason: 'conflict', id: 'P1' });
    expect((await listPatrols(db)).map((p) => p.id)).toEqual(['P1']);
  });

  it('an invalid record or a repeated id is refused before anything is written', async () => {
    const db = fresh();
    expect(await importPatrols([b, { ...a, number: 'bad' }], db)).toMatchObject({ ok: false, reason: 'invalid', id: 'P1' });
    expect(await importPatrols([a, a], db)).toMatchObject({ ok: false, reason: 'duplicateInBatch' });
    expect(await listPatrols(db)).toEqual([]);
  });
});
