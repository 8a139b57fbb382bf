/**
 * The 导出证据 dialog's actions, apart from React (EvidenceDialog.tsx binds them): 导出 with its phases and cancel,
 * 重新套合 of a stale comparison, 保存为本所模板. Each takes its effects (the export, the comparison run, the template
 * store) and the dialog's setters, so its spec drives it with stand-ins and reads what the dialog would show.
 */
import type { EvidenceTemplate } from '../../../../shared/domain/evidence/template';
import type { Inspection } from '../../../../shared/domain/inspection/inspection-record';
import type { Translate } from '../../../i18n';
import { errorText, isCancelled } from '../../../platform/coded-error';
import { formatBytes } from '../../../../shared/domain/units/format';
import type { ExportCallbacks, ExportOutcome } from '../export-actions';
import type { ExportStep } from '../export-pipeline';
import { refusalText } from '../evidence-text';

export type DialogPhase =
  | { kind: 'edit' }
  | { kind: 'exporting'; step: ExportStep }
  | { kind: 'askPdf'; resolve: (bytes: Uint8Array | null) => void }
  | { kind: 'done'; text: string; stepsMs: string }
  | { kind: 'error'; text: string };

/** Each step's time in whole ms, as the done line carries it (data-steps-ms; the bench reads it). */
export const stepsMsText = (stepsMs: Partial<Record<string, number>>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(stepsMs).map(([k, v]) => [k, Math.round(v ?? 0)])));

/**
 * What the dialog shows after an export: the set's name, file count and size; back to editing when the user chose no
 * PDF; a refusal named (the record changed since the preview: its comparison went stale, its plot was removed).
 */
export function phaseOfOutcome(r: ExportOutcome, t: Translate): DialogPhase {
  if (r.ok)
    return {
      kind: 'done',
      text: t('evidence.done', { name: r.name, files: r.files.length, size: formatBytes(r.bytes) }),
      stepsMs: stepsMsText(r.stepsMs),
    };
  if ('noPdf' in r) return { kind: 'edit' };
  return { kind: 'error', text: refusalText(r.refusal, t) };
}

/** A failure: cancelled → back to editing; else the error named. */
export const phaseOfError = (e: unknown, t: Translate): DialogPhase =>
  isCancelled(e) ? { kind: 'edit' } : { kind: 'error', text: t('evidence.failed', { message: errorText(e, t) }) };

export interface RunSinks {
  setPhase(p: DialogPhase): void;
  setNote(n: string | null): void;
  /** The running export's controller (the dialog's cancel and close abort it); null when it ends. */
  setAbort(ac: AbortController | null): void;
}

/** 导出: the export's steps shown as they come, the browser's PDF asked for, the outcome shown. */
export async function runExport(
  exportEvidence: (cb: ExportCallbacks) => Promise<ExportOutcome>,
  sinks: RunSinks,
  t: Translate,
): Promise<DialogPhase> {
  const ac = new AbortController();
  sinks.setAbort(ac);
  sinks.setNote(null);
  sinks.setPhase({ kind: 'exporting', step: 'data' });
  let end: DialogPhase;
  try {
    const r = await exportEvidence({
      signal: ac.signal,
      onStep: (step) => sinks.setPhase({ kind: 'exporting', step }),
      askForPdf: () => new Promise((resolve) => sinks.setPhase({ kind: 'askPdf', resolve })),
    });
    end = phaseOfOutcome(r, t);
  } catch (e) {
    end = phaseOfError(e, t);
  } finally {
    sinks.setAbort(null);
  }
  sinks.setPhase(end);
  return end;
}

export type RerunResult = { ok: true; record: Inspection } | { ok: false; text: string };

export interface RerunSinks {
  setRerunning(on: boolean): void;
  setNote(n: string | null): void;
  /** The comparison was stored: the record shown again with it. */
  rerunDone(record: Inspection): void;
  /** No save at hand for this record (its panel is not open): show the panel, where 重新套合 is. */
  showPanel(): void;
}

/** 重新套合 from the preview's refusal: the comparison run and stored through the record panel's save. */
export async function rerunComparison(run: (() => Promise<RerunResult>) | null, sinks: RerunSinks, t: Translate): Promise<void> {
  if (!run) {
    sinks.showPanel();
    return;
  }
  sinks.setRerunning(true);
  let r: RerunResult;
  try {
    r = await run();
  } catch (e) {
    r = { ok: false, text: errorText(e, t) };
  } finally {
    sinks.setRerunning(false);
  }
  if (r.ok) sinks.rerunDone(r.record);
  else sinks.setNote(t('evidence.rerun.failed', { message: r.text }));
}

/** 保存为本所模板: the dialog's settings as the office's template, said either way. */
export async function saveAsTemplate(
  save: () => Promise<EvidenceTemplate>,
  sinks: { setTemplate(t: EvidenceTemplate): void; setNote(n: string): void },
  t: Translate,
): Promise<void> {
  try {
    sinks.setTemplate(await save());
    sinks.setNote(t('evidence.template.saved'));
  } catch (e) {
    sinks.setNote(t('evidence.template.failed', { message: errorText(e, t) }));
  }
}
