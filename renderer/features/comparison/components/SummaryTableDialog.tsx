/**
 * 卫片图斑核查一览表: choose a change-patch layer; every patch is compared with the office's role layers in the
 * comparison worker (progress, cancel), the on-site conclusions are taken from the stored inspections whose 任务编号 is
 * the patch's JCBH, and the table is written as .xlsx there and saved.
 */
import { useEffect, useMemo, useState } from 'react';
import { XLSX_MIME } from '../../../../shared/formats/xlsx/workbook';
import { toSafeFileName } from '../../../../shared/validation/file-name';
import { getOfficeProfile, type LayerRecord } from '../../../db';
import { useI18n } from '../../../i18n';
import { errorReason, isCancelled } from '../../../platform/coded-error';
import { saveBytes } from '../../../platform/platform';
import { Dialog } from '../../../ui/Dialog';
import { SelectField } from '../../../ui/fields';
import { ProgressCard } from '../../../ui/ProgressCard';
import { useStore } from '../../../ui/store';
import type { ComparisonProgress } from '../comparison.protocol';
import { comparisonClient, loadRoles, rolesDialogOpen, rolesState, stopComparisonWorker } from '../comparison-state';

type State = { kind: 'idle' } | { kind: 'running'; progress: ComparisonProgress } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

export function SummaryTableDialog({ layers, onClose }: { layers: LayerRecord[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const roles = useStore(rolesState);
  const patchLayers = useMemo(() => layers.filter((l) => l.meta.geometryKind === 'polygon' && l.kind === 'changePatch'), [layers]);
  const [layerId, setLayerId] = useState(patchLayers[0]?.id ?? '');
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => {
    if (!roles) void loadRoles(layers);
  }, [roles, layers]);
  useEffect(() => () => stopComparisonWorker(), []);

  const assigned = roles?.roles.roles ?? [];
  const run = async () => {
    if (!roles) return;
    setState({ kind: 'running', progress: { step: 'reading' } });
    try {
      const office = (await getOfficeProfile()).officeName;
      const r = await comparisonClient().request(
        'summaryTable',
        { patchLayerId: layerId, roles: roles.roles.roles, verdicts: roles.roles.verdicts, lang, office, createdMs: Date.now() },
        { onProgress: (progress) => setState((s) => (s.kind === 'running' ? { kind: 'running', progress } : s)) },
      );
      const name = toSafeFileName(`${t('comparison.table.file', { layer: r.layerName })}-${new Date().toISOString().slice(0, 10)}.xlsx`);
      const saved = await saveBytes(name, r.bytes, XLSX_MIME, 'Excel', 'xlsx');
      setState(saved ? { kind: 'done', text: t('comparison.table.saved', { name, count: r.patches, refused: r.refused }) } : { kind: 'idle' });
    } catch (err) {
      setState(isCancelled(err) ? { kind: 'idle' } : { kind: 'error', text: t('comparison.failed', { message: errorReason(err, t) }) });
    }
  };
  const cancel = () => {
    stopComparisonWorker();
    setState({ kind: 'idle' });
  };
  const p = state.kind === 'running' ? state.progress : null;
  return (
    <Dialog
      title={t('comparison.table.dialog')}
      onClose={onClose}
      testId="comparison-table-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            className="btn primary"
            data-testid="comparison-table-run"
            disabled={layerId === '' || state.kind === 'running' || assigned.length === 0}
            onClick={() => void run()}
          >
            {t('comparison.table.run')}
          </button>
        </>
      }
    >
      {patchLayers.length === 0 ? (
        <p className="msg warning">{t('comparison.table.noPatchLayer')}</p>
      ) : (
        <SelectField
          label={t('comparison.table.layer')}
          testId="comparison-table-layer"
          value={layerId}
          onChange={setLayerId}
          options={patchLayers.map((l) => ({ value: l.id, label: l.name }))}
        />
      )}
      <p className="muted small">
        {assigned.length === 0 ? t('comparison.noRoles') : assigned.map((r) => `${t(`comparison.role.${r.role}`)}：${r.layerName}`).join('；')}{' '}
        <button className="btn small" onClick={() => rolesDialogOpen.set(true)}>
          {t('comparison.roles')}
        </button>
      </p>
      {p && (
        <ProgressCard
          placement="inline"
          title={t('comparison.table.progress')}
          phase={t(
            p.step === 'comparing' ? 'comparison.step.comparing' : p.step === 'writing' ? 'comparison.step.writing' : 'comparison.step.reading',
          )}
          counts={p.step === 'comparing' ? { done: p.done, total: p.total } : null}
          onCancel={cancel}
          cancelLabel={t('common.cancel')}
          cancelTestId="comparison-table-cancel"
          testId="comparison-table-progress"
        />
      )}
      {state.kind === 'done' && (
        <p className="msg ok" data-testid="comparison-table-status">
          {state.text}
        </p>
      )}
      {state.kind === 'error' && <p className="msg error">{state.text}</p>}
    </Dialog>
  );
}
