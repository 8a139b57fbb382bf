/**
 * 打印地图's export, as the dialog runs it: the phase (editing, exporting a step, done, failed), 导出 PDF / 导出 PNG with
 * cancel, and the full-resolution sheets of the last export kept while nothing they were made of changes — 导出 PNG
 * after 导出 PDF (what an officer does) draws the same sheet without reading the layers and rendering the imagery again.
 */
import { useEffect, useRef, useState } from 'react';
import type { MapViewTarget } from '../../../shared/domain/evidence/map-sheet';
import { formatBytes } from '../../../shared/domain/units/format';
import type { Translate } from '../../i18n';
import { errorText, isCancelled } from '../../platform/coded-error';
import { stopEvidenceWorker } from './evidence-state';
import type { ExportStep, PreparedSheets } from './export-pipeline';
import { viewFileNames } from './map-print.logic';
import { exportViewPdf, exportViewPng } from './view-actions';
import { prepareViewSheets, type ViewSheetInputs } from './view-pipeline';

export type ViewExportPhase =
  { kind: 'edit' } | { kind: 'exporting'; step: ExportStep } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export interface ViewExport {
  phase: ViewExportPhase;
  run(output: 'pdf' | 'png'): Promise<void>;
  cancel(): void;
  /** Aborts a running export (the dialog closes). */
  abort(): void;
}

export function useViewExport(
  target: MapViewTarget | null,
  inputs: Omit<ViewSheetInputs, 'preview' | 'signal' | 'onStep'> | null,
  imageryId: string | null,
  t: Translate,
): ViewExport {
  const [phase, setPhase] = useState<ViewExportPhase>({ kind: 'edit' });
  const abort = useRef<AbortController | null>(null);
  const full = useRef<{ key: string; prepared: PreparedSheets } | null>(null);
  const key = inputs ? JSON.stringify([inputs.settings, imageryId, inputs.layers.map((l) => [l.id, l.dataVersion])]) : '';
  useEffect(
    () => () => {
      full.current?.prepared.dispose();
      full.current = null;
    },
    [key],
  );

  const run = async (output: 'pdf' | 'png') => {
    if (!target || !inputs) return;
    const ac = new AbortController();
    abort.current = ac;
    setPhase({ kind: 'exporting', step: 'data' });
    const { settings } = inputs;
    const names = viewFileNames(settings.title, settings.scale === 'fit' ? target.scale : settings.scale, new Date());
    try {
      if (full.current?.key !== key) {
        full.current?.prepared.dispose();
        full.current = null;
        const r = await prepareViewSheets(target, { ...inputs, signal: ac.signal, onStep: (step) => setPhase({ kind: 'exporting', step }) });
        if (!r.ok) {
          setPhase({ kind: 'edit' });
          return;
        }
        full.current = { key, prepared: r.prepared };
      }
      const p = full.current.prepared;
      setPhase({ kind: 'exporting', step: output });
      if (output === 'png') {
        const o = await exportViewPng(p, names.png, ac.signal);
        if (o.kind === 'notSaved') return setPhase({ kind: 'edit' });
        const text = t('evidence.view.donePng', { name: names.png, width: o.widthPx, height: o.heightPx, size: formatBytes(o.bytes) });
        return setPhase({ kind: 'done', text });
      }
      const o = await exportViewPdf(p, names.pdf);
      if (o.kind === 'saved') setPhase({ kind: 'done', text: t('evidence.view.donePdf', { name: names.pdf, size: formatBytes(o.bytes) }) });
      else setPhase(o.kind === 'printed' ? { kind: 'done', text: t('evidence.view.printed') } : { kind: 'edit' });
    } catch (e) {
      setPhase(isCancelled(e) ? { kind: 'edit' } : { kind: 'error', text: t('evidence.view.failed', { message: errorText(e, t) }) });
    } finally {
      abort.current = null;
    }
  };
  const cancel = () => {
    abort.current?.abort();
    stopEvidenceWorker();
    setPhase({ kind: 'edit' });
  };
  return { phase, run, cancel, abort: () => abort.current?.abort() };
}
