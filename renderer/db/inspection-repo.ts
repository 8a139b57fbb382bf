/**
 * Plot inspections (shared/domain/inspection/inspection-record.ts): every read through the record's restore (an
 * unreadable record is skipped with a console warning), every user action ONE strict-durability transaction
 * (README Decision 7), and every change made from the STORED record — so its history is the stored chain plus one
 * entry, whatever the caller hands in; a history the caller rewrote is never taken. A record is never removed.
 *
 * - a new record gets its number (the office's pattern, numbering.ts) in the transaction that stores it, after
 *   every number already stored (unreadable records' numbers too: a number is never given twice);
 * - a draft's save, a submission (refused with the form's issues when they stop it), an amendment (with a reason)
 *   and a status move each go through the record module, which refuses what its rules refuse (a named reason,
 *   nothing written); a failure of IndexedDB itself rejects, and nothing of that action is written;
 * - every write puts the record's summary (shared/domain/inspection/summary-record.ts) in the SAME transaction, so
 *   the 核查 list, which reads only the summaries, never disagrees with a completed save. listInspectionSummaries
 *   rebuilds (once, and stores) the summaries a record lacks, staleInspectionSummaries those whose updatedAt is not
 *   the record's.
 */
import { checkForSubmit, canSubmit, type FormIssue } from '../../shared/domain/inspection/form';
import {
  amendInspection,
  createInspection,
  moveInspectionStatus,
  restoreInspection,
  saveInspectionDraft,
  submitInspection,
  type Inspection,
  type InspectionPatch,
  type NewInspection,
  type SaveRefusal,
  type SaveResult,
} from '../../shared/domain/inspection/inspection-record';
import { nextRecordNumber, DEFAULT_NUMBER_PATTERN } from '../../shared/domain/inspection/numbering';
import type { InspectionStatus } from '../../shared/domain/inspection/status';
import { restoreInspectionSummary, summaryRecordOf, type InspectionSummaryRecord } from '../../shared/domain/inspection/summary-record';
import { localDateOf } from '../../shared/domain/patrol/calendar';
import { fail, ok, type Validation } from '../../shared/validation/validation';
import { getDb, type LandPatrolDb } from './db';
import { readRecord } from './read';

export type InspectionWriteReason = 'notFound' | 'invalid' | 'formIssues' | SaveRefusal;

/** A write's outcome: the stored record, or why nothing was written (with the form's issues for `formIssues`). */
export type InspectionWriteResult = Validation<Inspection, InspectionWriteReason> & { readonly issues?: readonly FormIssue[] };

const restore = (raw: unknown): Inspection | null => readRecord('inspection', raw, restoreInspection);

