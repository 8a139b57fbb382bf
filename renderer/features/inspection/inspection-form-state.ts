/**
 * The 核查记录 form outside React: one draft per record opened (so closing the dock, opening another record or a
 * failed write loses nothing typed), the issues shown next to the fields, and the writes — a draft's save, the
 * submission, an amendment with its reason, a status move, a section's patch — each ONE repository call (one
 * strict-durability transaction: renderer/db/inspection-repo.ts). A write IndexedDB refuses (a full disk, any
 * failure) is said naming the record and what was not saved; the form keeps what was typed and can save again.
 */
import { checkForSubmit, canSubmit, type FormIssue } from '../../../shared/domain/inspection/form';
import type { Inspection, InspectionPatch } from '../../../shared/domain/inspection/inspection-record';
import type { InspectionStatus } from '../../../shared/domain/inspection/status';
import { amendStoredInspection, moveStoredInspection, saveStoredInspection, submitStoredInspection, type InspectionWriteResult } from '../../db';
import type { MessageKey, Translate } from '../../i18n';
import { errorReason } from '../../platform/coded-error';
import { createStore } from '../../ui/store';
import type { Workbench } from '../../ui/workbench';
import { changesText, statusKey } from './history-view.logic';
import { draftChanges, draftIssues, draftOf, patchOf, type InspectionDraft } from './inspection-form.logic';
import { currentUserName, openInspectionState, showStoredInspection } from './inspection-session';

export interface InspectionForm {
  id: string;
  draft: InspectionDraft;
  /** A submitted record opened for an amendment (修改（更正）); false: read-only. */
  amending: boolean;
  /** The issues shown next to the fields (after 提交 or an amendment asked for them). */
  issues: readonly FormIssue[];
  /** Bumped to focus the first issue's field. */
  focusTick: number;
  busy: 'save' | 'submit' | 'status' | null;
  /** The last failed write, as said (the record and what was not saved). */
  error: string | null;
}

/** The drafts by record id: kept while the app runs, whichever record the panel shows. */
export const formsState = createStore<Readonly<Record<string, InspectionForm>>>({});

export interface FormCtx {
  wb: Workbench;
  t: Translate;
}

/** Who the history names: the office profile's user, as the start deps give it. */
const userName = currentUserName;

const update = (id: string, fn: (f: InspectionForm) => InspectionForm) => formsState.set((all) => (all[id] ? { ...all, [id]: fn(all[id]) } : all));

const freshForm = (r: Inspection): InspectionForm => ({
  id: r.id,
  draft: draftOf(r),
  amending: false,
  issues: [],
  focusTick: 0,
  busy: null,
  error: null,
});

/** The form of a record, made from it the first time it is shown. */
export function ensureForm(r: Inspection): InspectionForm {
  const f = formsState.get()[r.id];
  if (f) return f;
  const made = freshForm(r);
  formsState.set((all) => ({ ...all, [r.id]: made }));
  return made;
}

/** The form of a record as the panel shows it (its stored draft, or one made from the record, not yet kept). */
export const formOf = (r: Inspection): InspectionForm => formsState.get()[r.id] ?? freshForm(r);

export function setDraft(r: Inspection, patch: Partial<InspectionDraft>): void {
  ensureForm(r);
  update(r.id, (f) => ({ ...f, draft: { ...f.draft, ...patch } }));
}

/** 修改（更正）: the read-only form opens for an amendment. */
export function startAmending(r: Inspection): void {
  ensureForm(r);
  update(r.id, (f) => ({ ...f, amending: true }));
}

/** 放弃修改: the draft goes back to the stored record. */
export function discardDraft(r: Inspection): void {
  formsState.set((all) => ({ ...all, [r.id]: freshForm(r) }));
}

/** The question the panel's dialog asks: an amendment's or a status move's reason. */
export interface ReasonAsk {
  title: string;
  /** What changes, line by line (the amendment's fields before → after). */
  lines: readonly string[];
  required: boolean;
  resolve(reason: string | null): void;
}

