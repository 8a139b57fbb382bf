import { formatNumber, useI18n } from '../../../i18n';
import { errorText } from '../../../platform/coded-error';
import { CheckboxField } from '../../../ui/fields';
import { useStore } from '../../../ui/store';
import { listUi, setListUi, useInspectionList } from '../inspection-list-state';
import { useListExport } from '../use-list-export';
import { ListFilters } from './ListFilters';
import { TownshipCounts } from './TownshipCounts';

/**
 * 核查: search and filter the stored inspection records, the map's colours and the list drawer on or off, the
 * export, and the counts per township by status with 立案率 / 结案率. The rows themselves are in the drawer under
 * the map (InspectionListTable), which has the width for nine columns.
 */
export function InspectionListPanel() {
  const { t, lang } = useI18n();
  const ui = useStore(listUi);
  const view = useInspectionList();
  const exporter = useListExport(view.result);
  const r = view.result;
  return (
    <section className="panel" data-testid="inspection-list-panel" style={{ overflowY: 'auto' }}>
      <header className="panel-header">
        <h2>{t('inspectionList.title')}</h2>
      </header>
      <p className="muted" style={{ margin: '6px 10px 0' }} data-testid="inspection-list-total" data-n={r?.count ?? ''} data-total={r?.total ?? ''}>
        {r ? t('inspectionList.total', { total: formatNumber(lang, r.total), n: formatNumber(lang, r.count) }) : t('inspectionList.loading')}
      </p>
      {view.error !== null && (
        <p className="msg error" role="alert" data-testid="inspection-list-error" style={{ margin: '6px 10px' }}>
          {t('inspectionList.failed', { message: errorText(view.error, t) })}
        </p>
      )}
      <ListFilters choices={r?.choices ?? null} />
      <div className="fields" style={{ padding: '0 10px 8px', gap: 6 }}>
        <CheckboxField
          label={t('inspectionList.showOnMap')}
          checked={ui.showOnMap}
          onChange={(showOnMap) => setListUi({ showOnMap })}
          testId="inspection-list-show-map"
        />
        <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
          <button
            type="button"
            className="btn small"
            data-testid="inspection-list-table-toggle"
            onClick={() => setListUi({ tableOpen: !ui.tableOpen })}
          >
            {ui.tableOpen ? t('inspectionList.table.hide') : t('inspectionList.table.show')}
          </button>
          <button
            type="button"
            className="btn small"
            data-testid="inspection-list-export"
            disabled={!r || r.count === 0 || exporter.status?.kind === 'writing'}
            onClick={() => void exporter.run()}
          >
            {t('inspectionList.export')}
          </button>
        </div>
        {exporter.status && (
          <p className={exporter.status.kind === 'failed' ? 'msg error' : 'muted'} role="status" data-testid="inspection-list-export-status">
            {exporter.status.text}
          </p>
        )}
      </div>
      <h3 style={{ margin: '6px 10px 2px', fontSize: 13 }}>{t('inspectionList.counts.title')}</h3>
      <div style={{ padding: '0 10px 10px' }}>{r && <TownshipCounts rows={r.townships} />}</div>
    </section>
  );
}
