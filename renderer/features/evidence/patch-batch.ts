/**
 * 批量导出证据 over a whole 卫片图斑 layer (the annual 卫片 check): one evidence set per patch, a folder each (its JCBH),
 * into one zip or a chosen folder, with progress (n / N, the current JCBH) and cancel. A patch with an inspection record
 * (JCBH = 任务编号) gets the record's full set, exactly as the record batch makes it; a patch without one gets a patch
 * set: the map sheet with the patch as the plot and the area table from a comparison RUN NOW (the comparison worker,
 * the office's roles: the one engine), the PNG, the 报盘 file and the manifest (no 笔录, no 通知书: nobody has been on
 * site; the sheet says so, in Chinese whatever the UI language, as the papers). What cannot be exported is listed in 跳过.txt. Nothing stored changes: no record is made.
 * Everything is gathered first and written at the end, so a cancel leaves nothing saved.
 */
import type { Inspection } from '../../../shared/domain/inspection/inspection-record';
import { listInspections, type LayerRecord } from '../../db';
import type { Translate } from '../../i18n';
import { evidenceZhCN } from '../../i18n/evidence.zh-CN';
import { electronApi, saveBytes } from '../../platform/platform';
import { CodedError } from '../../platform/coded-error';
import { comparePlot, plotRefusalText } from '../comparison';
import { locate, patchNoOf } from '../inspection';
import { batchPngAndPdf, finishBatch, type ExportCallbacks } from './export-actions';
import { evidenceNames } from './evidence.logic';
import { refusalText } from './evidence-text';
import { evidenceClient } from './evidence-state';
import { prepareMapSheets, prepareSheets, sealRecord, sealSet, type PreparedSheets, type SheetInputs } from './export-pipeline';
import {
  patchManifestMeta,
  patchPlot,
  patchPoints,
  patchSheetRecord,
  patchVillageOf,
  planPatchBatch,
  writeFolder,
  withUninspectedNote,
  type FolderLike,
  type PatchItem,
} from './patch-batch.logic';

/** Where the batch goes: one zip saved through the platform, or the files written into a folder the user chose. */
export type PatchBatchTarget = { kind: 'zip'; fileName: string } | { kind: 'folder'; dir: FileSystemDirectoryHandle; name: string };

export interface PatchBatchCallbacks extends ExportCallbacks {
  /** Before each patch: its place in the batch and its JCBH. */
  onPatch(done: number, total: number, label: string): void;
}

export interface PatchBatchOutcome {
  name: string;
  /** Sets of patches with a record, and patch sets. */
  records: number;
  patches: number;
  skipped: { number: string; reason: string }[];
}

const aborted = (s: AbortSignal) => {
  if (s.aborted) throw new CodedError('cancelled');
};

/** The patches of a layer and the plan of what each gets (read in the evidence worker; records from the store). */
export async function planLayer(layer: Pick<LayerRecord, 'id' | 'name'>, signal?: AbortSignal): Promise<PatchItem<Inspection>[]> {
  const read = await evidenceClient().request('patches', { layerId: layer.id, layerName: layer.name }, signal ? { signal } : {});
  return planPatchBatch(read.patches, await listInspections(), patchNoOf);
}

/**
 * A patch set's sheets: the map sheet (and 续表) of the patch, its areas from the comparison run now, the note that it
 * is not inspected. A refusal (the comparison refuses the boundary; the plot does not fit) is a 跳过.txt line.
 */
