/**
 * Patrols and patrol rules (shared/domain/patrol): every read through the records' restore (an unreadable record
 * is skipped with a console warning), every user action ONE transaction (README Decision 7).
 *
 * Writes keep the ledger honest whatever the caller hands in:
 * - a new patrol gets its number in the same transaction that stores it (the next serial of its day among the
 *   stored patrols, deleted ones included: a number is never given twice);
 * - an edit or a deletion starts from the STORED record (amendPatrol / deletePatrol), so its history is the stored
 *   history plus one entry; a history the caller rewrote is never taken. A patrol is never removed from the store.
 * A refusal comes back as a named reason, nothing written; a failure of IndexedDB itself rejects.
 */
import {
  amendPatrol,
  createPatrol,
  deletePatrol,
  restoreDeletedPatrol,
  restorePatrol,
  sameValue,
  validatePatrol,
  type NewPatrol,
  type Patrol,
  type PatrolPatch,
} from '../../shared/domain/patrol/patrol-record';
import { localDateOf, type DateKey } from '../../shared/domain/patrol/calendar';
import { nextPatrolNumber } from '../../shared/domain/patrol/patrol-number';
import { DEFAULT_RULES, restorePatrolRule, validatePatrolRule, type PatrolRule, type PatrolRuleReason } from '../../shared/domain/patrol/rule';
import { fail, ok, type Validation } from '../../shared/validation/validation';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export type PatrolWriteReason = 'notFound' | 'invalid';

const restore = (raw: unknown): Patrol | null => readRecord('patrol', raw, restorePatrol);
const restoreRule = (raw: unknown): PatrolRule | null => readRecord('patrol rule', raw, restorePatrolRule);

const restoreAll = <T>(raws: readonly unknown[], one: (raw: unknown) => T | null): T[] => raws.map(one).filter((x): x is T => x !== null);

/** Every patrol, deleted ones too (the ledger's history), ordered by start. */
export async function listPatrols(db: LandPatrolDb = getDb()): Promise<Patrol[]> {
  return restoreAll(await db.patrols.toArray(), restore).sort((a, b) => a.startedAt - b.startedAt);
}

/** The patrols of the days from…to (both included, the `date` index), deleted ones too, ordered by start. */
export async function listPatrolsBetween(from: DateKey, to: DateKey, db: LandPatrolDb = getDb()): Promise<Patrol[]> {
  const raws = await db.patrols.where('date').between(from, to, true, true).toArray();
  return restoreAll(raws, restore).sort((a, b) => a.startedAt - b.startedAt);
}

export async function getPatrol(id: string, db: LandPatrolDb = getDb()): Promise<Patrol | null> {
  return restore(await db.patrols.get(id));
}

/** What a new patrol needs besides its number, which the repository gives. */
export type NewStoredPatrol = Omit<NewPatrol, 'number'>;

/**
 * Stores a new patrol with the next number of its day (XC + yyyyMMdd + serial), in one transaction. Refused
 * (`invalid`, with the factory's message) when the record would not be valid; an id already stored is `invalid` too.
 */
export async function addPatrol(
  init: NewStoredPatrol,
  by: string,
  at: number,
  db: LandPatrolDb = getDb(),
): Promise<Validation<Patrol, PatrolWriteReason>> {
  return db.transaction('rw', db.patrols, async () => {
    if ((await db.patrols.get(init.id)) !== undefined) return fail('invalid', 'id', `a patrol ${init.id} is already stored`);
    const day = localDateOf(init.startedAt);
    // Numbers of the day from the raw records: even one that no longer validates keeps its number taken.
    const numbers = (await db.patrols.where('date').equals(day).toArray()).map((r) => r.number).filter((n): n is string => typeof n === 'string');
    let record: Patrol;
    try {
      record = createPatrol({ ...init, number: nextPatrolNumber(day, numbers) }, by, at);
    } catch (e) {
      return fail('invalid', undefined, e instanceof Error ? e.message : String(e));
    }
    await db.patrols.add(record);
    return ok(record);
  });
}

async function changeStored(id: string, change: (p: Patrol) => Patrol, db: LandPatrolDb): Promise<Validation<Patrol, PatrolWriteReason>> {
  return db.transaction('rw', db.patrols, async () => {
    const current = restore(await db.patrols.get(id));
    if (!current) return fail('notFound', 'id', id);
    let next: Patrol;
    try {
      next = change(current);
    } catch (e) {
      return fail('invalid', undefined, e instanceof Error ? e.message : String(e));
    }
    if (next !== current) await db.patrols.put(next);
    return ok(next);
  });
}

/** An edit of a stored patrol, from the stored record, its history appended; a patch that changes nothing writes nothing. */
export const amendStoredPatrol = (id: string, patch: PatrolPatch, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (p) => amendPatrol(p, patch, by, at), db);

