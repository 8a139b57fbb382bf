import { useI18n } from '../../../i18n';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { patrolFindingActions, type PatrolFinding } from '../finding-actions';
import { formState } from '../patrol-form-state';

/** 转为核查记录: the actions other features registered for a saved patrol's finding (finding-actions.ts). */
export function FindingActions() {
  const { t } = useI18n();
  const wb = useWorkbench();
  const actions = useStore(patrolFindingActions);
  const form = useStore(formState);
  const p = form?.stored ?? null;
  if (actions.length === 0)
    return (
      <div className="patrol-buttons">
        <button type="button" className="btn small" disabled title={t('patrol.finding.notInstalled')} data-testid="patrol-finding-action">
          {t('patrol.finding.toInspection')}
        </button>
        <span className="muted">{t('patrol.finding.notInstalled')}</span>
      </div>
    );
  const finding: PatrolFinding | null = p && {
    patrolId: p.id,
    number: p.number,
    startedAt: p.startedAt,
    officers: p.officers,
    areaIds: p.areaIds,
    findings: p.findings,
    measures: p.measures,
    route: p.route,
  };
  return (
    <div className="patrol-buttons">
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className="btn small"
          data-testid="patrol-finding-action"
          disabled={!finding}
          title={finding ? undefined : t('patrol.finding.saveFirst')}
          onClick={() => finding && wb.attempt(a.labelKey, () => a.perform(finding, wb.context()))}
        >
          {t(a.labelKey)}
        </button>
      ))}
    </div>
  );
}
