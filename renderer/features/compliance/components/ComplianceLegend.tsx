import { formatNumber, useI18n } from '../../../i18n';
import { LegendSwatch } from '../../../ui/LegendSwatch';
import { useStore } from '../../../ui/store';
import { legendEntries } from '../compliance.logic';
import { complianceUi, useCompliance } from '../compliance-state';
import { STATUS_KEY } from './status-text';

/** The map's legend card while the compliance colours are on: each status's colour, its name and how many areas. */
export function ComplianceLegendHost() {
  const { showOnMap } = useStore(complianceUi);
  return showOnMap ? <ComplianceLegend /> : null;
}

function ComplianceLegend() {
  const { t, lang } = useI18n();
  const view = useCompliance();
  // Top right, under the map's zoom buttons: the table drawer and the notices take the bottom.
  return (
    <div
      className="map-card"
      role="group"
      aria-label={t('compliance.legend.title')}
      data-testid="compliance-legend"
      style={{ top: 112, left: 'auto', right: 10, minWidth: 180 }}
    >
      <div style={{ fontWeight: 600 }}>{t('compliance.legend.title')}</div>
      <div className="map-card-note">{view.period ? t('compliance.legend.period', { from: view.period.from, to: view.period.to }) : '—'}</div>
      {legendEntries(view.counts).map((e) => (
        <div key={e.status} className="map-card-row" data-testid="compliance-legend-item" data-status={e.status}>
          <span style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <LegendSwatch symbol={{ shape: 'fill', fill: e.fill, fillOpacity: e.opacity, stroke: e.line, strokeWidthPx: 1.5 }} />
            {t(STATUS_KEY[e.status])}
          </span>
          <span data-testid="compliance-legend-count">{formatNumber(lang, e.count)}</span>
        </div>
      ))}
    </div>
  );
}