/** Marks a stored patrol deleted (it stays, with its history). */
export const deleteStoredPatrol = (id: string, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (p) => deletePatrol(p, by, at), db);

/** Brings a deleted patrol back. */
export const restoreStoredPatrol = (id: string, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (p) => restoreDeletedPatrol(p, by, at), db);

/** The office's rules as stored. */
export async function listPatrolRules(db: LandPatrolDb = getDb()): Promise<PatrolRule[]> {
  return restoreAll(await db.patrolRules.toArray(), restoreRule);
}

/**
 * A new office's rules: DEFAULT_RULES stored when no rule is, in one transaction; true when it stored them. The
 * patrol feature calls it once, on its first start (an office that later removes every rule is not re-seeded by
 * reads: listPatrolRules never writes).
 */
export async function seedDefaultPatrolRules(db: LandPatrolDb = getDb()): Promise<boolean> {
  return db.transaction('rw', db.patrolRules, async () => {
    if ((await db.patrolRules.count()) > 0) return false;
    await db.patrolRules.bulkPut([...DEFAULT_RULES]);
    return true;
  });
}

/** Stores rules (one editor's save) in one transaction, or none when one is not valid (its id and reason returned). */
export async function putPatrolRules(
  rules: readonly PatrolRule[],
  db: LandPatrolDb = getDb(),
): Promise<Validation<PatrolRule[], PatrolRuleReason> & { readonly id?: string }> {
  const checked: PatrolRule[] = [];
  for (const r of rules) {
    const v = validatePatrolRule(r);
    if (!v.ok) return { ...v, id: String((r as { id?: unknown }).id) };
    checked.push(v.value);
  }
  await db.transaction('rw', db.patrolRules, async () => {
    await db.patrolRules.bulkPut(checked);
  });
  return ok(checked);
}

/** Removes rules. Areas that still name them show them as unknown (compliance's unknownRuleIds), never silently. */
export async function deletePatrolRules(ids: readonly string[], db: LandPatrolDb = getDb()): Promise<void> {
  await db.transaction('rw', db.patrolRules, async () => {
    await db.patrolRules.bulkDelete([...ids]);
  });
}

/** What an import would do with each record of a patrol file: stored already (same content), new, or in conflict. */
export interface PatrolImportPlan {
  added: Patrol[];
  same: Patrol[];
  /** Stored under the same id with other content: never overwritten. */
  conflicts: { incoming: Patrol; stored: Patrol }[];
}

async function planIn(records: readonly Patrol[], db: LandPatrolDb): Promise<PatrolImportPlan> {
  const stored = await db.patrols.bulkGet(records.map((r) => r.id));
  const plan: PatrolImportPlan = { added: [], same: [], conflicts: [] };
  records.forEach((r, i) => {
    const s = readRecord('patrol', stored[i], restorePatrol, { quiet: true });
    if (!s) plan.added.push(r);
    else if (sameValue(s, r)) plan.same.push(r);
    else plan.conflicts.push({ incoming: r, stored: s });
  });
  return plan;
}

/** The import preview: nothing is written. */
export async function planPatrolImport(records: readonly Patrol[], db: LandPatrolDb = getDb()): Promise<PatrolImportPlan> {
  return planIn(records, db);
}

export type PatrolImportReason = 'invalid' | 'conflict' | 'duplicateInBatch';

/**
 * Stores patrols from another office's file AS EXPORTED — their numbers and histories are the ledger's and are not
 * given again — in one transaction: each validated (a record that needs repairs is refused: a file we wrote never
 * holds one), one already stored with the same content skipped, one stored under the same id with other content
 * refused with its id (`conflict`), nothing written then. Returns the plan that was carried out.
 */
export async function importPatrols(
  records: readonly Patrol[],
  db: LandPatrolDb = getDb(),
): Promise<Validation<PatrolImportPlan, PatrolImportReason> & { readonly id?: string }> {
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) return { ...fail('duplicateInBatch' as const, 'id', r.id), id: r.id };
    seen.add(r.id);
    const v = validatePatrol(r);
    if (!v.ok || v.repaired) return { ...fail('invalid' as const, v.ok ? v.repaired?.[0]?.path : v.path, r.number), id: r.id };
  }
  return db.transaction('rw', db.patrols, async () => {
    const plan = await planIn(records, db);
    const first = plan.conflicts[0];
    if (first) return { ...fail('conflict' as const, 'id', `${first.incoming.number}: stored with other content`), id: first.incoming.id };
    if (plan.added.length > 0) await db.patrols.bulkAdd(plan.added);
    return ok(plan);
  });
}
