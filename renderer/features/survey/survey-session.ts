/**
 * The survey import's state outside React (a store: the section's button, the 文件 menu's commands and a drop all
 * start it without a component) and its steps: read in the worker → the column mapping (a table) → the datum
 * (GPX/KML) → the confirmation (the plot of a several-plot 报盘 file, the zone when the file does not say it, the
 * method, the figures and a refusal shown before anything is saved) → saved into the open record, or a new record
 * started from it. Every problem is a notice naming the file.
 */
import type { Inspection, InspectionPatch } from '../../../shared/domain/inspection/inspection-record';
import type { ColumnMapping, CsvColumn, MappingSuggestion } from '../../../shared/formats/survey/csv';
import type { SurveyFile } from '../../../shared/formats/survey/types';
import { formatSurveyIssue } from '../../../shared/i18n/survey';
import type { Lang, Translate } from '../../i18n';
import { errorReason } from '../../platform/coded-error';
import { createStore } from '../../ui/store';
import { geometriesBbox, type Bbox } from '../../../shared/domain/geometry/bbox';
import type { NoticeService } from '../../ui/use-notices';
import { startInspection } from '../inspection';
import { applyMappingInWorker, readSurveyInWorker } from './survey-client';
import { isLngLatFormat } from './survey.logic';

/** Into the open record (its section's save), or a new record started from the file. */
export type ImportTarget = 'open' | 'new';

export type ImportStep =
  | { kind: 'reading'; target: ImportTarget; file: string }
  | {
      kind: 'mapping';
      target: ImportTarget;
      file: string;
      bytes: Uint8Array;
      columns: CsvColumn[];
      suggestion: MappingSuggestion;
      hasHeader: boolean;
      rows: number;
    }
  | { kind: 'datum'; target: ImportTarget; file: SurveyFile }
  | { kind: 'confirm'; target: ImportTarget; file: SurveyFile; datumUnknown: boolean };

export const importState = createStore<ImportStep | null>(null);

/** The open record's section publishes its save here while it is shown (the 导入界址点… command writes through it). */
export interface OpenSection {
  record: Inspection;
  readOnly: boolean;
  save(patch: InspectionPatch, what: string): Promise<Inspection | null>;
}
export const openSection = createStore<OpenSection | null>(null);

/** The context key 导入界址点… reads: a record's 界址点 section is shown. */
export const SECTION_KEY = 'survey.sectionOpen';

/** The file pickers the host's hidden inputs open (set while the host is mounted). */
export const pickers: { open?: () => void; new?: () => void } = {};

export interface ImportEnv {
  notices: NoticeService;
  t: Translate;
  lang: Lang;
  /** Shows the imported boundary on the map (the map fits its extent). */
  fit?: (bbox: Bbox) => void;
}

const issuesText = (f: SurveyFile, lang: Lang, severity: 'error' | 'warning' | 'info') =>
  f.issues.filter((i) => i.severity === severity).map((i) => formatSurveyIssue(i, lang));

/** Reads one file the user gave (a file input or a drop) and opens the next step. */
export async function importSurveyFile(target: ImportTarget, name: string, bytes: Uint8Array, env: ImportEnv): Promise<void> {
  if (target === 'open' && !openSection.get()) {
    env.notices.error(env.t('survey.import.noRecord'));
    return;
  }
  importState.set({ kind: 'reading', target, file: name });
  try {
    const r = await readSurveyInWorker({ file: name, bytes });
    if (r.kind === 'columns') {
      importState.set({
        kind: 'mapping',
        target,
        file: name,
        bytes,
        columns: r.columns,
        suggestion: r.suggestion,
        hasHeader: r.hasHeader,
        rows: r.rows,
      });
      return;
    }
    takeFile(target, r.file, env);
  } catch (e) {
    importState.set(null);
    env.notices.error(env.t('survey.import.failed', { file: name, message: errorReason(e, env.t) }));
  }
}

/** The mapping dialog's answer: the rows read under it. */
export async function applyMapping(step: Extract<ImportStep, { kind: 'mapping' }>, mapping: ColumnMapping, env: ImportEnv): Promise<void> {
  importState.set({ kind: 'reading', target: step.target, file: step.file });
  try {
    takeFile(step.target, await applyMappingInWorker({ file: step.file, bytes: step.bytes, mapping }), env);
  } catch (e) {
    importState.set(null);
    env.notices.error(env.t('survey.import.failed', { file: step.file, message: errorReason(e, env.t) }));
  }
}

/** A read file: its errors end the import (said, nothing changed); a lon/lat file asks its datum first. */
function takeFile(target: ImportTarget, file: SurveyFile, env: ImportEnv): void {
  const errors = issuesText(file, env.lang, 'error');
  if (errors.length > 0 || file.plots.length === 0) {
    importState.set(null);
    for (const e of errors.length ? errors : [env.t('survey.import.noPlot', { file: file.file })]) env.notices.error(e);
    return;
  }
  importState.set(isLngLatFormat(file) ? { kind: 'datum', target, file } : { kind: 'confirm', target, file, datumUnknown: false });
}

export const cancelImport = (): void => importState.set(null);

/**
 * Saves the confirmed points: into the open record (one save, `导入界址点`) or as a new record's content. Resolves
 * true when stored; the notices say what was decided (north column, encoding, zone) and any warning.
 */
export async function finishImport(
  step: Extract<ImportStep, { kind: 'confirm' }>,
  patch: Pick<InspectionPatch, 'geometry' | 'zone' | 'surveyPoints'>,
  notes: readonly { kind: 'info' | 'warning'; text: string }[],
  env: ImportEnv,
): Promise<boolean> {
  const name = step.file.file;
  if (step.target === 'open') {
    const s = openSection.get();
    if (!s) {
      env.notices.error(env.t('survey.import.noRecord'));
      return false;
    }
    const saved = await s.save(patch, env.t('survey.save.import'));
    if (!saved) return false;
  } else {
    const r = await startInspection({ source: { kind: 'survey', file: name }, content: patch });
    if (!r.ok) {
      env.notices.error(env.t('survey.import.startFailed', { file: name, reason: r.reason }));
      return false;
    }
  }
  importState.set(null);
  const bbox = geometriesBbox([patch.geometry ?? null]);
  if (bbox && env.fit) env.fit(bbox);
  env.notices.push('info', env.t('survey.import.done', { file: name, count: patch.surveyPoints?.length ?? 0 }));
  for (const n of notes) env.notices.push(n.kind, n.text);
  return true;
}
