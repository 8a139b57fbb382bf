import { INSPECTION_STATUSES } from '../../../../shared/domain/inspection/status';
import { formatNumber, useI18n } from '../../../i18n';
import { LegendSwatch } from '../../../ui/LegendSwatch';
import { useStore } from '../../../ui/store';
import { useWorkbench } from '../../../ui/workbench';
import { MAX_PLOTS_ON_MAP, STATUS_STYLE } from '../inspection-list.logic';
import { LIST_PANEL_ID } from '../inspection-list-ids';
import { listUi, useInspectionMap } from '../inspection-list-state';
import { STATUS_KEY } from '../text-keys';

/** The map's legend card while the 核查 tab shows the records by status. */
export function InspectionListLegendHost() {
  const wb = useWorkbench();
  const open = useStore(wb.dock).left === LIST_PANEL_ID;
  const { showOnMap } = useStore(listUi);
  return open && showOnMap ? <InspectionListLegend /> : null;
}

function InspectionListLegend() {
  const { t, lang } = useI18n();
  const { data } = useInspectionMap(true);
  return (
    <div
      className="map-card"
      role="group"
      aria-label={t('inspectionList.legend.title')}
      data-testid="inspection-list-legend"
      style={{ top: 112, left: 'auto', right: 10, minWidth: 180 }}
    >
      <div style={{ fontWeight: 600 }}>{t('inspectionList.legend.title')}</div>
      {INSPECTION_STATUSES.map((s) => (
        <div key={s} className="map-card-row" data-testid="inspection-list-legend-item" data-status={s}>
          <span style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <LegendSwatch
              symbol={{
                shape: 'fill',
                fill: STATUS_STYLE[s].fill,
                fillOpacity: STATUS_STYLE[s].opacity,
                stroke: STATUS_STYLE[s].line,
                strokeWidthPx: 1.5,
              }}
            />
            {t(STATUS_KEY[s])}
          </span>
          <span data-testid="inspection-list-legend-count">{data ? formatNumber(lang, data.counts[s]) : '…'}</span>
        </div>
      ))}
      {data && data.unplaced > 0 && (
        <div className="map-card-note" data-testid="inspection-list-legend-unplaced">
          {t('inspectionList.legend.unplaced', { n: formatNumber(lang, data.unplaced) })}
        </div>
      )}
      {data && !data.plots && (
        <div className="map-card-note" data-testid="inspection-list-legend-pins">
          {t('inspectionList.legend.pinsOnly', { max: formatNumber(lang, MAX_PLOTS_ON_MAP) })}
        </div>
      )}
      <div className="map-card-note">{t('inspectionList.legend.hint')}</div>
    </div>
  );
}
