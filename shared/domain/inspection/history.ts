/**
 * The tamper-evident history of a record that becomes evidence (issue 11 item 5; DOMAIN "Inspections":
 * electronic data is protected by a 完整性校验值). Every save appends an entry — who, when, what kind of save, the
 * field changes, the reason for an amendment — whose `hash` covers the previous entry's hash and the hash of the
 * record's content after the save (photos are in that content by their SHA-256). Change a byte of the content, of
 * an entry, or drop or reorder entries, and `verifyHistory` names the first entry that no longer holds.
 *
 * It proves integrity against silent edits of the stored record, not authorship: whoever can rewrite the whole
 * chain can forge one. The evidence export prints the last hash on paper (and the manifest), which anchors it.
 */
import { canonicalJson, sha256Hex } from './canonical';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export const HISTORY_KINDS = ['created', 'saved', 'submitted', 'amended', 'status'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface HistoryEntry {
  /** 1, 2, 3 …: an entry's place in the chain. */
  seq: number;
  /** Epoch ms. */
  at: number;
  by: string;
  kind: HistoryKind;
  /** Why an amendment or a status move was made; null for the others. */
  reason: string | null;
  changes: FieldChange[];
  /** SHA-256 of the canonical JSON of the record's hashed state after this entry. */
  contentHash: string;
  /** The previous entry's hash; null for the first. */
  prevHash: string | null;
  /** SHA-256 of the canonical JSON of every field above. */
  hash: string;
}

export type HistoryBreak =
  /** An entry's seq is not its place (an entry removed or moved). */
  | 'badSequence'
  /** An entry's prevHash is not the previous entry's hash. */
  | 'brokenLink'
  /** An entry's fields do not give its hash (the entry was edited). */
  | 'entryChanged'
  /** The record's content does not give the last entry's contentHash (the content was edited). */
  | 'contentChanged'
  | 'empty';

export type HistoryCheck = { ok: true; entries: number; lastHash: string } | { ok: false; seq: number; reason: HistoryBreak };

export const contentHashOf = (state: unknown): string => sha256Hex(canonicalJson(state));

const entryHash = (e: Omit<HistoryEntry, 'hash'>): string =>
  sha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      by: e.by,
      kind: e.kind,
      reason: e.reason,
      changes: e.changes,
      contentHash: e.contentHash,
      prevHash: e.prevHash,
    }),
  );

/** The history with one more entry for `state` (the hashed state after the save). Never changes the old entries. */
export function appendEntry(
  history: readonly HistoryEntry[],
  entry: { at: number; by: string; kind: HistoryKind; reason?: string | null; changes: FieldChange[] },
  state: unknown,
): HistoryEntry[] {
  const prev = history[history.length - 1];
  const base: Omit<HistoryEntry, 'hash'> = {
    seq: history.length + 1,
    at: entry.at,
    by: entry.by,
    kind: entry.kind,
    reason: entry.reason ?? null,
    changes: entry.changes,
    contentHash: contentHashOf(state),
    prevHash: prev ? prev.hash : null,
  };
  return [...history, { ...base, hash: entryHash(base) }];
}

/** Checks the chain, and that `state` (the record's hashed state now) is what its last entry recorded. */
export function verifyHistory(history: readonly HistoryEntry[], state: unknown): HistoryCheck {
  if (history.length === 0) return { ok: false, seq: 0, reason: 'empty' };
  let prevHash: string | null = null;
  for (let i = 0; i < history.length; i++) {
    const e = history[i] as HistoryEntry;
    if (e.seq !== i + 1) return { ok: false, seq: i + 1, reason: 'badSequence' };
    if (e.prevHash !== prevHash) return { ok: false, seq: e.seq, reason: 'brokenLink' };
    if (entryHash(e) !== e.hash) return { ok: false, seq: e.seq, reason: 'entryChanged' };
    prevHash = e.hash;
  }
  const last = history[history.length - 1] as HistoryEntry;
  if (contentHashOf(state) !== last.contentHash) return { ok: false, seq: last.seq, reason: 'contentChanged' };
  return { ok: true, entries: history.length, lastHash: last.hash };
}

/** The fields whose values differ between two states (compared as canonical JSON), in the order of `fields`. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: T, fields: readonly (keyof T & string)[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    const a = before[f];
    const b = after[f];
    if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) out.push({ field: f, before: a ?? null, after: b ?? null });
  }
  return out;
}
