/**
 * The day's patrol tasks (shared/domain/patrol/task-record.ts): every read through the record's restore, every user
 * action ONE transaction (README Decision 7). Edits start from the stored record (its history plus one entry); a task is
 * never removed (deletion marks it: a sheet that was handed out stays traceable). A refusal is a named reason.
 */
import type { DateKey } from '../../shared/domain/patrol/calendar';
import {
  amendTask,
  createTask,
  deleteTask,
  restoreDeletedTask,
  restoreTask,
  type NewTask,
  type PatrolTask,
  type TaskPatch,
} from '../../shared/domain/patrol/task-record';
import { fail, ok, type Validation } from '../../shared/validation/validation';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export type TaskWriteReason = 'notFound' | 'exists' | 'invalid';

const restore = (raw: unknown): PatrolTask | null => readRecord('patrol task', raw, restoreTask);
const byCreation = (a: PatrolTask, b: PatrolTask) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt;

/** Every stored task, deleted ones too, by day then creation. */
export async function listTasks(db: LandPatrolDb = getDb()): Promise<PatrolTask[]> {
  return (await db.patrolTasks.toArray())
    .map(restore)
    .filter((t): t is PatrolTask => t !== null)
    .sort(byCreation);
}

/** The tasks of one day (the `date` index), deleted ones too. */
export async function listTasksOfDay(date: DateKey, db: LandPatrolDb = getDb()): Promise<PatrolTask[]> {
  return (await db.patrolTasks.where('date').equals(date).toArray())
    .map(restore)
    .filter((t): t is PatrolTask => t !== null)
    .sort(byCreation);
}

export async function getTask(id: string, db: LandPatrolDb = getDb()): Promise<PatrolTask | null> {
  return restore(await db.patrolTasks.get(id));
}

const attempt = (f: () => PatrolTask): Validation<PatrolTask, TaskWriteReason> => {
  try {
    return ok(f());
  } catch (e) {
    return fail('invalid', undefined, e instanceof Error ? e.message : String(e));
  }
};

export async function addTask(init: NewTask, by: string, at: number, db: LandPatrolDb = getDb()): Promise<Validation<PatrolTask, TaskWriteReason>> {
  return db.transaction('rw', db.patrolTasks, async () => {
    if ((await db.patrolTasks.get(init.id)) !== undefined) return fail('exists', 'id', init.id);
    const r = attempt(() => createTask(init, by, at));
    if (r.ok) await db.patrolTasks.add(r.value);
    return r;
  });
}

async function changeStored(id: string, change: (t: PatrolTask) => PatrolTask, db: LandPatrolDb): Promise<Validation<PatrolTask, TaskWriteReason>> {
  return db.transaction('rw', db.patrolTasks, async () => {
    const current = restore(await db.patrolTasks.get(id));
    if (!current) return fail('notFound', 'id', id);
    const r = attempt(() => change(current));
    if (r.ok && r.value !== current) await db.patrolTasks.put(r.value);
    return r;
  });
}

export const amendStoredTask = (id: string, patch: TaskPatch, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (t) => amendTask(t, patch, by, at), db);

export const deleteStoredTask = (id: string, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (t) => deleteTask(t, by, at), db);

export const restoreStoredTask = (id: string, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (t) => restoreDeletedTask(t, by, at), db);
