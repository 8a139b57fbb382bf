/**
 * The field-level edit history the patrol-side records share (patrols, patrol areas, day tasks): an append-only
 * list of entries — when, who, what kind of edit, each changed field before and after. One module for the checks and
 * the steps, so the three records keep their histories alike: an edit lists only the fields that changed (a patch
 * that changes nothing is no edit), a deletion and a restoration are entries on `deletedAt`, old entries are never
 * touched. (The inspection record, which becomes evidence on its own, chains its entries by hash: inspection/.)
 */
import { isFiniteNumber, isObject, isString } from '../../validation/guards';

export interface FieldChange<F extends string = string> {
  field: F;
  before: unknown;
  after: unknown;
}

export interface EditEntry<K extends string = string, F extends string = string> {
  /** Epoch ms. */
  at: number;
  /** Who did it (the user's name as the office profile gives it). */
  by: string;
  kind: K;
  /** Field-level diff; empty for 'created'. */
  change: FieldChange<F>[];
}

/** Structural equality of JSON-like values (what records hold); undefined members count as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameValue(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
  }
  return false;
}

/** A guard for the stored entries of one record kind: its entry kinds, its editable fields plus deletedAt. */
export function editEntryGuard<K extends string, F extends string>(
  kinds: readonly K[],
  fields: readonly F[],
): (v: unknown) => v is EditEntry<K, F | 'deletedAt'> {
  const allowed: readonly string[] = [...fields, 'deletedAt'];
  return (v: unknown): v is EditEntry<K, F | 'deletedAt'> =>
    isObject(v) &&
    isFiniteNumber(v.at) &&
    isString(v.by) &&
    kinds.includes(v.kind as K) &&
    Array.isArray(v.change) &&
    v.change.every((c) => isObject(c) && allowed.includes(c.field as string) && 'before' in c && 'after' in c);
}

/**
 * The patch's fields (of `fields`) whose values differ from `old`, each with its value before and after, and the
 * record with them applied (not yet checked, no entry appended). Null when nothing changes.
 */
export function patchChanges<R extends object, F extends keyof R & string>(
  old: R,
  patch: Partial<Pick<R, F>>,
  fields: readonly F[],
): { next: Record<string, unknown>; change: FieldChange<F>[] } | null {
  const change: FieldChange<F>[] = [];
  const next: Record<string, unknown> = { ...(old as Record<string, unknown>) };
  for (const field of fields) {
    if (!(field in patch) || patch[field] === undefined) continue;
    const after = patch[field];
    if (sameValue(old[field], after)) continue;
    change.push({ field, before: old[field], after });
    next[field] = after;
  }
  return change.length === 0 ? null : { next, change };
}

interface Deletable<E> {
  deletedAt: number | null;
  updatedAt: number;
  history: E[];
}

/** The record marked deleted (kept, with its history, one 'deleted' entry more); already deleted: itself. */
export function markDeleted<E extends EditEntry, R extends Deletable<E>>(old: R, by: string, at: number): R {
  if (old.deletedAt !== null) return old;
  const entry = { at, by, kind: 'deleted', change: [{ field: 'deletedAt', before: null, after: at }] } as unknown as E;
  return { ...old, deletedAt: at, updatedAt: at, history: [...old.history, entry] };
}

/** A deleted record brought back (one 'restored' entry more); not deleted: itself. */
export function markRestored<E extends EditEntry, R extends Deletable<E>>(old: R, by: string, at: number): R {
  if (old.deletedAt === null) return old;
  const entry = { at, by, kind: 'restored', change: [{ field: 'deletedAt', before: old.deletedAt, after: null }] } as unknown as E;
  return { ...old, deletedAt: null, updatedAt: at, history: [...old.history, entry] };
}
