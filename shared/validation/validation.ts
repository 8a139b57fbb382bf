/**
 * One result type for every validator in the app: what comes in from a file, the database or another process
 * is checked at the boundary and the outcome returned as data, never thrown. A failure names its reason as a
 * string-literal code (each validator declares its own union), so a caller can say it in Chinese or English;
 * `detail` is English for developers (logs, the console). A success may list what was repaired on the way —
 * a repair that is obviously safe (an opacity of 7 read as 1) is made, but never silently.
 */

/** How a value was mended. */
export type RepairCode =
  /** A number outside its range, brought to the nearest bound (opacity 7 → 1, zoom 40 → 24). */
  | 'clamped'
  /** A missing or unusable value, replaced by the default a new record would get. */
  | 'defaulted'
  /** A longitude outside −180…180, brought back into it. */
  | 'wrapped'
  /** A list that held unusable entries: they were dropped, the rest kept. */
  | 'filtered';

export interface Repair {
  /** Where, as a dotted path from the record's root ("opacity", "style.line.widthPx", "meta.fields"). */
  readonly path: string;
  readonly code: RepairCode;
}

export interface Valid<T> {
  readonly ok: true;
  readonly value: T;
  /** Present only when something was repaired. */
  readonly repaired?: readonly Repair[];
}

export interface Invalid<R extends string = string> {
  readonly ok: false;
  readonly reason: R;
  /** The field at fault, as a dotted path, when there is one. */
  readonly path?: string;
  /** English, for developers. */
  readonly detail?: string;
}

export type Validation<T, R extends string = string> = Valid<T> | Invalid<R>;

/** A success; `repaired` is kept only when it lists something, so an untouched value compares equal to `{ ok, value }`. */
export function ok<T>(value: T, repaired?: readonly Repair[]): Valid<T> {
  return repaired !== undefined && repaired.length > 0 ? { ok: true, value, repaired } : { ok: true, value };
}

/** A failure; `path` and `detail` are left out when not given. */
export function fail<R extends string>(reason: R, path?: string, detail?: string): Invalid<R> {
  return { ok: false, reason, ...(path !== undefined ? { path } : {}), ...(detail !== undefined ? { detail } : {}) };
}

/** A failure from a nested validator, its path put under `prefix` ("line" → "style.line"). */
export function within<R extends string>(prefix: string, failure: Invalid<R>): Invalid<R> {
  return { ...failure, path: failure.path !== undefined && failure.path !== '' ? `${prefix}.${failure.path}` : prefix };
}

/** The repairs of a nested validator, their paths put under `prefix` (a repair of the whole value, path '', becomes `prefix`). */
export const repairsWithin = (prefix: string, repaired: readonly Repair[] | undefined): Repair[] =>
  (repaired ?? []).map((r) => ({ path: r.path === '' ? prefix : `${prefix}.${r.path}`, code: r.code }));
