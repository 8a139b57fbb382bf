/**
 * 导出 of one record and 批量导出 of many: the pipeline's steps with progress and cancel, the PDF through the platform
 * (Electron's printToPdf, else the browser's print and the file the user saved), one zip saved through saveBytes.
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import type { Translate } from '../../i18n';
import { electronApi, saveBytes } from '../../platform/platform';
import { CodedError } from '../../platform/coded-error';
import { batchFolders, evidenceNames, skippedText, type ExportRefusal } from './evidence.logic';
import { refusalText } from './evidence-text';
import { evidenceClient } from './evidence-state';
import { prepareSheets, sealRecord, type ExportStep, type PreparedSheets, type SheetInputs } from './export-pipeline';
import { browserPrint, printRequestOf, showSheets } from './print-pdf';
import { sheetPng as renderPngInWorker } from './render';
import type { SealedFile } from './evidence.protocol';

export interface ExportCallbacks {
  onStep(step: ExportStep, detail?: { done: number; total: number }): void;
  /** Browser build: after the print dialog, the PDF the user saved (null: they did not choose one; the export stops). */
  askForPdf(): Promise<Uint8Array | null>;
  signal: AbortSignal;
}

export type ExportOutcome =
  | { ok: true; name: string; files: SealedFile[]; manifestJson: string; bytes: number; stepsMs: Partial<Record<ExportStep | 'save', number>> }
  | { ok: false; refusal: ExportRefusal }
  | { ok: false; noPdf: true };

const aborted = (s: AbortSignal) => {
  if (s.aborted) throw new CodedError('cancelled');
};

/**
 * The PNG of the map sheet at 300 dpi, its resolution stated (pHYs): the same display list drawn on an OffscreenCanvas
 * in the sheet-canvas worker (render/), with the bytes of the images it places.
 */
export async function mapPng(p: PreparedSheets, signal: AbortSignal): Promise<Uint8Array> {
  const sheet = p.sheets[0]!;
  const images: Record<string, Uint8Array> = {};
  for (const m of sheet.marks) {
    if (m.kind !== 'image' || images[m.ref] || !p.images[m.ref]) continue;
    images[m.ref] = new Uint8Array(await (await fetch(p.images[m.ref]!)).arrayBuffer());
  }
  const r = await renderPngInWorker(sheet, images, { dpi: 300, signal });
  if (!r.ok) throw new CodedError('failed', { detail: r.reason === 'tooLarge' ? `${r.widthPx} × ${r.heightPx} px` : `image ${r.ref}` });
  return r.png;
}

/** One record's PNG and PDF: the sheets shown in the print root once, both taken from it. */
async function pngAndPdf(p: PreparedSheets, cb: ExportCallbacks): Promise<{ png: Uint8Array; pdf: Uint8Array } | null> {
  const api = electronApi();
  cb.onStep('png');
  const clear = await showSheets(p.sheets, p.images);
  try {
    const png = await mapPng(p, cb.signal);
    aborted(cb.signal);
    cb.onStep('pdf');
    if (api) return { png, pdf: await api.printToPdf(printRequestOf(p.sheets)) };
    window.print();
    clear();
    const pdf = await cb.askForPdf();
    return pdf ? { png, pdf } : null;
  } finally {
    clear();
  }
}

/** 导出证据 of one record into 证据-<编号>.zip. */
export async function exportRecordEvidence(record: Inspection, inputs: SheetInputs, caller: ExportCallbacks): Promise<ExportOutcome> {
  // Each step's time (the bench reads them; a slow laptop's report can name its slow step).
  const stepsMs: Partial<Record<ExportStep | 'save', number>> = {};
  let step: ExportStep | 'save' = 'data';
  let at = performance.now();
  const mark = (next: ExportStep | 'save') => {
    const now = performance.now();
    stepsMs[step] = (stepsMs[step] ?? 0) + now - at;
    step = next;
    at = now;
  };
  const cb: ExportCallbacks = { ...caller, onStep: (s, d) => (mark(s), caller.onStep(s, d)) };
  const prepared = await prepareSheets(record, { ...inputs, signal: cb.signal, onStep: (s) => cb.onStep(s) });
  if (!prepared.ok) return prepared;
  const p = prepared.prepared;
  try {
    aborted(cb.signal);
    const made = await pngAndPdf(p, cb);
    if (!made) return { ok: false, noPdf: true };
    aborted(cb.signal);
    cb.onStep('manifest');
    const sealed = await sealRecord(record, p, made, cb.signal);
    const zip = await evidenceClient().request(
      'zip',
      { entries: sealed.files.map((f) => ({ path: f.path, bytes: f.bytes })) },
      { signal: cb.signal },
    );
    aborted(cb.signal);
    const name = evidenceNames(record.number, record.id).zip;
    mark('save');
    await saveBytes(name, zip, 'application/zip', 'ZIP', 'zip');
    mark('save');
    return { ok: true, name, files: sealed.files, manifestJson: sealed.manifestJson, bytes: zip.byteLength, stepsMs };
  } finally {
    p.dispose();
  }
}

