import { useMemo } from 'react';
import type { DateKey } from '../../../../shared/domain/patrol/calendar';
import { formatNumber, useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { CheckboxField, DateField, SelectField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { gridState } from '../../grid';
import { patrolState } from '../../patrol';
import { chartWeeks, townshipAreaIds, weeklyBins, weeklyRequirement } from '../compliance-chart.logic';
import { legendEntries, PERIOD_KINDS, type PeriodKind } from '../compliance.logic';
import { complianceUi, setUi, useCompliance } from '../compliance-state';
import { useShowArea } from '../use-show-area';
import { RuleAssignment } from './RuleAssignment';
import { StopNoticeList } from './StopNoticeList';
import { STATUS_KEY } from './status-text';
import { WeeklyChart } from './WeeklyChart';

const PERIOD_KEY = {
  week: 'compliance.period.week',
  month: 'compliance.period.month',
  quarter: 'compliance.period.quarter',
  year: 'compliance.period.year',
  custom: 'compliance.period.custom',
} as const;

/**
 * 巡查考核: the period (this week … this year, or from–to, judged as of today), the township, the map's colours and the
 * table on or off, the office's rules, rule assignment for the grid's selected area, the township's patrols per week
 * and the stop-notice sites.
 */
export function CompliancePanel() {
  const { t, lang } = useI18n();
  const ui = useStore(complianceUi);
  const view = useCompliance();
  const { areas } = useStore(gridState);
  const { patrols } = useStore(patrolState);
  const { rules } = useStore(patrolState);
  const show = useShowArea();
  const townships = useMemo(() => areas.filter((a) => a.level === 'township'), [areas]);
  const chartTownship = ui.townshipId ?? townships[0]?.id ?? null;
  const chart = useMemo(() => {
    if (!chartTownship || !view.period) return null;
    const ids = townshipAreaIds(view.source.meta, chartTownship);
    const bins = weeklyBins(patrols, ids, chartWeeks(view.period, view.asOf));
    const required = weeklyRequirement(
      view.source.areas.filter((a) => ids.has(a.id)),
      rules,
    );
    return { bins, required, name: view.source.meta.get(chartTownship)?.name ?? '' };
  }, [chartTownship, view, patrols, rules]);

  return (
    <section className="panel compliance-panel" data-testid="compliance-panel" style={{ overflowY: 'auto' }}>
      <header className="panel-header">
        <h2>{t('compliance.title')}</h2>
        <button
          type="button"
          className="btn small"
          style={{ marginLeft: 'auto' }}
          data-testid="compliance-rules-open"
          onClick={() => setUi({ rulesOpen: true })}
        >
          {t('compliance.rules.open')}
        </button>
      </header>
      <div className="fields" style={{ padding: '8px 10px', gap: 6 }}>
        <SelectField<PeriodKind>
          label={t('compliance.period')}
          layout="inline"
          options={PERIOD_KINDS.map((k) => ({ value: k, label: t(PERIOD_KEY[k]) }))}
          value={ui.periodKind}
          onChange={(periodKind) => setUi({ periodKind })}
          testId="compliance-period"
        />
        {ui.periodKind === 'custom' && (
          <div style={{ display: 'flex', gap: 6 }}>
            <DateField
              label={t('compliance.from')}
              value={ui.customFrom}
              onChange={(v) => setUi({ customFrom: v as DateKey | null })}
              testId="compliance-from"
            />
            <DateField
              label={t('compliance.to')}
              value={ui.customTo}
              onChange={(v) => setUi({ customTo: v as DateKey | null })}
              testId="compliance-to"
            />
          </div>
        )}
        <p className="muted" data-testid="compliance-period-text">
          {view.period ? t('compliance.periodText', { from: view.period.from, to: view.period.to, asOf: view.asOf }) : t('compliance.periodMissing')}
          {view.pending && !view.error && <span data-testid="compliance-pending">{t('compliance.pending')}</span>}
        </p>
        {view.error !== null && (
          <p className="msg error" role="alert" data-testid="compliance-error">
            {t('compliance.failed', { message: errorText(view.error, t) })}
          </p>
        )}
        <SelectField
          label={t('compliance.township')}
          layout="inline"
          options={[{ value: '', label: t('compliance.allTownships') }, ...townships.map((a) => ({ value: a.id as string, label: a.name }))]}
          value={ui.townshipId ?? ''}
          onChange={(v) => setUi({ townshipId: v === '' ? null : v })}
          testId="compliance-township"
        />
        <CheckboxField
          label={t('compliance.showOnMap')}
          checked={ui.showOnMap}
          onChange={(showOnMap) => setUi({ showOnMap })}
          testId="compliance-show-map"
        />
        <div style={{ display: 'flex', gap: 6 }}>
          <button type="button" className="btn small" data-testid="compliance-table-open" onClick={() => setUi({ tableOpen: !ui.tableOpen })}>
            {ui.tableOpen ? t('compliance.table.hide') : t('compliance.table.show')}
          </button>
        </div>
        <ul data-testid="compliance-summary" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: '2px 10px' }}>
          {legendEntries(view.counts).map((e) => (
            <li key={e.status} data-status={e.status} style={{ color: e.line }}>
              {t(STATUS_KEY[e.status])} {formatNumber(lang, e.count)}
            </li>
          ))}
        </ul>
      </div>
      <h3 className="compliance-section" style={{ margin: '6px 10px 2px', fontSize: 13 }}>
        {t('compliance.assign.title')}
      </h3>
      <div style={{ padding: '0 10px 8px' }}>
        <RuleAssignment />
      </div>
      <h3 style={{ margin: '6px 10px 2px', fontSize: 13 }}>
        {chart ? t('compliance.chart.title', { name: chart.name }) : t('compliance.chart.titleNone')}
      </h3>
      <div style={{ padding: '0 10px 8px' }}>
        {chart ? <WeeklyChart bins={chart.bins} required={chart.required} /> : <p className="muted">{t('compliance.chart.none')}</p>}
      </div>
      <h3 style={{ margin: '6px 10px 2px', fontSize: 13 }}>{t('compliance.stop.title')}</h3>
      <div style={{ padding: '0 10px 10px' }}>
        <StopNoticeList view={view} onPick={show} />
      </div>
    </section>
  );
}
