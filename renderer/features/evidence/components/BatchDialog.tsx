/** 批量导出证据: the 核查 list's filtered records, one evidence set each (a folder), into one zip, with progress and cancel. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Inspection } from '../../../../shared/domain/inspection/inspection-record';
import { toSafeFileName } from '../../../../shared/validation/file-name';
import { getInspection } from '../../../db';
import { useI18n } from '../../../i18n';
import { errorText, isCancelled } from '../../../platform/coded-error';
import { electronApi } from '../../../platform/platform';
import { Dialog } from '../../../ui/Dialog';
import { ProgressCard } from '../../../ui/ProgressCard';
import { comparisonRolesNow, loadComparisonRoles } from '../../comparison';
import { sortTopToBottom, useLayerList } from '../../layers';
import { exportBatch } from '../export-actions';
import { dialogState, stopEvidenceWorker } from '../evidence-state';
import { imageryChoices, loadTemplate } from '../evidence-session';
import type { ExportStep } from '../export-pipeline';

type Phase =
  | { kind: 'idle' }
  | { kind: 'running'; step: ExportStep; done: number; total: number }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

export function BatchDialog({ recordIds }: { recordIds: readonly string[] }) {
  const { t } = useI18n();
  const { layers: all } = useLayerList();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const layers = useMemo(() => sortTopToBottom(all).filter((l) => l.visible && l.meta.geometryKind !== 'unknown'), [all]);
  useEffect(() => () => abort.current?.abort(), []);
  const close = () => dialogState.set(null);

  const run = async () => {
    const ac = new AbortController();
    abort.current = ac;
    setPhase({ kind: 'running', step: 'data', done: 0, total: recordIds.length });
    try {
      const template = await loadTemplate();
      const roles = comparisonRolesNow() ?? (await loadComparisonRoles(all)).roles.roles;
      const records: Inspection[] = [];
      for (const id of recordIds) {
        const r = await getInspection(id);
        if (r) records.push(r);
      }
      const name = toSafeFileName(t('evidence.batch.fileName', { date: new Date().toISOString().slice(0, 10) }));
      const out = await exportBatch(
        records,
        { settings: template.sheet, template, layers, roles, imagery: template.sheet.imagery ? (imageryChoices()[0] ?? null) : null, t },
        {
          signal: ac.signal,
          onStep: (step, d) => setPhase({ kind: 'running', step, done: d?.done ?? 0, total: d?.total ?? records.length }),
          askForPdf: () => Promise.resolve(null),
        },
        t,
        name,
      );
      setPhase({ kind: 'done', text: t('evidence.batch.done', { exported: out.exported, name: out.name, skipped: out.skipped.length }) });
    } catch (e) {
      setPhase(isCancelled(e) ? { kind: 'idle' } : { kind: 'error', text: t('evidence.failed', { message: errorText(e, t) }) });
    } finally {
      abort.current = null;
    }
  };
  const cancel = () => {
    abort.current?.abort();
    stopEvidenceWorker();
    setPhase({ kind: 'idle' });
  };
  const running = phase.kind === 'running';
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
          <button
            type="button"
            className="btn primary"
            data-testid="evidence-batch-export"
            disabled={running || recordIds.length === 0}
            onClick={() => void run()}
          >
            {t('evidence.export')}
          </button>
        </>
      }
    >
      <p data-testid="evidence-batch-count">
        {recordIds.length === 0 ? t('evidence.batch.none') : t('evidence.batch.count', { count: recordIds.length })}
      </p>
      <p className="muted small">{t('evidence.batch.settings')}</p>
      {!electronApi() && <p className="muted small">{t('evidence.batch.browser')}</p>}
      {running && (
        <ProgressCard
          placement="inline"
          title={t('evidence.progress')}
          phase={`${t(`evidence.step.${phase.step}`)} · ${t('evidence.batch.progress', { done: Math.min(phase.done + 1, phase.total), total: phase.total })}`}
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
