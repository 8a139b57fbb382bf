/**
 * Patrol areas (巡查区域, shared/domain/patrol/patrol-area-record.ts): every read through the record's restore (an
 * unreadable record is skipped with a console warning), every user action ONE transaction (README Decision 7).
 * Edits start from the STORED record, so its history is the stored history plus one entry; an area is never removed
 * from the store (deletion marks it: patrols and tasks name areas by id). A refusal is a named reason, nothing written.
 */
import {
  amendPatrolArea,
  closeStopNotice,
  createPatrolArea,
  deletePatrolArea,
  restoreDeletedPatrolArea,
  restorePatrolArea,
  type NewPatrolArea,
  type PatrolArea,
  type PatrolAreaPatch,
  type PatrolAreaReason,
} from '../../shared/domain/patrol/patrol-area-record';
import type { DateKey } from '../../shared/domain/patrol/calendar';
import { fail, ok, type Validation } from '../../shared/validation/validation';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export type PatrolAreaWriteReason = PatrolAreaReason | 'notFound' | 'exists';

const restore = (raw: unknown): PatrolArea | null => readRecord('patrol area', raw, restorePatrolArea);

/** Every stored patrol area, deleted ones too (the callers decide what to show), by creation. */
export async function listPatrolAreas(db: LandPatrolDb = getDb()): Promise<PatrolArea[]> {
  return (await db.patrolAreas.toArray())
    .map(restore)
    .filter((a): a is PatrolArea => a !== null)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export async function getPatrolArea(id: string, db: LandPatrolDb = getDb()): Promise<PatrolArea | null> {
  return restore(await db.patrolAreas.get(id));
}

/** Stores a new area (its 'created' entry), or the factory's reason; an id already stored is `exists`. */
export async function addPatrolArea(
  init: NewPatrolArea,
  by: string,
  at: number,
  db: LandPatrolDb = getDb(),
): Promise<Validation<PatrolArea, PatrolAreaWriteReason>> {
  return db.transaction('rw', db.patrolAreas, async () => {
    if ((await db.patrolAreas.get(init.id)) !== undefined) return fail('exists', 'id', init.id);
    const r = createPatrolArea(init, by, at);
    if (!r.ok) return r;
    await db.patrolAreas.add(r.value);
    return ok(r.value);
  });
}

async function changeStored(
  id: string,
  change: (a: PatrolArea) => Validation<PatrolArea, PatrolAreaReason>,
  db: LandPatrolDb,
): Promise<Validation<PatrolArea, PatrolAreaWriteReason>> {
  return db.transaction('rw', db.patrolAreas, async () => {
    const current = restore(await db.patrolAreas.get(id));
    if (!current) return fail('notFound', 'id', id);
    const r = change(current);
    if (!r.ok) return r;
    if (r.value !== current) await db.patrolAreas.put(r.value);
    return ok(r.value);
  });
}

/** An edit of a stored area (name, people, rules, boundary …), its history appended; no change writes nothing. */
export const amendStoredPatrolArea = (id: string, patch: PatrolAreaPatch, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (a) => amendPatrolArea(a, patch, by, at), db);

/** 结案 of a stored stop-notice site on `closedDate`. */
export const closeStoredStopNotice = (id: string, closedDate: DateKey, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (a) => closeStopNotice(a, closedDate, by, at), db);

/** Marks a stored area deleted (it stays, with its history). */
export const deleteStoredPatrolArea = (id: string, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (a) => ok(deletePatrolArea(a, by, at)), db);

/** Brings a deleted area back. */
export const restoreStoredPatrolArea = (id: string, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (a) => ok(restoreDeletedPatrolArea(a, by, at)), db);