export const reasonAsk = createStore<ReasonAsk | null>(null);

/** Asks a reason (null: cancelled). */
export function askReason(title: string, lines: readonly string[], required: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    reasonAsk.get()?.resolve(null);
    reasonAsk.set({
      title,
      lines,
      required,
      resolve: (r) => {
        reasonAsk.set(null);
        resolve(r);
      },
    });
  });
}

const isQuota = (e: unknown): boolean => {
  const named = (x: unknown) => typeof x === 'object' && x !== null && (x as { name?: unknown }).name === 'QuotaExceededError';
  return named(e) || named((e as { inner?: unknown } | null)?.inner);
};

/** A failed write in words: 核查记录 核〔2026〕003号 未保存：磁盘空间不足… (what: 草稿 / 提交 / 更正 / 状态 / a section's change). */
export function failureText(e: unknown, number: string, what: string, t: Translate): string {
  const message = isQuota(e) ? t('inspection.save.diskFull') : errorReason(e, t);
  return t('inspection.save.failed', { number, what, message });
}

const refusalText = (r: InspectionWriteResult, t: Translate): string =>
  r.ok ? '' : t(`inspection.refusal.${r.reason}` as MessageKey, { detail: r.detail ?? '' });

/**
 * Runs one write for record `r`: on success the stored record is shown (panel, sections, list); a refusal or a
 * failure is said in the form and as a notice, and nothing typed is lost.
 */
async function write(
  r: Inspection,
  what: string,
  busy: InspectionForm['busy'],
  ctx: FormCtx,
  run: () => Promise<InspectionWriteResult>,
): Promise<Inspection | null> {
  ensureForm(r);
  update(r.id, (f) => ({ ...f, busy, error: null }));
  let result: InspectionWriteResult;
  try {
    result = await run();
  } catch (e) {
    const text = failureText(e, r.number, what, ctx.t);
    update(r.id, (f) => ({ ...f, busy: null, error: text }));
    ctx.wb.notices.error(text);
    return null;
  }
  if (!result.ok) {
    const issues = result.issues ?? [];
    update(r.id, (f) => ({ ...f, busy: null, issues, focusTick: f.focusTick + (issues.length > 0 ? 1 : 0), error: refusalText(result, ctx.t) }));
    return null;
  }
  showStoredInspection(result.value);
  update(r.id, (f) => ({ ...f, busy: null, error: null }));
  return result.value;
}

const storedNow = (id: string): Inspection | null => {
  const open = openInspectionState.get();
  return open?.id === id ? open.record : null;
};

/** Shows the issues next to their fields and focuses the first; true when there are errors among them. */
function showIssues(id: string, issues: readonly FormIssue[]): boolean {
  update(id, (f) => ({ ...f, issues, focusTick: f.focusTick + 1 }));
  return !canSubmit(issues);
}

/** 保存草稿: the draft's fields stored, one history entry (nothing when nothing changed). */
export async function saveDraft(r: Inspection, ctx: FormCtx): Promise<Inspection | null> {
  const f = ensureForm(r);
  const local = draftIssues(f.draft);
  if (local.length > 0) {
    showIssues(r.id, local);
    return null;
  }
  const saved = await write(r, ctx.t('inspection.what.draft'), 'save', ctx, () =>
    saveStoredInspection(r.id, patchOf(f.draft), userName(), Date.now()),
  );
  if (saved) {
    formsState.set((all) => ({ ...all, [r.id]: { ...freshForm(saved), issues: all[r.id]?.issues.length ? checkOpen(saved) : [] } }));
    ctx.wb.notices.push('info', ctx.t('inspection.save.saved', { number: saved.number }));
  }
  return saved;
}

/** After a save with issues shown, the issues the stored record still has (the officer sees what is left). */
const checkOpen = (r: Inspection): FormIssue[] => checkForSubmit(r, Date.now());