export interface BatchOutcome {
  name: string;
  exported: number;
  skipped: { number: string; reason: string }[];
}

/** One set of a batch: its PNG, and in Electron its PDF, both from the print root (the browser build prints once, later). */
export async function batchPngAndPdf(p: PreparedSheets, signal: AbortSignal): Promise<{ png: Uint8Array; pdf: Uint8Array | null }> {
  const api = electronApi();
  const clear = await showSheets(p.sheets, p.images);
  try {
    const png = await mapPng(p, signal);
    return { png, pdf: api ? await api.printToPdf(printRequestOf(p.sheets)) : null };
  } finally {
    clear();
  }
}

/** A batch's end: the browser build's one print of every set's sheets, then 跳过.txt when something was skipped. */
export async function finishBatch(
  entries: { path: string; bytes: Uint8Array }[],
  skipped: readonly { number: string; reason: string }[],
  browserSheets: readonly PreparedSheets[],
  cb: ExportCallbacks,
  t: Translate,
  total: number,
): Promise<void> {
  cb.onStep('pdf', { done: total, total });
  if (!electronApi() && browserSheets.length > 0)
    await browserPrint(
      browserSheets.flatMap((p) => p.sheets),
      Object.assign({}, ...browserSheets.map((p) => p.images)),
    );
  if (skipped.length > 0) entries.push({ path: '跳过.txt', bytes: new TextEncoder().encode(skippedText(t('evidence.batch.skippedTitle'), skipped)) });
  cb.onStep('manifest', { done: total, total });
}

/**
 * 批量导出证据: one evidence set per record, a folder each, into one zip; records without a plot or a current comparison
 * are skipped and listed in 跳过.txt with the reason. Electron: printToPdf per record. The browser build: the records'
 * sheets are printed once, all together, through the print dialog (a browser cannot save one PDF per record
 * unattended), and each folder holds the rest of its set.
 */
export async function exportBatch(
  records: readonly Inspection[],
  inputs: Omit<SheetInputs, 'onStep' | 'signal'>,
  cb: ExportCallbacks,
  t: Translate,
  fileName: string,
): Promise<BatchOutcome> {
  const api = electronApi();
  const folders = batchFolders(
    records.map((r) => r.number),
    (i) => `record-${i + 1}`,
  );
  const entries: { path: string; bytes: Uint8Array }[] = [];
  const skipped: { number: string; reason: string }[] = [];
  const browserSheets: PreparedSheets[] = [];
  let exported = 0;
  try {
    for (const [i, record] of records.entries()) {
      aborted(cb.signal);
      cb.onStep('data', { done: i, total: records.length });
      const prepared = await prepareSheets(record, { ...inputs, signal: cb.signal });
      if (!prepared.ok) {
        skipped.push({ number: record.number || record.id, reason: refusalText(prepared.refusal, t) });
        continue;
      }
      const p = prepared.prepared;
      const { png, pdf } = await batchPngAndPdf(p, cb.signal);
      if (!api) browserSheets.push(p);
      const sealed = await sealRecord(record, p, { pdf, png }, cb.signal);
      for (const f of sealed.files) entries.push({ path: `${folders[i]}/${f.path}`, bytes: f.bytes });
      if (api) p.dispose();
      exported++;
    }
    await finishBatch(entries, skipped, browserSheets, cb, t, records.length);
    const zip = await evidenceClient().request('zip', { entries }, { signal: cb.signal });
    await saveBytes(fileName, zip, 'application/zip', 'ZIP', 'zip');
    return { name: fileName, exported, skipped };
  } finally {
    for (const p of browserSheets) p.dispose();
  }
}
