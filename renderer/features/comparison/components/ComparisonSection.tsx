/**
 * 套合分析, the record panel's first section: one button compares the record's plot with the office's role layers
 * (in the comparison worker), stores the result with the record (`save`: a draft's save, or for a submitted record
 * an amendment whose reason the panel asks), and shows its blocks. A stored result whose layers have changed since,
 * or whose boundary is not the record's any more (redrawn, rebuilt from survey points), says so and offers to rerun.
 */
import { useEffect, useMemo, useState } from 'react';
import { comparisonStaleness, isStale, restoreStoredComparison, type PlotRefusal } from '../../../../shared/domain/inspection/comparison-run';
import { formatDegrees } from '../../../../shared/domain/units/format';
import { useI18n } from '../../../i18n';
import { errorReason, isCancelled } from '../../../platform/coded-error';
import { ProgressCard } from '../../../ui/ProgressCard';
import { useStore } from '../../../ui/store';
import type { InspectionSectionProps } from '../../inspection';
import { useLayerList } from '../../layers';
import { comparisonBlocks, m2Text, muText, refusalText, stalenessText, type PrintedBlock } from '../comparison.logic';
import { comparisonClient, loadRoles, rolesDialogOpen, rolesState, stopComparisonWorker } from '../comparison-state';

type RunState = { kind: 'idle' } | { kind: 'running' } | { kind: 'refused'; refusal: PlotRefusal } | { kind: 'error'; text: string };

export function ComparisonSection({ record, readOnly, save }: InspectionSectionProps) {
  const { t } = useI18n();
  const { layers } = useLayerList();
  const roles = useStore(rolesState);
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  useEffect(() => {
    if (!roles?.saved) void loadRoles(layers);
  }, [layers, roles?.saved]);
  useEffect(() => () => setRun({ kind: 'idle' }), [record.id]);

  const stored = useMemo(() => {
    const r = record.comparison ? restoreStoredComparison(record.comparison) : null;
    return r?.ok ? r.value : null;
  }, [record.comparison]);
  const unreadable = record.comparison !== null && stored === null;
  const blocks = useMemo(() => (stored ? comparisonBlocks(stored, t) : []), [stored, t]);
  const staleText = useMemo(() => {
    if (!stored) return null;
    const s = comparisonStaleness(stored, record, layers, roles?.roles.roles ?? null);
    return isStale(s) ? stalenessText(s, t) : null;
  }, [stored, record, layers, roles, t]);

  const assigned = roles?.roles.roles ?? [];
  const start = async () => {
    if (!roles) return;
    setRun({ kind: 'running' });
    try {
      const r = await comparisonClient().request('compare', {
        geometry: record.geometry,
        zone: record.zone,
        roles: roles.roles.roles,
        verdicts: roles.roles.verdicts,
        ranAt: Date.now(),
      });
      if (!r.ok) return setRun({ kind: 'refused', refusal: r.refusal });
      const saved = await save({ comparison: r.stored as unknown as Record<string, unknown> }, t('comparison.what'));
      setRun(saved ? { kind: 'idle' } : { kind: 'error', text: t('comparison.notSaved') });
    } catch (err) {
      setRun(isCancelled(err) ? { kind: 'idle' } : { kind: 'error', text: t('comparison.failed', { message: errorReason(err, t) }) });
    }
  };
  const cancel = () => {
    stopComparisonWorker();
    setRun({ kind: 'idle' });
  };

  const noGeometry = record.geometry === null;
  return (
    <div className="comparison-section" data-testid="comparison-section">
      <div className="row gap">
        <button
          className="btn primary"
          data-testid="comparison-run"
          disabled={run.kind === 'running' || noGeometry || !roles || assigned.length === 0}
          onClick={() => void start()}
          title={readOnly ? t('comparison.amendHint') : undefined}
        >
          {stored ? t('comparison.rerun') : t('comparison.run')}
        </button>
        <button className="btn" data-testid="comparison-roles" onClick={() => rolesDialogOpen.set(true)}>
          {t('comparison.roles')}
        </button>
      </div>
      {roles && (
        <p className="muted small" data-testid="comparison-roles-line">
          {assigned.length === 0
            ? t('comparison.noRoles')
            : `${t(roles.saved ? 'comparison.rolesSaved' : 'comparison.rolesGuessed')}${assigned.map((r) => `${t(`comparison.role.${r.role}`)}：${r.layerName}`).join('；')}`}
        </p>
      )}
      {noGeometry && <p className="msg info">{t('comparison.noGeometry')}</p>}
      {run.kind === 'running' && (
        <ProgressCard
          placement="inline"
          title={t('comparison.running')}
          fraction={null}
          onCancel={cancel}
          cancelLabel={t('common.cancel')}
          cancelTestId="comparison-cancel"
        />
      )}
      {run.kind === 'refused' && (
        <p className="msg error" data-testid="comparison-refused">
          {refusalText(run.refusal, t)}
        </p>
      )}
      {run.kind === 'error' && <p className="msg error">{run.text}</p>}
      {unreadable && <p className="msg warning">{t('comparison.unreadable')}</p>}
      {staleText && (
        <p className="msg warning" data-testid="comparison-stale">
          {staleText}
          <button
            className="btn small"
            data-testid="comparison-stale-rerun"
            disabled={run.kind === 'running' || noGeometry}
            onClick={() => void start()}
          >
            {t('comparison.rerun')}
          </button>
        </p>
      )}
      {stored && (
        <>
          <p className="muted small" data-testid="comparison-meta">
            {t('comparison.meta', {
              at: new Date(stored.ranAt).toLocaleString(),
              layers: stored.layers.map((l) => t('comparison.layerVersion', { name: l.name, version: l.dataVersion })).join('、'),
            })}
          </p>
          {blocks.map((b) => (
            <ComparisonBlock key={b.id} block={b} />
          ))}
          <p className="muted small" data-testid="comparison-basis">
            {t('comparison.basis', {
              zone: stored.summary.total.zone.zone,
              width: stored.summary.total.zone.width,
              cm: formatDegrees(stored.summary.total.zone.centralMeridian, { decimals: 0 }),
            })}
          </p>
        </>
      )}
    </div>
  );
}

function ComparisonBlock({ block }: { block: PrintedBlock }) {
  const { t } = useI18n();
  return (
    <section className="comparison-block" data-testid={`comparison-block-${block.id}`}>
      <h4>
        {block.title}
        {block.layerName && <span className="muted small">（{block.layerName}）</span>}
      </h4>
      {!block.complete && <p className="msg warning small">{t('comparison.incomplete')}</p>}
      <table className="grid small">
        <thead>
          <tr>
            <th>{t('comparison.col.item')}</th>
            <th className="num">{t('comparison.col.planar')}</th>
            <th className="num">{t('comparison.col.mu')}</th>
            <th className="num">{t('comparison.col.ellipsoidal')}</th>
          </tr>
        </thead>
        <tbody>
          {block.rows.map((r) => (
            <tr key={r.key} data-row={r.key} className={r.sub ? 'sub' : undefined}>
              <td>{r.label}</td>
              <td className="num">{m2Text(r.figures.planarM2)}</td>
              <td className="num">{muText(r.figures.mu)}</td>
              <td className="num">{m2Text(r.figures.ellipsoidalM2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {block.verdictLine && (
        <p className={`msg ${block.verdictLine.tone}`} data-testid="comparison-fits">
          {block.verdictLine.text}
        </p>
      )}
    </section>
  );
}