/** 提交: checked (the form's issues next to their fields, the first focused), saved and submitted in one transaction. */
export async function submit(r: Inspection, ctx: FormCtx): Promise<Inspection | null> {
  const f = ensureForm(r);
  const local = draftIssues(f.draft);
  const now = Date.now();
  const issues = local.length > 0 ? local : checkForSubmit({ ...r, ...patchOf(f.draft) }, now);
  if (showIssues(r.id, issues)) return null;
  const saved = await write(r, ctx.t('inspection.what.submit'), 'submit', ctx, () => submitStoredInspection(r.id, patchOf(f.draft), userName(), now));
  if (saved) {
    formsState.set((all) => ({ ...all, [r.id]: freshForm(saved) }));
    ctx.wb.notices.push('info', ctx.t('inspection.submit.done', { number: saved.number }));
  }
  return saved;
}

/** 保存更正: a submitted record's change, checked as a submission is, with the reason asked naming the changes. */
export async function saveAmendment(r: Inspection, ctx: FormCtx): Promise<Inspection | null> {
  const f = ensureForm(r);
  const local = draftIssues(f.draft);
  if (local.length > 0) {
    showIssues(r.id, local);
    return null;
  }
  const changes = draftChanges(r, f.draft);
  if (changes.length === 0) {
    ctx.wb.notices.push('info', ctx.t('inspection.amend.nothing'));
    return null;
  }
  if (showIssues(r.id, checkForSubmit({ ...r, ...patchOf(f.draft) }, Date.now()))) return null;
  const reason = await askReason(ctx.t('inspection.amend.title', { number: r.number }), changesText(changes, ctx.t), true);
  if (reason === null) return null;
  const saved = await write(r, ctx.t('inspection.what.amend'), 'save', ctx, () =>
    amendStoredInspection(r.id, patchOf(f.draft), reason, userName(), Date.now()),
  );
  if (saved) {
    formsState.set((all) => ({ ...all, [r.id]: freshForm(saved) }));
    ctx.wb.notices.push('info', ctx.t('inspection.amend.done', { number: saved.number }));
  }
  return saved;
}

/** Which status moves need a reason (结案: why it is closed; the others may say one). */
export const REASON_REQUIRED: Readonly<Record<InspectionStatus, boolean>> = {
  pending: false,
  checked: false,
  stopped: false,
  filed: false,
  closed: true,
};

/** A status move (已制止 / 已立案 / 已结案), with its reason asked. */
export async function moveStatus(r: Inspection, to: InspectionStatus, ctx: FormCtx): Promise<Inspection | null> {
  const title = ctx.t('inspection.status.moveTitle', { number: r.number, to: ctx.t(statusKey(to)) });
  const reason = await askReason(title, [], REASON_REQUIRED[to]);
  if (reason === null) return null;
  const saved = await write(r, ctx.t('inspection.what.status'), 'status', ctx, () =>
    moveStoredInspection(r.id, to, reason.trim() === '' ? null : reason.trim(), userName(), Date.now()),
  );
  if (saved) ctx.wb.notices.push('info', ctx.t('inspection.status.moved', { number: saved.number, to: ctx.t(statusKey(to)) }));
  return saved;
}

/**
 * A section's save (sections.ts): a draft's save of the patch, or for a submitted record an amendment whose reason
 * is asked naming `what`. The form's own draft is untouched (a section's fields are not the form's).
 */
export async function sectionSave(id: string, patch: InspectionPatch, what: string, ctx: FormCtx): Promise<Inspection | null> {
  const r = storedNow(id);
  if (!r) return null;
  if (r.submittedAt === null) return write(r, what, 'save', ctx, () => saveStoredInspection(r.id, patch, userName(), Date.now()));
  const reason = await askReason(ctx.t('inspection.amend.sectionTitle', { number: r.number, what }), [what], true);
  if (reason === null) return null;
  return write(r, what, 'save', ctx, () => amendStoredInspection(r.id, patch, reason, userName(), Date.now()));
}
