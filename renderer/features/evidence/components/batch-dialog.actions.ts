/**
 * 批量导出证据's run, out of the dialog: the target (a zip, or a folder the user picks), the template, roles and
 * imagery every set is made with, then the layer batch (patch-batch.ts) or the record batch (export-actions.ts), the
 * progress reported as phases the dialog shows. A cancel (the signal) ends in 'idle'; a failure is said in words.
 */
import type { Inspection } from '../../../../shared/domain/inspection/inspection-record';
import { toSafeFileName } from '../../../../shared/validation/file-name';
import { getInspection, type LayerRecord } from '../../../db';
import type { Translate } from '../../../i18n';
import { errorText, isCancelled } from '../../../platform/coded-error';
import { comparisonRolesNow, loadComparisonRoles } from '../../comparison';
import { exportBatch } from '../export-actions';
import { imageryChoices, loadTemplate } from '../evidence-session';
import type { ExportStep } from '../export-pipeline';
import { exportPatchLayer, type PatchBatchTarget } from '../patch-batch';
import type { BatchOutput, planCounts } from '../patch-batch.logic';

export type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; step: ExportStep; done: number; total: number; label: string }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

export type Counts = ReturnType<typeof planCounts>;

/** The folder picker where the platform has one (Chromium, Electron): a batch can go into a folder. */
export const folderPicker = (): ((o?: { mode?: 'readwrite' }) => Promise<FileSystemDirectoryHandle>) | null => {
  const w = window as unknown as { showDirectoryPicker?: (o?: { mode?: 'readwrite' }) => Promise<FileSystemDirectoryHandle> };
  return typeof w.showDirectoryPicker === 'function' ? w.showDirectoryPicker.bind(window) : null;
};

export interface BatchRun {
  /** The 卫片图斑 layer chosen as the source, else null: the 核查 list's records. */
  layer: LayerRecord | null;
  output: BatchOutput;
  recordIds: readonly string[];
  counts: Counts | null;
  /** Every layer (the roles are guessed from them) and the drawn ones, top first. */
  all: readonly LayerRecord[];
  layers: readonly LayerRecord[];
  t: Translate;
  signal: AbortSignal;
  onPhase(phase: Phase): void;
}

/** Where a layer batch goes: a folder the user picks (null when they close the picker: nothing starts), else a zip. */
async function layerTarget(layer: LayerRecord, output: BatchOutput, t: Translate, date: string): Promise<PatchBatchTarget | null> {
  const pick = folderPicker();
  if (output === 'folder' && pick) {
    try {
      return {
        kind: 'folder',
        dir: await pick({ mode: 'readwrite' }),
        name: toSafeFileName(t('evidence.batch.folderName', { layer: layer.name, date })),
      };
    } catch {
      return null;
    }
  }
  return { kind: 'zip', fileName: toSafeFileName(t('evidence.batch.layerFileName', { layer: layer.name, date })) };
}

export async function runBatch(run: BatchRun): Promise<void> {
  const { layer, t, onPhase } = run;
  const date = new Date().toISOString().slice(0, 10);
  const target = layer ? await layerTarget(layer, run.output, t, date) : null;
  if (layer && !target) return; // the user closed the picker: nothing started
  onPhase({ kind: 'running', step: 'data', done: 0, total: layer ? (run.counts?.total ?? 0) : run.recordIds.length, label: '' });
  try {
    const template = await loadTemplate();
    const roles = comparisonRolesNow() ?? (await loadComparisonRoles(run.all)).roles.roles;
    const inputs = {
      settings: template.sheet,
      template,
      layers: run.layers,
      roles,
      imagery: template.sheet.imagery ? (imageryChoices()[0] ?? null) : null,
      t,
    };
    const callbacks = { signal: run.signal, askForPdf: () => Promise.resolve(null) };
    if (layer && target) {
      let label = '';
      const out = await exportPatchLayer(
        layer,
        inputs,
        {
          ...callbacks,
          onPatch: (_done, _total, l) => (label = l),
          onStep: (step, d) => onPhase({ kind: 'running', step, done: d?.done ?? 0, total: d?.total ?? 0, label }),
        },
        t,
        target,
      );
      onPhase({
        kind: 'done',
        text: t('evidence.batch.layerDone', { records: out.records, patches: out.patches, name: out.name, skipped: out.skipped.length }),
      });
      return;
    }
    const records: Inspection[] = [];
    for (const id of run.recordIds) {
      const r = await getInspection(id);
      if (r) records.push(r);
    }
    const name = toSafeFileName(t('evidence.batch.fileName', { date }));
    const out = await exportBatch(
      records,
      inputs,
      {
        ...callbacks,
        onStep: (step, d) => onPhase({ kind: 'running', step, done: d?.done ?? 0, total: d?.total ?? records.length, label: '' }),
      },
      t,
      name,
    );
    onPhase({ kind: 'done', text: t('evidence.batch.done', { exported: out.exported, name: out.name, skipped: out.skipped.length }) });
  } catch (e) {
    onPhase(isCancelled(e) ? { kind: 'idle' } : { kind: 'error', text: t('evidence.failed', { message: errorText(e, t) }) });
  }
}
