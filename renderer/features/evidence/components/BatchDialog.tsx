/**
 * 批量导出证据: the 核查 list's filtered records, or every patch of a 卫片图斑 layer (the annual 卫片 check), one evidence
 * set each (a folder), into one zip or a chosen folder, with progress (n / N, the current JCBH) and cancel.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { electronApi } from '../../../platform/platform';
import { Dialog } from '../../../ui/Dialog';
import { RadioGroup } from '../../../ui/fields';
import { ProgressCard } from '../../../ui/ProgressCard';
import { stopComparisonWorker } from '../../comparison';
import { sortTopToBottom, useLayerList } from '../../layers';
import { dialogState, stopEvidenceWorker } from '../evidence-state';
import { planLayer } from '../patch-batch';
import {
  initialSource,
  outputChoices,
  patchLayerChoices,
  planCounts,
  sourceOfValue,
  sourceValue,
  type BatchOutput,
  type BatchSource,
} from '../patch-batch.logic';
import { folderPicker, runBatch, type Counts, type Phase } from './batch-dialog.actions';

export function BatchDialog({ recordIds, layerId = null }: { recordIds: readonly string[]; layerId?: string | null }) {
  const { t } = useI18n();
  const { layers: all } = useLayerList();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const layers = useMemo(() => sortTopToBottom(all).filter((l) => l.visible && l.meta.geometryKind !== 'unknown'), [all]);
  const patchLayers = useMemo(() => patchLayerChoices(sortTopToBottom(all)), [all]);
  const [source, setSource] = useState<BatchSource>(() => initialSource(layerId, patchLayers, recordIds.length));
  const outputs = outputChoices(folderPicker() !== null);
  const [output, setOutput] = useState<BatchOutput>('zip');
  const [counts, setCounts] = useState<Counts | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  // The plan of the chosen layer (how many patches have a record), read when the source changes.
  const layerOf = source.kind === 'layer' ? (all.find((l) => l.id === source.layerId) ?? null) : null;
  useEffect(() => {
    setCounts(null);
    if (!layerOf) return;
    let live = true;
    planLayer(layerOf)
      .then((items) => live && setCounts(planCounts(items)))
      .catch((e: unknown) => live && setPhase({ kind: 'error', text: t('evidence.failed', { message: errorText(e, t) }) }));
    return () => {
      live = false;
    };
  }, [layerOf, t]);
  const close = () => dialogState.set(null);

  const run = async () => {
    const ac = new AbortController();
    abort.current = ac;
    try {
      await runBatch({ layer: layerOf, output, recordIds, counts, all, layers, t, signal: ac.signal, onPhase: setPhase });
    } finally {
      abort.current = null;
    }
  };
  const cancel = () => {
    abort.current?.abort();
    stopEvidenceWorker();
    if (layerOf) stopComparisonWorker();
    setPhase({ kind: 'idle' });
  };
  const running = phase.kind === 'running';
  const sourceOptions = [
    { value: sourceValue({ kind: 'records' }), label: t('evidence.batch.sourceRecords', { count: recordIds.length }) },
    ...patchLayers.map((l) => ({
      value: sourceValue({ kind: 'layer', layerId: l.id }),
      label: t('evidence.batch.sourceLayer', { name: l.name, count: l.count }),
    })),
  ];
  const canRun = layerOf ? counts !== null && counts.total > 0 : recordIds.length > 0;
  const progressText =
    running && phase.label
      ? t('evidence.batch.patchProgress', { done: Math.min(phase.done + 1, phase.total), total: phase.total, label: phase.label })
      : running
        ? t('evidence.batch.progress', { done: Math.min(phase.done + 1, phase.total), total: phase.total })
        : '';
  return (
    <Dialog
      title={t('evidence.batch.title')}
      onClose={running ? undefined : close}
      testId="evidence-batch-dialog"
      footer={
        <>
          <button type="button" className="btn" disabled={running} onClick={close} data-testid="evidence-batch-close">
            {t('evidence.close')}
          </button>
          <button type="button" className="btn primary" data-testid="evidence-batch-export" disabled={running || !canRun} onClick={() => void run()}>
            {t('evidence.export')}
          </button>
        </>
      }
    >
      {patchLayers.length > 0 && (
        <RadioGroup
          label={t('evidence.batch.source')}
          options={sourceOptions}
          value={sourceValue(source)}
          onChange={(v) => setSource(sourceOfValue(v))}
          disabled={running}
          testId="evidence-batch-source"
        />
      )}
      {layerOf ? (
        <>
          <p className="muted small" data-testid="evidence-batch-layer-hint">
            {t('evidence.batch.layerHint')}
          </p>
          <p data-testid="evidence-batch-plan">
            {counts
              ? t('evidence.batch.plan', { records: counts.records, patches: counts.patches, skipped: counts.skipped })
              : t('evidence.batch.planning')}
          </p>
          {outputs.length > 1 ? (
            <RadioGroup
              label={t('evidence.batch.output')}
              options={[
                { value: 'zip' as const, label: t('evidence.batch.outputZip') },
                { value: 'folder' as const, label: t('evidence.batch.outputFolder') },
              ]}
              value={output}
              onChange={setOutput}
              disabled={running}
              testId="evidence-batch-output"
            />
          ) : (
            <p className="muted small">{t('evidence.batch.outputZipOnly')}</p>
          )}
        </>
      ) : (
        <p data-testid="evidence-batch-count">
          {recordIds.length === 0 ? t('evidence.batch.none') : t('evidence.batch.count', { count: recordIds.length })}
        </p>
      )}
      <p className="muted small">{t('evidence.batch.settings')}</p>
      {!electronApi() && <p className="muted small">{t('evidence.batch.browser')}</p>}
      {running && (
        <ProgressCard
          placement="inline"
          title={t('evidence.progress')}
          phase={`${t(`evidence.step.${phase.step}`)} · ${progressText}`}
          counts={{ done: phase.done, total: phase.total }}
          onCancel={cancel}
          cancelLabel={t('common.cancel')}
          cancelTestId="evidence-batch-cancel"
          testId="evidence-batch-progress"
        />
      )}
      {phase.kind === 'done' && (
        <p className="msg ok" data-testid="evidence-batch-done">
          {phase.text}
        </p>
      )}
      {phase.kind === 'error' && <p className="msg error">{phase.text}</p>}
    </Dialog>
  );
}