/** Every stored inspection, newest first. */
export async function listInspections(db: LandPatrolDb = getDb()): Promise<Inspection[]> {
  const out: Inspection[] = [];
  for (const raw of await db.inspections.toArray()) {
    const r = restore(raw);
    if (r) out.push(r);
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** What the list reads: every readable record's summary, and how many of them had to be made from their record. */
export interface SummaryRead {
  summaries: InspectionSummaryRecord[];
  /** Summaries made from their record and stored by this read (missing or unreadable before; stale, for the check). */
  rebuilt: number;
}

const restoreSummary = (raw: unknown): InspectionSummaryRecord | null =>
  readRecord('inspection summary', raw, restoreInspectionSummary, { quiet: true });

/** Makes these records' summaries from the records (restored as every read) and stores them, in one transaction. */
async function rebuildSummaries(ids: readonly string[], db: LandPatrolDb): Promise<InspectionSummaryRecord[]> {
  if (ids.length === 0) return [];
  return db.transaction('rw', db.inspections, db.inspectionSummaries, async () => {
    const made: InspectionSummaryRecord[] = [];
    for (const raw of await db.inspections.bulkGet([...ids])) {
      const r = restore(raw);
      if (r) made.push(summaryRecordOf(r));
    }
    await db.inspectionSummaries.bulkPut(made);
    return made;
  });
}

/**
 * Every stored record's summary (in no particular order), read from the small summary store with two requests (its
 * getAll and the records' keys: no record is read). A record without a readable summary (written before the store
 * existed, or the summary unreadable) has its summary made from the record and stored; an unreadable record is left
 * out, as listInspections leaves it out. A summary without a record is not listed. Whether each summary's updatedAt
 * is still its record's is staleInspectionSummaries' check (a key cursor over 10,000 records costs seconds on a
 * loaded machine, so the list runs it after answering).
 */
export async function listInspectionSummaries(db: LandPatrolDb = getDb()): Promise<SummaryRead> {
  const { raws, ids } = await db.transaction('r', db.inspections, db.inspectionSummaries, async () => {
    const ids = (await db.inspections.toCollection().primaryKeys()) as string[];
    return { raws: await db.inspectionSummaries.toArray(), ids };
  });
  const byId = new Map<string, InspectionSummaryRecord>();
  for (const raw of raws) {
    const s = restoreSummary(raw);
    if (s) byId.set(s.id, s);
  }
  const summaries: InspectionSummaryRecord[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const s = byId.get(id);
    if (s) summaries.push(s);
    else missing.push(id);
  }
  const rebuilt = await rebuildSummaries(missing, db);
  summaries.push(...rebuilt);
  return { summaries, rebuilt: rebuilt.length };
}

/**
 * The check of summaries against their records by the records' `updatedAt` index (keys only, no record read): the
 * summaries whose updatedAt is not their record's (a write that did not come through this repository) are made
 * again from the records and stored; returns those (none when every summary agrees).
 */
export async function staleInspectionSummaries(
  summaries: readonly InspectionSummaryRecord[],
  db: LandPatrolDb = getDb(),
): Promise<InspectionSummaryRecord[]> {
  const stamps = new Map<string, unknown>();
  await db.transaction('r', db.inspections, () =>
    db.inspections.orderBy('updatedAt').eachKey((key, cursor) => stamps.set(cursor.primaryKey as string, key)),
  );
  return rebuildSummaries(
    summaries.filter((s) => stamps.get(s.id) !== s.updatedAt).map((s) => s.id),
    db,
  );
}

export async function getInspection(id: string, db: LandPatrolDb = getDb()): Promise<Inspection | null> {
  return restore(await db.inspections.get(id));
}

/** What a new record needs besides its number, which the repository gives. */
export type NewStoredInspection = Omit<NewInspection, 'number'>;

/**
 * Stores a new draft (待核查) numbered in the office's pattern for the day of `at`, in one transaction. An id already
 * stored, or a record that would not validate, is `invalid` (nothing written).
 */
export async function addInspection(
  init: NewStoredInspection,
  by: string,
  at: number,
  pattern: string = DEFAULT_NUMBER_PATTERN,
  db: LandPatrolDb = getDb(),
): Promise<InspectionWriteResult> {
  return db.transaction('rw', db.inspections, db.inspectionSummaries, async () => {
    if ((await db.inspections.get(init.id)) !== undefined) return fail('invalid', 'id', `an inspection ${init.id} is already stored`);
    const numbers = ((await db.inspections.orderBy('number').keys()) as unknown[]).filter((n): n is string => typeof n === 'string');
    let record: Inspection;
    try {
      record = createInspection({ ...init, number: nextRecordNumber(pattern, localDateOf(at), numbers) }, by, at);
    } catch (e) {
      return fail('invalid', undefined, e instanceof Error ? e.message : String(e));
    }
    await db.inspections.add(record);
    await db.inspectionSummaries.put(summaryRecordOf(record));
    return ok(record);
  });
}

async function changeStored(
  id: string,
  change: (r: Inspection) => SaveResult | { ok: false; reason: 'formIssues'; issues: readonly FormIssue[] },
  db: LandPatrolDb,
): Promise<InspectionWriteResult> {
  return db.transaction('rw', db.inspections, db.inspectionSummaries, async () => {
    const current = restore(await db.inspections.get(id));
    if (!current) return fail('notFound', 'id', id);
    let r: ReturnType<typeof change>;
    try {
      r = change(current);
    } catch (e) {
      return fail('invalid', undefined, e instanceof Error ? e.message : String(e));
    }
    if (!r.ok) return 'issues' in r ? { ...fail(r.reason), issues: r.issues } : fail(r.reason);
    if (r.record !== current) {
      await db.inspections.put(r.record);
      await db.inspectionSummaries.put(summaryRecordOf(r.record));
    }
    return ok(r.record);
  });
}

/** A draft's save from the stored record (one history entry; a patch that changes nothing writes nothing). */
export const saveStoredInspection = (id: string, patch: InspectionPatch, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (r) => saveInspectionDraft(r, patch, by, at), db);

/**
 * The submission: the stored record with `patch` applied (the form's last edits) is checked (form.ts) and, when
 * nothing stops it, saved and submitted in ONE transaction — refused with the issues otherwise, nothing written.
 */
export const submitStoredInspection = (id: string, patch: InspectionPatch, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(
    id,
    (r) => {
      const issues = checkForSubmit({ ...r, ...patch }, at);
      if (!canSubmit(issues)) return { ok: false, reason: 'formIssues', issues };
      const saved = saveInspectionDraft(r, patch, by, at);
      return saved.ok ? submitInspection(saved.record, by, at) : saved;
    },
    db,
  );

/** An amendment of a submitted record, with its reason (the history keeps it). */
export const amendStoredInspection = (id: string, patch: InspectionPatch, reason: string, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (r) => amendInspection(r, patch, reason, by, at), db);

/** A status move (已制止 / 已立案 / 已结案) as status.ts allows it. */
export const moveStoredInspection = (id: string, to: InspectionStatus, reason: string | null, by: string, at: number, db: LandPatrolDb = getDb()) =>
  changeStored(id, (r) => moveInspectionStatus(r, to, by, at, reason), db);