export async function preparePatchSheets(
  item: Extract<PatchItem, { kind: 'patch' }>,
  inputs: SheetInputs,
): Promise<{ ok: true; prepared: PreparedSheets } | { ok: false; reason: string }> {
  const { t } = inputs;
  const plot = patchPlot(item.patch);
  const geometry = item.patch.geometry;
  if (!plot || !geometry) return { ok: false, reason: t('evidence.refusal.noGeometry') };
  const compared = await comparePlot(item.patch.geometry, item.patch.zone, inputs.layers, Date.now(), inputs.signal);
  if (!compared.ok) return { ok: false, reason: t('evidence.patch.refused', { why: plotRefusalText(compared.refusal, t) }) };
  const made = await prepareMapSheets(
    {
      plot,
      points: patchPoints(plot),
      stored: compared.stored,
      record: patchSheetRecord(item.label, item.patch.properties, await locate(geometry, patchVillageOf(item.patch.properties))),
    },
    { ...inputs, settings: { ...inputs.settings, title: evidenceZhCN['evidence.patch.sheetTitle'] } },
  );
  if (!made.ok) return { ok: false, reason: refusalText(made.refusal, t) };
  const m = made.map;
  return {
    ok: true,
    prepared: {
      sheets: withUninspectedNote(m.sheets, evidenceZhCN['evidence.patch.note']),
      images: m.images,
      plan: m.plan,
      plot,
      content: m.content,
      stored: compared.stored,
      notes: m.notes,
      photos: [],
      dispose: m.dispose,
    },
  };
}

/** 批量导出证据 of every patch of a patch layer. */
export async function exportPatchLayer(
  layer: Pick<LayerRecord, 'id' | 'name'>,
  inputs: Omit<SheetInputs, 'onStep' | 'signal'>,
  cb: PatchBatchCallbacks,
  t: Translate,
  target: PatchBatchTarget,
): Promise<PatchBatchOutcome> {
  const api = electronApi();
  cb.onStep('data', { done: 0, total: 0 });
  const items = await planLayer(layer, cb.signal);
  const entries: { path: string; bytes: Uint8Array }[] = [];
  const skipped: { number: string; reason: string }[] = [];
  const browserSheets: PreparedSheets[] = [];
  let records = 0;
  let patches = 0;
  const sheetInputs: SheetInputs = { ...inputs, signal: cb.signal };
  try {
    for (const [i, item] of items.entries()) {
      aborted(cb.signal);
      cb.onPatch(i, items.length, item.label);
      cb.onStep('data', { done: i, total: items.length });
      if (item.kind === 'skip') {
        skipped.push({ number: item.label, reason: t('evidence.refusal.noGeometry') });
        continue;
      }
      let p: PreparedSheets;
      if (item.kind === 'record') {
        const prepared = await prepareSheets(item.record, sheetInputs);
        if (!prepared.ok) {
          skipped.push({
            number: item.label,
            reason: `${refusalText(prepared.refusal, t)}${t('evidence.patch.ofRecord', { number: item.record.number })}`,
          });
          continue;
        }
        p = prepared.prepared;
      } else {
        const prepared = await preparePatchSheets(item, sheetInputs);
        if (!prepared.ok) {
          skipped.push({ number: item.label, reason: prepared.reason });
          continue;
        }
        p = prepared.prepared;
      }
      aborted(cb.signal);
      cb.onStep('png', { done: i, total: items.length });
      const { png, pdf } = await batchPngAndPdf(p, cb.signal);
      if (!api) browserSheets.push(p);
      cb.onStep('manifest', { done: i, total: items.length });
      const sealed =
        item.kind === 'record'
          ? await sealRecord(item.record, p, { pdf, png }, cb.signal)
          : await sealSet(
              evidenceNames(item.label, `patch-${item.patch.fid}`),
              p,
              { pdf, png },
              patchManifestMeta(item.label, layer, item.patch.fid),
              cb.signal,
            );
      for (const f of sealed.files) entries.push({ path: `${item.folder}/${f.path}`, bytes: f.bytes });
      if (api) p.dispose();
      if (item.kind === 'record') records++;
      else patches++;
    }
    aborted(cb.signal);
    await finishBatch(entries, skipped, browserSheets, cb, t, items.length);
    aborted(cb.signal);
    let name: string;
    if (target.kind === 'zip') {
      const zip = await evidenceClient().request('zip', { entries }, { signal: cb.signal });
      aborted(cb.signal);
      await saveBytes(target.fileName, zip, 'application/zip', 'ZIP', 'zip');
      name = target.fileName;
    } else {
      await writeFolder(target.dir as unknown as FolderLike, target.name, entries, () => aborted(cb.signal));
      name = `${target.dir.name}/${target.name}`;
    }
    return { name, records, patches, skipped };
  } finally {
    for (const p of browserSheets) p.dispose();
  }
}
